// Ranking within a group (000 Điều 9.1: "xác định theo thứ tự từ cao xuống thấp"; 004 II.2.a).
// - rankBy 'percent' (default): units of one group may have different applicable maxima once items are
//   declared not applicable (000 Điều 8.4.b), and 001 II.4.b defines a unit's index as the percent of
//   "tổng điểm tối đa tương ứng từng UBND xã" — its own max. Raw points would favour the unit with
//   fewer N/A items; the percent is what the band is read from, so the rank follows it. With equal
//   maxima the two orders coincide. 'points' is kept for a campaign that wants the letter of 9.1.
// - Competition ranking: equal keys share a rank and the next rank skips (1, 2, 2, 4).
// - Optional tie-break: a list of node codes; the higher final score on the first code that differs
//   wins (e.g. "higher activity-group score first"). Still equal → same rank.
// - Units forced to the lowest band (not submitted, late beyond tolerance: 000 Điều 9.2.e, 002 Điều
//   8.4) rank after every other unit, whatever their points, ordered among themselves by the same key.
// - Units not rankable (no applicable max, refused) are listed last without a rank.
// The order of the input never matters: the last resort of the listing order is the unit id.
import type { BandRule } from '../framework/types.ts';
import { toHundredths } from '../framework/rounding.ts';
import { sortBands } from './bands.ts';
import { comparePercent } from './exact.ts';
import type { UnitResult } from './types.ts';

export type RankBy = 'percent' | 'points';

export interface RankOptions {
  bands: readonly BandRule[];
  rankBy?: RankBy;
  /** Node codes compared on final points, in order, when the main key is equal. */
  tieBreak?: readonly string[];
}

export interface RankEntry {
  unitId: string;
  result: UnitResult;
}

export type RankTier = 'ranked' | 'forced_lowest_band' | 'not_rankable';

export interface RankedUnit {
  unitId: string;
  /** Competition rank; null when not rankable. */
  rank: number | null;
  tier: RankTier;
  /** How many units share this rank (1 = alone). */
  sharedBy: number;
  /** The tie-break code that placed this unit below the previous one, when the main key was equal. */
  separatedBy?: string;
  result: UnitResult;
}

export interface BandCount {
  code: string;
  label: string;
  count: number;
}

export interface BandDistribution {
  bands: BandCount[];
  notRankable: number;
  total: number;
}

export interface RankedGroup {
  rankBy: RankBy;
  units: RankedUnit[];
  distribution: BandDistribution;
}

function tierOf(r: UnitResult): RankTier {
  return r.status === 'rankable' ? 'ranked' : r.status;
}
const TIER_ORDER: Record<RankTier, number> = { ranked: 0, forced_lowest_band: 1, not_rankable: 2 };

/** Descending on the main key: positive when b should come before a. */
function compareMain(a: UnitResult, b: UnitResult, rankBy: RankBy): number {
  if (rankBy === 'points') return toHundredths(b.finalAfterPenalty) - toHundredths(a.finalAfterPenalty);
  if (a.percent && b.percent) return comparePercent(b.percent, a.percent);
  // A forced unit may have no percent (every item N/A): it sorts below those that have one.
  return (b.percent ? 1 : 0) - (a.percent ? 1 : 0);
}

function nodeFinal(r: UnitResult, code: string): number {
  const node = r.nodes[code];
  return node ? toHundredths(node.final) : -1;
}

/** The first tie-break code on which a and b differ (descending), or null when they are equal on all. */
function compareTieBreak(
  a: UnitResult,
  b: UnitResult,
  codes: readonly string[],
): { diff: number; code: string } | null {
  for (const code of codes) {
    const diff = nodeFinal(b, code) - nodeFinal(a, code);
    if (diff !== 0) return { diff, code };
  }
  return null;
}

export function bandDistribution(results: Iterable<UnitResult>, bands: readonly BandRule[]): BandDistribution {
  const counts = new Map<string, BandCount>(
    sortBands(bands).map((b) => [b.code, { code: b.code, label: b.label, count: 0 }]),
  );
  let notRankable = 0;
  let total = 0;
  for (const r of results) {
    total++;
    const slot = r.band ? counts.get(r.band.code) : undefined;
    if (slot) slot.count++;
    else notRankable++;
  }
  return { bands: [...counts.values()], notRankable, total };
}

export function rankGroup(entries: readonly RankEntry[], options: RankOptions): RankedGroup {
  const rankBy = options.rankBy ?? 'percent';
  const tieBreak = options.tieBreak ?? [];
  // The tier of each entry once, not in every one of the ~n log n comparisons.
  const keyed = entries.map((e) => ({ e, tier: TIER_ORDER[tierOf(e.result)] }));
  keyed.sort((kx, ky) => {
    const t = kx.tier - ky.tier;
    if (t !== 0) return t;
    const x = kx.e;
    const y = ky.e;
    const m = compareMain(x.result, y.result, rankBy);
    if (m !== 0) return m;
    const tb = compareTieBreak(x.result, y.result, tieBreak);
    if (tb) return tb.diff;
    return x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : 0;
  });
  const sorted = keyed.map((k) => k.e);

  const units: RankedUnit[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const { unitId, result } = sorted[i]!;
    const tier = tierOf(result);
    const unit: RankedUnit = { unitId, rank: null, tier, sharedBy: 1, result };
    if (tier !== 'not_rankable') {
      const prev = units[i - 1];
      // Ranks run on across the two ranked tiers: the first forced unit comes right after the last
      // ordinary one, so nobody shares a rank across tiers.
      const sameTier = prev !== undefined && prev.tier === tier;
      const main = sameTier ? compareMain(prev.result, result, rankBy) : 1;
      const tb = sameTier && main === 0 ? compareTieBreak(prev.result, result, tieBreak) : null;
      if (sameTier && main === 0 && tb === null) unit.rank = prev.rank;
      else {
        unit.rank = i + 1;
        if (sameTier && main === 0 && tb) unit.separatedBy = tb.code;
      }
    }
    units.push(unit);
  }
  // sharedBy: how many units hold each rank.
  const perRank = new Map<number, number>();
  for (const u of units) if (u.rank !== null) perRank.set(u.rank, (perRank.get(u.rank) ?? 0) + 1);
  for (const u of units) if (u.rank !== null) u.sharedBy = perRank.get(u.rank)!;

  return {
    rankBy,
    units,
    distribution: bandDistribution(
      units.map((u) => u.result),
      options.bands,
    ),
  };
}
