// Year over year (001 I.1.2: the index is used "so sánh giữa các năm với nhau"). Units are matched by
// id; main indicators are matched ONLY through the node mapping between the two index-set versions
// ({fromCode: previous version, toCode: current version}, as reviewed from proposeMapping). An
// indicator without a mapping is "not comparable" — never matched silently because the code looks the
// same, since a code may have been renumbered or reworded between versions. The overall percent is
// comparable whenever the unit exists both years: it is relative to each year's applicable max.
import type { FrameworkDefinition } from '../framework/types.ts';
import type { MappingProposal } from '../framework/mapping.ts';
import { flattenNodes } from '../framework/tree.ts';
import { roundHalfUp, toHundredths } from '../framework/rounding.ts';
import { exactPercent, percentValue, type ExactPercent } from './exact.ts';
import type { RankedGroup } from './ranking.ts';
import type { NodeTotals, UnitResult } from './types.ts';

export interface CodePair {
  fromCode: string;
  toCode: string;
}

export interface YearSnapshot {
  /** Results by unit id. */
  results: ReadonlyMap<string, UnitResult>;
  /** The group's ranking that year, for rank deltas (optional). */
  ranking?: RankedGroup;
}

export type NotComparableReason = 'no_mapping' | 'ambiguous_mapping' | 'missing_in_previous' | 'no_applicable_max';

export interface IndicatorComparison {
  code: string;
  previousCode: string | null;
  comparable: boolean;
  reason?: NotComparableReason;
  currentPercent: number | null;
  previousPercent: number | null;
  /** Percentage points, current − previous, rounded half-up to 2 decimals. */
  deltaPercent: number | null;
}

export interface UnitComparison {
  unitId: string;
  /** False when the unit has no result the previous year (new or merged unit: see compareMerged). */
  comparable: boolean;
  currentPercent: number | null;
  previousPercent: number | null;
  deltaPercent: number | null;
  currentRank: number | null;
  previousRank: number | null;
  /** previousRank − currentRank: positive = moved up. */
  deltaRank: number | null;
  currentBand: string | null;
  previousBand: string | null;
  indicators: IndicatorComparison[];
}

export interface YearComparison {
  units: UnitComparison[];
  /** Unit ids present only the previous year. */
  droppedUnits: string[];
}

/** Accepted pairs of a reviewed mapping proposal (unmapped nodes stay out). */
export function pairsFromProposal(proposal: MappingProposal): CodePair[] {
  return proposal.mappings.flatMap((m) => (m.to ? [{ fromCode: m.fromCode, toCode: m.to.code }] : []));
}

/** Same index-set version both years: every node maps to itself (an explicit choice, not a guess). */
export function identityPairs(definition: Pick<FrameworkDefinition, 'nodes'>): CodePair[] {
  return flattenNodes(definition.nodes).map((f) => ({ fromCode: f.code, toCode: f.code }));
}

function nodePercent(n: NodeTotals): ExactPercent | null {
  return exactPercent(toHundredths(n.final), toHundredths(n.applicableMax));
}

const value = (p: ExactPercent | null): number | null => (p ? percentValue(p) : null);
const shown = (v: number | null): number | null => (v === null ? null : roundHalfUp(v, 2));
const delta = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : roundHalfUp(a - b, 2);

function rankOf(ranking: RankedGroup | undefined): Map<string, number | null> {
  return new Map((ranking?.units ?? []).map((u) => [u.unitId, u.rank]));
}

/**
 * Whether a current indicator can be compared with the other year: `from` are the other year's codes the
 * mapping sends onto it (none → no_mapping; several → ambiguous_mapping, the old figures cannot be
 * combined without knowing how), `previous` finds the other year's figures by code (none →
 * missing_in_previous), `hasPercent` says whether they have a percent (no → no_applicable_max). The one
 * comparability rule of the dashboards' compareYears and the public unit page's trend.
 */
export function indicatorComparability<T>(
  from: readonly string[] | undefined,
  previous: (code: string) => T | undefined,
  hasPercent: (figures: T) => boolean,
): { previousCode: string | null; comparable: boolean; reason?: NotComparableReason; figures?: T } {
  if (!from || from.length === 0) return { previousCode: null, comparable: false, reason: 'no_mapping' };
  if (from.length > 1) return { previousCode: null, comparable: false, reason: 'ambiguous_mapping' };
  const previousCode = from[0]!;
  const figures = previous(previousCode);
  if (figures === undefined) return { previousCode, comparable: false, reason: 'missing_in_previous' };
  if (!hasPercent(figures)) return { previousCode, comparable: false, reason: 'no_applicable_max', figures };
  return { previousCode, comparable: true, figures };
}

export function compareYears(
  current: YearSnapshot,
  previous: YearSnapshot,
  mapping: readonly CodePair[],
): YearComparison {
  const byTo = new Map<string, string[]>();
  for (const p of mapping) byTo.set(p.toCode, [...(byTo.get(p.toCode) ?? []), p.fromCode]);
  const curRanks = rankOf(current.ranking);
  const prevRanks = rankOf(previous.ranking);

  const units: UnitComparison[] = [];
  for (const [unitId, cur] of current.results) {
    const prev = previous.results.get(unitId);
    const curPct = value(cur.percent);
    const prevPct = prev ? value(prev.percent) : null;
    const indicators = cur.indicators.map((ind): IndicatorComparison => {
      const base = {
        code: ind.code,
        currentPercent: shown(value(ind.percent)),
        previousPercent: null,
        deltaPercent: null,
      };
      const a = value(ind.percent);
      // A main indicator's totals are on the result itself (a published result stores no lower node).
      const old = (code: string) => prev?.indicators.find((i) => i.code === code) ?? prev?.nodes[code];
      const m = indicatorComparability(byTo.get(ind.code), old, (n) => a !== null && value(nodePercent(n)) !== null);
      if (!m.figures) return { ...base, previousCode: m.previousCode, comparable: false, reason: m.reason! };
      const b = value(nodePercent(m.figures));
      if (!m.comparable)
        return {
          ...base,
          previousCode: m.previousCode,
          comparable: false,
          reason: m.reason!,
          previousPercent: shown(b),
        };
      return {
        ...base,
        previousCode: m.previousCode,
        comparable: true,
        previousPercent: shown(b),
        deltaPercent: delta(a!, b),
      };
    });
    const currentRank = curRanks.get(unitId) ?? null;
    const previousRank = prevRanks.get(unitId) ?? null;
    units.push({
      unitId,
      comparable: prev !== undefined,
      currentPercent: shown(curPct),
      previousPercent: shown(prevPct),
      deltaPercent: delta(curPct, prevPct),
      currentRank,
      previousRank,
      deltaRank: currentRank === null || previousRank === null ? null : previousRank - currentRank,
      currentBand: cur.band?.code ?? null,
      previousBand: prev?.band?.code ?? null,
      indicators,
    });
  }
  units.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const droppedUnits = [...previous.results.keys()].filter((id) => !current.results.has(id)).sort();
  return { units, droppedUnits };
}
