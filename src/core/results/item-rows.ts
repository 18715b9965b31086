// A unit's items as the results list, store and publish them (one row per leaf of the set, in the
// set's order), and the one mapping from those rows to the engine's item scores. A not-applicable item
// with a council-added replacement (000 Điều 8.4.b; docs/results-rules.md §3) keeps its self score on
// its own row and the replacement's final score in `final`; in the engine's item scores the
// replacement scores under its own code and the N/A item keeps none. Used by the per-item loader, the
// snapshot read model and the what-if on a published snapshot: the mapping is written once, here.
import type { ItemScoreInput } from './types.ts';

export interface ItemRow {
  code: string;
  self: number | null;
  /** The council's final score; for a replaced N/A item, its replacement's; null otherwise when N/A. */
  final: number | null;
  notApplicable: boolean;
  replacementCode: string | null;
}

/** A leaf's row from its review (if any), its self score and the group-wide N/A decision (if any). */
export function itemRowOf(
  code: string,
  self: number | null,
  review: { final: number | null; notApplicable: boolean; replacementCode: string | null } | undefined,
  groupNa: { replacementCode: string | null } | undefined,
): ItemRow {
  const notApplicable = Boolean(review?.notApplicable) || groupNa !== undefined;
  const replacementCode = (review?.notApplicable ? review.replacementCode : null) ?? groupNa?.replacementCode ?? null;
  const final = notApplicable && !replacementCode ? null : (review?.final ?? null);
  return { code, self, final, notApplicable, replacementCode };
}

/** The engine's item scores of a unit's rows (a replacement scores under its own code). */
export function itemScoresFromRows(rows: Iterable<ItemRow>): Record<string, ItemScoreInput> {
  const scores: Record<string, ItemScoreInput> = {};
  for (const i of rows) {
    const replacementCode = i.notApplicable ? i.replacementCode : null;
    scores[i.code] = {
      final: i.notApplicable ? null : i.final,
      self: i.self,
      notApplicable: i.notApplicable,
      ...(replacementCode ? { replacementCode } : {}),
    };
    if (replacementCode) scores[replacementCode] = { final: i.final, self: null, notApplicable: false };
  }
  return scores;
}
