// What the API shows of one item's review: the three scores (self, proposed, final), the deltas shown
// wherever scores are shown, the reasons with their Vietnamese labels, not-applicable and replacement,
// and the version to send back with the next decision.
import { REVIEW_REASON_LABELS, type ReviewReason, officialScore, scoreDelta } from '../../core/appraisal/index.ts';
import type { ReviewRow } from '../../db/queries/item-reviews.ts';

export const reasonLabel = (r: string | null): string | null =>
  r ? (REVIEW_REASON_LABELS[r as ReviewReason] ?? r) : null;

export interface PresentReviewOptions {
  assessmentId: string;
  code: string;
  selfScore: number | null;
  review: ReviewRow | null;
}

export function presentReview({ assessmentId, code, selfScore, review: r }: PresentReviewOptions) {
  const proposed = r?.proposedScore ?? null;
  const final = r?.finalScore ?? null;
  const notApplicable = r?.notApplicable ?? false;
  return {
    assessmentId,
    code,
    selfScore,
    proposedScore: proposed,
    proposedReason: r?.proposedReason ?? null,
    proposedReasonLabel: reasonLabel(r?.proposedReason ?? null),
    proposedComment: r?.proposedComment ?? null,
    proposedAt: r?.proposedAt ? new Date(r.proposedAt).toISOString() : null,
    finalScore: final,
    finalReason: r?.finalReason ?? null,
    finalReasonLabel: reasonLabel(r?.finalReason ?? null),
    finalComment: r?.finalComment ?? null,
    finalAt: r?.finalAt ? new Date(r.finalAt).toISOString() : null,
    notApplicable,
    notApplicableReason: r?.notApplicableReason ?? null,
    replacementCode: r?.replacementCode ?? null,
    officialScore: officialScore({ finalScore: final, notApplicable }),
    delta: { proposed: scoreDelta(selfScore, proposed), final: notApplicable ? null : scoreDelta(selfScore, final) },
    version: r?.version ?? 0,
  };
}

export type ReviewView = ReturnType<typeof presentReview>;

/** The fields of a review an audit entry keeps. */
export type AuditedReviewFields = Pick<
  ReviewRow,
  | 'proposedScore'
  | 'proposedReason'
  | 'proposedComment'
  | 'finalScore'
  | 'finalReason'
  | 'finalComment'
  | 'notApplicable'
  | 'replacementCode'
  | 'version'
>;

/** The part of a review an audit entry keeps (before → after). */
export function auditedReview(selfScore: number | null, r: AuditedReviewFields | null) {
  if (!r) return { selfScore, version: 0 };
  return {
    selfScore,
    proposedScore: r.proposedScore,
    proposedReason: r.proposedReason,
    proposedComment: r.proposedComment,
    finalScore: r.finalScore,
    finalReason: r.finalReason,
    finalComment: r.finalComment,
    notApplicable: r.notApplicable,
    replacementCode: r.replacementCode,
    version: r.version,
  };
}
