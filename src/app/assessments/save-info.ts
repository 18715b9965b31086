// PUT /assessments/{id}/info: the informational fields (thông tin chung — population, number of
// villages…) are not scored but formulas read them, so saving them re-scores every saved formula item
// that uses them, in the same transaction (one batched update).
import { type FrameworkNode, collectNames, parseFormula, scoreItem } from '../../core/framework/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { setAssessmentInfo, setItemSelfScore } from '../../db/queries/assessment-writes.ts';
import { type AssessmentContext, loadItems } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError, notFound, versionConflict } from '../errors.ts';
import {
  type AssessmentWho,
  assessmentRefOf,
  campaignNotOpen,
  forbidden,
  loadAssessmentForChange,
} from './assessment-access.ts';

function usesInfo(node: FrameworkNode): boolean {
  if (node.method?.kind !== 'formula') return false;
  const parsed = parseFormula(node.method.expression);
  return parsed.ok ? collectNames(parsed.ast).some((n) => n.name.startsWith('info.')) : false;
}

export async function saveInfo(
  db: Db,
  {
    who,
    id,
    input,
    now,
  }: {
    who: AssessmentWho;
    id: string;
    input: { values: Record<string, number | null>; rowVersion: number };
    now: Date;
  },
): Promise<AssessmentContext> {
  return db.transaction(async (tx) => {
    const ctx = await loadAssessmentForChange(tx, who, id);
    if (!holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], assessmentRefOf(ctx).unit)) {
      throw forbidden('Chỉ cán bộ nhập liệu và lãnh đạo của đơn vị được nhập thông tin chung.');
    }
    if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);
    if (ctx.assessment.status === 'submitted')
      throw new OperationError('ASSESSMENT_LOCKED', 'Bản tự đánh giá đã gửi; thông tin chung không sửa được nữa.');
    if (input.rowVersion !== ctx.assessment.rowVersion)
      throw versionConflict({ info: ctx.assessment.info, rowVersion: ctx.assessment.rowVersion });
    const def = await loadDefinition(tx, ctx.group.frameworkId);
    if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
    const keys = new Set((def.definition.infoFields ?? []).map((f) => f.key));
    const unknown = Object.keys(input.values).filter((k) => !keys.has(k));
    if (unknown.length > 0) {
      throw new OperationError('VALIDATION_FAILED', `Bộ chỉ số không có thông tin chung: ${unknown.join(', ')}.`, {
        issues: unknown.map((k) => ({ path: `/values/${k}`, message: 'Không có trường này' })),
      });
    }
    // A negative population or count is refused naming the field and its range, never set to 0 (issue 13 §6).
    const negative = (def.definition.infoFields ?? []).filter((f) => (input.values[f.key] ?? 0) < 0);
    if (negative.length > 0) {
      const messages = negative.map(
        (f) => `Thông tin chung "${f.label}" = ${input.values[f.key]} nằm ngoài khoảng cho phép (từ 0 trở lên).`,
      );
      throw new OperationError('FIGURE_OUT_OF_RANGE', messages.join(' '), {
        field: negative[0]!.key,
        min: 0,
        max: null,
        issues: negative.map((f, i) => ({ path: `/values/${f.key}`, message: messages[i] })),
      });
    }
    const info = { ...(ctx.assessment.info ?? {}), ...input.values };
    const after = await setAssessmentInfo(tx, id, info, now);

    const rescored: { code: string; before: number | null; after: number | null }[] = [];
    for (const item of await loadItems(tx, id)) {
      const node = def.leaves.get(item.code);
      if (!node || !usesInfo(node)) continue;
      const score = scoreItem(node, item.inputs, info);
      const points = score.notApplicable ? null : score.points;
      if (points !== item.selfScore) rescored.push({ code: item.code, before: item.selfScore, after: points });
    }
    for (const r of rescored) await setItemSelfScore(tx, id, r.code, { selfScore: r.after, now });
    await writeAudit(tx, who.audit, {
      action: 'assessment.info.save',
      objectType: 'assessment',
      objectId: id,
      unitId: ctx.unit.id,
      before: { info: ctx.assessment.info },
      after: { info, rescored },
    });
    return { ...ctx, assessment: after };
  });
}
