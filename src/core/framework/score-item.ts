// Dispatcher: scores one leaf from its method. A leaf without a method is scored manually (0…max),
// matching the validation warning LEAF_WITHOUT_METHOD. The reserved input `notApplicable: true`
// marks any item as not applicable, whatever its method.
import type { FrameworkNode, ScoringMethod } from './types.ts';
import type { InfoValues, InputValues, ItemScore } from './score-types.ts';
import { isMarkedNotApplicable } from './inputs.ts';
import { scoreManual } from './methods/manual.ts';
import { scoreYesNo } from './methods/yesno.ts';
import { scoreChoice } from './methods/choice.ts';
import { scoreRatio } from './methods/ratio.ts';
import { scoreSteps } from './methods/steps.ts';
import { scoreFormula } from './methods/formula.ts';
import { failed, notApplicable } from './methods/result.ts';

export type ScorableItem = Pick<FrameworkNode, 'maxPoints' | 'method'>;

const DEFAULT_METHOD: ScoringMethod = { kind: 'manual' };

export function scoreItem(item: ScorableItem, inputs: InputValues | undefined, info?: InfoValues): ItemScore {
  const method = item.method ?? DEFAULT_METHOD;
  const max = item.maxPoints;
  if (!Number.isFinite(max) || max < 0) {
    return failed(
      'Điểm tối đa không hợp lệ.',
      [],
      [{ code: 'MAX_POINTS_INVALID', message: `Điểm tối đa của tiêu chí không hợp lệ (${String(max)}).` }],
    );
  }
  if (isMarkedNotApplicable(inputs))
    return notApplicable('Tiêu chí được đánh dấu không áp dụng.', [], 'đánh dấu không áp dụng');
  switch (method.kind) {
    case 'manual':
      return scoreManual(method, max, inputs);
    case 'yesno':
      return scoreYesNo(max, inputs);
    case 'choice':
      return scoreChoice(method, max, inputs);
    case 'ratio':
      return scoreRatio(method, max, inputs);
    case 'steps':
      return scoreSteps(method, max, inputs);
    case 'formula':
      return scoreFormula(method, max, inputs, info);
    default: {
      const kind = (method as { kind?: unknown }).kind;
      return failed(
        'Phương pháp tính điểm không xác định.',
        [],
        [{ code: 'METHOD_UNKNOWN', message: `Phương pháp tính điểm không được hỗ trợ: ${String(kind)}.` }],
      );
    }
  }
}
