// POST /assessments/{id}/submit: the leader (or a reporter when the campaign allows it) sends the
// self-assessment, at server time. Every failing item is listed at once (422 SUBMISSION_INCOMPLETE).
// The timing is judged against the group's self-assessment deadline: late within the tolerance →
// penalty; beyond it → lowest band, or refused (409 SUBMISSION_REFUSED) when the rules say so.
// Idempotent: a submitted assessment is returned unchanged. After the DX office reopened single
// items, submitting again re-locks them and keeps the first submission's timing; after a whole
// reopen the first timing stands too — a unit is not made late by a correction the office asked for.
import { judgeSubmissionOf, submissionProblems } from '../../core/campaign/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import {
  type SubmissionTiming,
  markAssessmentSubmitted,
  relockReopenedItems,
} from '../../db/queries/assessment-writes.ts';
import { type AssessmentContext, loadItems } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError, notFound } from '../errors.ts';
import { entriesOf } from '../presenters/assessment.ts';
import {
  type AssessmentWho,
  assessmentRefOf,
  campaignNotOpen,
  forbidden,
  loadAssessmentForChange,
} from './assessment-access.ts';

export async function submitAssessment(
  db: Db,
  { who, id, now }: { who: AssessmentWho; id: string; now: Date },
): Promise<AssessmentContext> {
  return db.transaction(async (tx) => {
    const ctx = await loadAssessmentForChange(tx, who, id);
    const ref = assessmentRefOf(ctx);
    const leader = holdsRoleOver(who.actor, ['unit_leader'], ref.unit);
    const staff = holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], ref.unit);
    if (!leader && !(ref.reportersMaySubmit && staff)) {
      throw forbidden(
        ref.reportersMaySubmit
          ? 'Chỉ lãnh đạo hoặc cán bộ nhập liệu của đơn vị được gửi bản tự đánh giá.'
          : 'Chỉ lãnh đạo đơn vị được gửi bản tự đánh giá.',
      );
    }
    const items = await loadItems(tx, id);
    const reopened = items.filter((i) => i.reopened).map((i) => i.code);
    if (ctx.assessment.status === 'submitted' && reopened.length === 0) return ctx;
    if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);

    const def = await loadDefinition(tx, ctx.group.frameworkId);
    if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
    const problems = submissionProblems(def.definition, entriesOf(items));
    if (problems.length > 0) {
      throw new OperationError(
        'SUBMISSION_INCOMPLETE',
        `Chưa gửi được: còn ${problems.length} chỉ số chưa đạt yêu cầu.`,
        { problems },
      );
    }
    if (reopened.length > 0) await relockReopenedItems(tx, id);

    const firstSubmission = ctx.assessment.submittedAt === null;
    let timing: SubmissionTiming | Record<string, never> = {};
    if (firstSubmission) {
      const verdict = judgeSubmissionOf(ctx.campaign, ctx.group.deadlineSelfAssessment, now);
      if (verdict.kind === 'late_beyond_tolerance' && verdict.refused) {
        throw new OperationError(
          'SUBMISSION_REFUSED',
          `Nộp muộn ${verdict.daysLate} ngày, quá thời hạn cho phép (${ctx.campaign.rules.lateSubmission.toleranceDays} ngày): không được tiếp nhận.`,
          {
            daysLate: verdict.daysLate,
            toleranceDays: ctx.campaign.rules.lateSubmission.toleranceDays,
            deadline: ctx.group.deadlineSelfAssessment,
          },
        );
      }
      timing = {
        submittedAt: now,
        submittedBy: who.userId,
        submissionChannel: 'system',
        externalReference: null,
        daysLate: verdict.daysLate ?? 0,
        penaltyPoints: verdict.penaltyPoints,
        lowestBand: verdict.lowestBand,
      };
    }
    const after = await markAssessmentSubmitted(tx, id, timing, now);
    await writeAudit(tx, who.audit, {
      action: firstSubmission ? 'assessment.submit' : 'assessment.resubmit',
      objectType: 'assessment',
      objectId: id,
      unitId: ctx.unit.id,
      before: { status: ctx.assessment.status, submittedAt: ctx.assessment.submittedAt, reopenedItems: reopened },
      after: {
        status: 'submitted',
        submittedAt: after.submittedAt,
        daysLate: after.daysLate,
        penaltyPoints: after.penaltyPoints,
        lowestBand: after.lowestBand,
      },
    });
    return { ...ctx, assessment: after };
  });
}
