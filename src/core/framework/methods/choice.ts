// Choice: the unit picks one listed option; each option gives fixed points or a fraction of max.
import type { ChoiceMethod } from '../types.ts';
import type { InputValues, ItemScore } from '../score-types.ts';
import { getInput, missing } from '../inputs.ts';
import { describeShare, failed, scored, shareToPoints } from './result.ts';

export function scoreChoice(method: ChoiceMethod, max: number, inputs: InputValues | undefined): ItemScore {
  const rule = `Chọn một phương án: ${method.options.map((o) => `${o.label}: ${describeShare(o, max)}`).join('; ')}.`;
  const raw = getInput(inputs, 'choice');
  if (raw === undefined || raw === null || raw === '') return failed(rule, [], [missing('choice', 'Phương án')]);
  const wanted = String(raw).normalize('NFC').trim();
  const option = method.options.find((o) => o.value === wanted);
  if (!option) {
    return failed(
      rule,
      [],
      [{ code: 'CHOICE_UNKNOWN', input: 'choice', message: `Phương án "${wanted}" không có trong danh sách.` }],
    );
  }
  return scored(
    rule,
    [`Phương án chọn: ${option.label}.`, `Điểm: ${describeShare(option, max)}.`],
    shareToPoints(option, max),
    max,
  );
}
