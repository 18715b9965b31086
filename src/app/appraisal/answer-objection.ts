// POST /objections/{id}/answer — the body of the unit's group answers an objection (issue 14 §1): upheld,
// with the item's new final score written through the same guarded review write as a decision (so the score
// sheets, results and the next publication follow), or rejected; always with a reason. Audited on the item
// with the review before and after. An upheld objection on published results calls for a corrected
// publication (the DX office sees them in GET /campaigns/{id}/objections).
import { REVIEW_REASONS, type ReviewReason, checkDecision } from '../../core/appraisal/index.ts';
import { canAnswerObjection } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { lockObjection, recordObjectionAnswer } from '../../db/queries/item-objections.ts';
import { notifyUsers, unitStaffIds } from '../../db/queries/notify-unit-staff.ts';
import { loadReviewState, writeReview } from '../../db/queries/item-reviews.ts';
import { OperationError, notFound } from '../errors.ts';
import { auditedReview } from '../presenters/item-review.ts';
import { type AppraisalWho, appraisalContextOf, forbidden, loadItemTarget } from './appraisal-access.ts';
import { decisionError, reviewConflict } from './decision-errors.ts';

export interface AnswerInput {
  outcome: 'upheld' | 'rejected';
  reason: string;
  /** Upheld: the item's new final score. Returns the assessment's id (the caller shows the answered objection). */
  finalScore?: number | null | undefined;
}

const objectionNotFound = () => notFound('Không tìm thấy kiến nghị.');
const invalid = (path: string, message: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

export interface AnswerObjectionOptions {
  who: AppraisalWho;
  objectionId: string;
  input: AnswerInput;
  now: Date;
}

export async function answerObjection(
  db: Db,
  { who, objectionId, input, now }: AnswerObjectionOptions,
): Promise<string> {
  return db.transaction(async (tx) => {
    const o = await lockObjection(tx, objectionId);
    if (!o) throw objectionNotFound();
    const { row, node } = await loadItemTarget(tx, {
      actor: who.actor,
      assessmentId: o.assessmentId,
      code: o.code,
    }).catch((e: unknown) => {
      throw e instanceof OperationError && e.code === 'NOT_FOUND' ? objectionNotFound() : e;
    });
    if (!canAnswerObjection(who.actor, appraisalContextOf(row), node))
      throw forbidden(
        'Chỉ Hội đồng thẩm định của nhóm (chủ tịch, phó chủ tịch, thành viên được phân công) trả lời kiến nghị.',
      );
    if (o.status !== 'open')
      throw new OperationError('OBJECTION_ANSWERED', 'Kiến nghị đã được trả lời.', { status: o.status });
    const reason = input.reason.normalize('NFC').trim();
    if (!reason) throw invalid('/reason', 'Cần nêu lý do trả lời kiến nghị.');
    const state = await loadReviewState(tx, o.assessmentId, o.code);
    const review = state.review;
    let scoreAfter: number | null = null;
    if (input.outcome === 'upheld') {
      const score = input.finalScore ?? null;
      if (score === null) throw invalid('/finalScore', 'Chấp nhận kiến nghị cần điểm thẩm định mới của chỉ số.');
      const problem = decisionError(checkDecision({ score, reason: 'other', comment: reason }, node.maxPoints, null), {
        node,
        field: 'finalScore',
        score,
      });
      if (problem) throw problem;
      if (
        !review?.notApplicable &&
        review?.finalScore != null &&
        Math.round(review.finalScore * 100) === Math.round(score * 100)
      )
        throw invalid('/finalScore', 'Điểm mới trùng điểm thẩm định hiện tại: hãy nhập điểm mới hoặc bác kiến nghị.');
      const departs = state.selfScore === null || Math.round(score * 100) !== Math.round(state.selfScore * 100);
      const kept = review?.finalReason as ReviewReason | null | undefined;
      const saved = await writeReview(tx, o.assessmentId, o.code, review?.version ?? 0, {
        finalScore: score,
        // A departure keeps the council's reason category (the objection's answer is the new comment).
        finalReason: departs
          ? kept && kept !== 'not_applicable' && REVIEW_REASONS.includes(kept)
            ? kept
            : 'other'
          : null,
        finalComment: reason,
        finalBy: who.userId,
        finalAt: now,
        notApplicable: false,
        notApplicableReason: null,
        replacementCode: null,
      });
      if (!saved) throw await reviewConflict(tx, o.assessmentId, o.code);
      scoreAfter = score;
      await writeAudit(tx, who.audit, {
        action: 'appraisal.objection.uphold',
        objectType: 'assessment_item',
        objectId: `${o.assessmentId}:${o.code}`,
        unitId: row.unit.id,
        before: auditedReview(state.selfScore, review),
        after: { ...auditedReview(state.selfScore, saved), objectionId: o.id },
        reason,
      });
    } else {
      if (input.finalScore != null) throw invalid('/finalScore', 'Bác kiến nghị thì điểm thẩm định giữ nguyên.');
      await writeAudit(tx, who.audit, {
        action: 'appraisal.objection.reject',
        objectType: 'assessment_item',
        objectId: `${o.assessmentId}:${o.code}`,
        unitId: row.unit.id,
        after: { objectionId: o.id, finalScore: review?.finalScore ?? null },
        reason,
      });
    }
    await recordObjectionAnswer(tx, o.id, {
      status: input.outcome,
      answer: reason,
      scoreAfter,
      answeredBy: who.userId,
      answeredAt: now,
    });
    // The unit learns the outcome in the app (its form shows it on the item too).
    await notifyUsers(
      tx,
      await unitStaffIds(tx, row.unit.id),
      {
        kind: 'objection_answer',
        params: { code: o.code, outcome: input.outcome },
        title: `Hội đồng thẩm định ${input.outcome === 'upheld' ? 'chấp nhận' : 'không chấp nhận'} kiến nghị về chỉ số ${o.code}`,
        body: reason,
        link: `/assessments/${o.assessmentId}`,
      },
      now,
    );
    return o.assessmentId;
  });
}
