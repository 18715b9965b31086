// What a bulk accept records (decision 0028): ONE audit entry per assessment, each listed item under its
// code with what the accept changed in its review, old → new. Most accepts change only the final score:
// the item is then its score alone (`"1.1": 7.5`, before `"1.1": null`) — what a reader of the log wants
// to see, and a fifth of the JSON the database parses for 10,000 items (an object per item cost 60 ms on
// PostgreSQL). Where the accept also writes a reason or comment (the support team's proposal carried over)
// or clears not-applicable or a replacement, the item is an object of those fields and the final score.
// What an accept never writes (the self score, the proposal) stays in the entries that wrote it. The
// item's history reads its part back (bulkAcceptItems).

/** The audit action of a bulk accept; its object is the assessment. */
export const BULK_ACCEPT_ACTION = 'appraisal.items.accept';
/** The action of one item's part of it, as its history shows it (also the per-item entries written before). */
export const ITEM_ACCEPT_ACTION = 'appraisal.item.accept';

export interface AcceptedItem {
  /** The review as the accept found it (null: none yet). */
  review: {
    finalScore: number | null;
    finalReason: string | null;
    finalComment: string | null;
    notApplicable: boolean;
    replacementCode: string | null;
  } | null;
  /** What the accept wrote. */
  score: number | null;
  reason: string | null;
  comment: string | null;
}

export interface ItemChange {
  /** The final score alone, or the fields changed (the final score among them). */
  before: number | null | Record<string, unknown>;
  after: number | null | Record<string, unknown>;
}

export function acceptedChange(item: AcceptedItem): ItemChange {
  const r = item.review;
  const was = {
    finalReason: r?.finalReason ?? null,
    finalComment: r?.finalComment ?? null,
    notApplicable: r?.notApplicable ?? false,
    replacementCode: r?.replacementCode ?? null,
  };
  const reason = item.reason !== null || was.finalReason !== null;
  const comment = item.comment !== null || was.finalComment !== null;
  if (!reason && !comment && !was.notApplicable && was.replacementCode === null)
    return { before: r?.finalScore ?? null, after: item.score };
  // Written out, not through a helper closure: 10,000 items a request (tsx names every closure it makes).
  const before: Record<string, unknown> = { finalScore: r?.finalScore ?? null };
  const after: Record<string, unknown> = { finalScore: item.score };
  if (reason) {
    before.finalReason = was.finalReason;
    after.finalReason = item.reason;
  }
  if (comment) {
    before.finalComment = was.finalComment;
    after.finalComment = item.comment;
  }
  if (was.notApplicable) {
    before.notApplicable = true;
    after.notApplicable = false;
  }
  if (was.replacementCode !== null) {
    before.replacementCode = was.replacementCode;
    after.replacementCode = null;
  }
  return { before, after };
}

export interface AcceptedItemEntry {
  code: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The decision's reason as the history shows it: the final comment written. */
  reason: string | null;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** An item's side as the history shows every decision: an object with the final score. */
const asChange = (v: unknown): Record<string, unknown> | null =>
  v === null || typeof v === 'number' ? { finalScore: v } : asRecord(v);

/** The items of one bulk-accept entry (by code: the log's JSON keeps no order of its members). */
export function bulkAcceptItems(before: unknown, after: unknown): AcceptedItemEntry[] {
  const b = asRecord(before) ?? {};
  const items = asRecord(after);
  if (!items) return [];
  return Object.entries(items).flatMap(([code, a]) => {
    const x = asChange(a);
    if (!x) return [];
    const comment = x.finalComment;
    return [{ code, before: asChange(b[code]) ?? {}, after: x, reason: typeof comment === 'string' ? comment : null }];
  });
}
