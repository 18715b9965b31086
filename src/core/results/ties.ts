// Ties are shown as ties (issue 14 §3; 000 Điều 9.1 ranks "từ cao xuống thấp", and equal units share a rank
// when the campaign names no tie-break): the ranks that two or more units of a group share.
export function sharedRanks(ranks: Iterable<number | null>): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const r of ranks) {
    if (r === null) continue;
    if (seen.has(r)) shared.add(r);
    seen.add(r);
  }
  return shared;
}

/** "14" or "14 (đồng hạng)"; "—" for a unit without a rank. */
export function rankTextVi(rank: number | null, shared: ReadonlySet<number>): string {
  if (rank === null) return '—';
  return shared.has(rank) ? `${rank} (đồng hạng)` : String(rank);
}
