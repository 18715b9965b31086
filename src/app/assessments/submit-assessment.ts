// POST /assessments/{id}/submit: the leader (or a reporter when the campaign allows it) sends the
// self-assessment, at server time. Every failing item is listed at once (422 SUBMISSION_INCOMPLETE).
// The timing is judged against the group's self-assessment deadline: late within the tolerance →
// penalty; beyond it → lowest band, or refused (409 SUBMISSION_REFUSED) when the rules say so.
// Idempotent: a submitted assessment is returned unchanged. After the DX office reopened single
// items, submitting again re-locks them and keeps the first submission's timing; after a whole
// reopen the first timing stands too — a unit is not made late by a correction the office asked for.
import { judgeSubmissionOf, submissionProblems } from '../../core/campaign/index.ts';
import { assessmentAbilities, holdsRoleOver } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { lockAssessmentContext, readSubmitState, writeSubmission } from '../../db/queries/assessment-submit.ts';
import type { SubmissionTiming } from '../../db/queries/assessment-writes.ts';
import type { AssessmentContext, AssessmentRow } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError, notFound } from '../errors.ts';
import {
  type AssessmentWho,
  assessmentRefOf,
  campaignNotOpen,
  forbidden,
  assessmentNotFound,
} from './assessment-access.ts';

export async function submitAssessment(
  db: Db,
  { who, id, now }: { who: AssessmentWho; id: string; now: Date },
): Promise<AssessmentContext> {
  return db.transaction(async (tx) => {
    const ctx = await lockAssessmentContext(tx, id);
    if (!ctx) throw assessmentNotFound();
    const ref = assessmentRefOf(ctx);
    if (!assessmentAbilities(who.actor, ref).read) throw assessmentNotFound();
    const leader = holdsRoleOver(who.actor, ['unit_leader'], ref.unit);
    const staff = holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], ref.unit);
    if (!leader && !(ref.reportersMaySubmit && staff)) {
      throw forbidden(
        ref.reportersMaySubmit
          ? 'Chỉ lãnh đạo hoặc cán bộ nhập liệu của đơn vị được gửi bản tự đánh giá.'
          : 'Chỉ lãnh đạo đơn vị được gửi bản tự đánh giá.',
      );
    }
    // The index-set definition is cached per published version (no round trip); its item count tells
    // whether a fresh stored progress (every item complete) already answers the check.
    const def = await loadDefinition(tx, ctx.group.frameworkId);
    const itemCount = def && def.status !== 'draft' ? def.leaves.size : -1;
    const state = await readSubmitState(tx, id, ctx.unit.id, itemCount);
    const reopened = state.reopened;
    if (ctx.assessment.status === 'submitted' && reopened.length === 0) return ctx;
    if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);

    if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
    if (state.items !== null) {
      const problems = submissionProblems(def.definition, new Map(state.items.map((i) => [i.code, i])));
      if (problems.length > 0) {
        throw new OperationError(
          'SUBMISSION_INCOMPLETE',
          `Chưa gửi được: còn ${problems.length} chỉ số chưa đạt yêu cầu.`,
          { problems },
        );
      }
    }

    const firstSubmission = ctx.assessment.submittedAt === null;
    let timing: SubmissionTiming | null = null;
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
    // The row is locked FOR UPDATE since the first statement: what the update leaves is known here.
    const after: AssessmentRow = { ...ctx.assessment, status: 'submitted', ...(timing ?? {}), updatedAt: now };
    after.rowVersion = await writeSubmission(tx, { id, timing, now, relock: reopened.length > 0 }, who.audit, {
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
