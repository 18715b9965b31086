// PUT /assessments/{id}/items/{code}/review — the support team's pre-review (Tổ giúp việc): a proposed
// score with a reason and comment whenever it departs from the unit's self score. Proposals are aids;
// only the council's final score counts (001 II.4.a).
import { type ReviewReason, checkDecision } from '../../core/appraisal/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import { markLooked } from '../../db/queries/item-supplements.ts';
import type { Db } from '../../db/client.ts';
import { loadReviewState, writeReview } from '../../db/queries/item-reviews.ts';
import { type ReviewView, auditedReview, presentReview } from '../presenters/item-review.ts';
import {
  type AppraisalWho,
  assertPhase,
  ensureBodyRow,
  forbidden,
  itemAbilitiesOf,
  loadItemTarget,
} from './appraisal-access.ts';
import { decisionError, reviewConflict } from './decision-errors.ts';

export interface ProposeInput {
  proposedScore: number | null;
  reason?: ReviewReason | null | undefined;
  comment?: string | null | undefined;
  version: number;
}

export interface ProposeScoreOptions {
  who: AppraisalWho;
  assessmentId: string;
  code: string;
  input: ProposeInput;
  now: Date;
}

export async function proposeScore(
  db: Db,
  { who, assessmentId: id, code, input, now }: ProposeScoreOptions,
): Promise<ReviewView> {
  return db.transaction(async (tx) => {
    const { row, node } = await loadItemTarget(tx, { actor: who.actor, assessmentId: id, code });
    assertPhase(row, ['self_assessment_closed', 'under_appraisal'], 'đề xuất điểm');
    if (!itemAbilitiesOf(who.actor, row, node).propose)
      throw forbidden('Chỉ Tổ giúp việc được phân công chỉ số này của đơn vị được đề xuất điểm.');
    const state = await loadReviewState(tx, id, code);
    if (input.version !== (state.review?.version ?? 0)) throw await reviewConflict(tx, id, code);
    const comment = input.comment?.normalize('NFC').trim() || null;
    const problem = decisionError(
      checkDecision(
        { score: input.proposedScore, reason: input.reason ?? null, comment },
        node.maxPoints,
        state.selfScore,
      ),
      { node, field: 'proposedScore', score: input.proposedScore },
    );
    if (problem) throw problem;
    await ensureBodyRow(tx, who.audit, row);
    const saved = await writeReview(tx, id, code, input.version, {
      proposedScore: input.proposedScore,
      proposedReason: input.reason ?? null,
      proposedComment: comment,
      proposedBy: who.userId,
      proposedAt: now,
    });
    if (!saved) throw await reviewConflict(tx, id, code);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.item.propose',
      objectType: 'assessment_item',
      objectId: `${id}:${code}`,
      unitId: row.unit.id,
      before: auditedReview(state.selfScore, state.review),
      after: auditedReview(state.selfScore, saved),
      reason: comment,
    });
    // Deciding is looking: the unit's supplements so far no longer flag the item for this reviewer.
    await markLooked(tx, who.userId, [{ assessmentId: id, code }], now);
    return presentReview({ assessmentId: id, code, selfScore: state.selfScore, review: saved });
  });
}
