// POST /assessments/{id}/reopen: the DX office running the campaign reopens a submitted assessment —
// whole (back to draft; the first submission's timing stands) or only the listed items (the rest stays
// locked). A reason is required and audited.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { markAssessmentReopened, reopenItems } from '../../db/queries/assessment-writes.ts';
import type { AssessmentContext } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError } from '../errors.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import {
  type AssessmentWho,
  assessmentRefOf,
  campaignNotOpen,
  forbidden,
  loadAssessmentForChange,
} from './assessment-access.ts';

export async function reopenAssessment(
  db: Db,
  { who, id, input, now }: { who: AssessmentWho; id: string; input: { reason: string; codes?: string[] }; now: Date },
): Promise<AssessmentContext> {
  return db.transaction(async (tx) => {
    const ctx = await loadAssessmentForChange(tx, who, id);
    if (!holdsRoleOver(who.actor, ['dx_office'], assessmentRefOf(ctx).campaignOwner)) {
      throw forbidden('Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được mở lại bản tự đánh giá.');
    }
    if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);
    if (ctx.assessment.status !== 'submitted') {
      throw new OperationError('INVALID_STATE', 'Bản tự đánh giá chưa gửi nên không cần mở lại.', {
        status: ctx.assessment.status,
      });
    }
    const codes = input.codes && input.codes.length > 0 ? [...new Set(input.codes)] : null;
    if (codes) {
      const def = await loadDefinition(tx, ctx.group.frameworkId);
      const unknown = codes.filter((c) => !def?.leaves.has(c));
      if (unknown.length > 0) {
        throw new OperationError('VALIDATION_FAILED', `Bộ chỉ số không có chỉ số thành phần: ${unknown.join(', ')}.`, {
          issues: unknown.map((c) => ({ path: '/codes', message: `Không có chỉ số ${c}` })),
        });
      }
      await reopenItems(tx, id, codes);
    }
    const after = await markAssessmentReopened(tx, id, { toDraft: !codes, reason: input.reason, now });
    await writeAudit(tx, who.audit, {
      action: 'assessment.reopen',
      objectType: 'assessment',
      objectId: id,
      unitId: ctx.unit.id,
      before: { status: ctx.assessment.status },
      after: { status: after.status, codes: codes ?? 'all' },
      reason: input.reason,
    });
    return { ...ctx, assessment: after };
  });
}
