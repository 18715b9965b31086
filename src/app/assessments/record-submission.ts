// POST /assessments/{id}/record-submission: the DX office records a self-assessment received through
// another channel (official document, post, e-mail) on a given date; lateness counts from that date,
// under the same rules as a submission here (refused beyond the tolerance when the rules say so). It goes
// through the same submission check (issue 13 §3: evidence or a written explanation per item): with problems
// it is refused (422 SUBMISSION_INCOMPLETE, every item listed) unless the office records why it accepts the
// report as it is (e.g. the paper file carries the evidence not yet scanned) — the reason and the items are
// audited.
import { judgeSubmissionOf, submissionProblems, vietnamDateOf } from '../../core/campaign/index.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { markAssessmentSubmitted } from '../../db/queries/assessment-writes.ts';
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

export interface RecordSubmissionInput {
  receivedAt: string;
  reference: string;
  reason?: string;
}

/** The first instant of a Vietnamese calendar day (UTC+7, no daylight saving). */
export function startOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`));
}

export async function recordSubmission(
  db: Db,
  { who, id, input, now }: { who: AssessmentWho; id: string; input: RecordSubmissionInput; now: Date },
): Promise<AssessmentContext> {
  if (input.receivedAt > vietnamDateOf(now)) {
    throw new OperationError('VALIDATION_FAILED', 'Ngày nhận không được sau ngày hôm nay.', {
      issues: [{ path: '/receivedAt', message: 'Ngày nhận ở tương lai' }],
    });
  }
  return db.transaction(async (tx) => {
    const ctx = await loadAssessmentForChange(tx, who, id);
    if (!holdsRoleOver(who.actor, ['dx_office'], assessmentRefOf(ctx).campaignOwner)) {
      throw forbidden('Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được ghi nhận bản tự đánh giá gửi qua kênh khác.');
    }
    if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);
    if (ctx.assessment.status === 'submitted') {
      throw new OperationError('INVALID_STATE', 'Đơn vị đã gửi bản tự đánh giá.', {
        submittedAt: ctx.assessment.submittedAt,
      });
    }
    const def = await loadDefinition(tx, ctx.group.frameworkId);
    if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
    const problems = submissionProblems(def.definition, entriesOf(await loadItems(tx, id)));
    const reason = input.reason?.normalize('NFC').trim() || null;
    if (problems.length > 0 && !reason)
      throw new OperationError(
        'SUBMISSION_INCOMPLETE',
        `Bản tự đánh giá còn ${problems.length} chỉ số chưa đạt yêu cầu: bổ sung, hoặc ghi rõ lý do vẫn tiếp nhận.`,
        { problems, issues: [{ path: '/reason', message: 'Cần ghi lý do tiếp nhận bản chưa đủ' }] },
      );
    const receivedAt = startOfVietnamDay(input.receivedAt);
    const verdict = judgeSubmissionOf(ctx.campaign, ctx.group.deadlineSelfAssessment, receivedAt);
    if (verdict.kind === 'late_beyond_tolerance' && verdict.refused) {
      throw new OperationError(
        'SUBMISSION_REFUSED',
        `Nhận muộn ${verdict.daysLate} ngày, quá thời hạn cho phép: không được tiếp nhận.`,
        {
          daysLate: verdict.daysLate,
          toleranceDays: ctx.campaign.rules.lateSubmission.toleranceDays,
          deadline: ctx.group.deadlineSelfAssessment,
        },
      );
    }
    const after = await markAssessmentSubmitted(
      tx,
      id,
      {
        submittedAt: receivedAt,
        submittedBy: who.userId,
        submissionChannel: 'external',
        externalReference: input.reference.normalize('NFC').trim(),
        daysLate: verdict.daysLate ?? 0,
        penaltyPoints: verdict.penaltyPoints,
        lowestBand: verdict.lowestBand,
      },
      now,
    );
    await writeAudit(tx, who.audit, {
      action: 'assessment.record_submission',
      objectType: 'assessment',
      objectId: id,
      unitId: ctx.unit.id,
      before: { status: ctx.assessment.status },
      after: {
        status: 'submitted',
        receivedAt: input.receivedAt,
        reference: after.externalReference,
        daysLate: after.daysLate,
        penaltyPoints: after.penaltyPoints,
        lowestBand: after.lowestBand,
        ...(problems.length > 0 ? { acceptedWithProblems: problems.map((p) => p.code) } : {}),
      },
      reason,
    });
    return { ...ctx, assessment: after };
  });
}
