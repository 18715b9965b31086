// Year over year (001 I.1.2: the index is used "so sánh giữa các năm với nhau"). Units are matched by
// id; whether two years compare at all — overall, per main indicator, by rank — is decided by the one
// rule in comparability.ts. Main indicators are matched ONLY through the node mapping between the two
// index-set versions ({fromCode: previous version, toCode: current version}, as reviewed from
// proposeMapping). An indicator without a mapping is "not comparable" — never matched silently because
// the code looks the same, since a code may have been renumbered or reworded between versions.
import type { FrameworkDefinition } from '../framework/types.ts';
import type { MappingProposal } from '../framework/mapping.ts';
import { flattenNodes } from '../framework/tree.ts';
import { roundHalfUp, toHundredths } from '../framework/rounding.ts';
import { exactPercent, percentValue, type ExactPercent } from './exact.ts';
import type { RankedGroup } from './ranking.ts';
import type { NodeTotals, UnitResult } from './types.ts';
import {
  type Comparability,
  type ComparabilityParams,
  type IndexSetLink,
  type NotComparableReason,
  derivedStanding,
  overallComparability,
  ownStanding,
  rankComparability,
} from './comparability.ts';

export interface CodePair {
  fromCode: string;
  toCode: string;
}

export interface YearSnapshot {
  /** Results by unit id. */
  results: ReadonlyMap<string, UnitResult>;
  /** The group's ranking that year (every unit of the group: its composition), for rank deltas. */
  ranking?: RankedGroup;
  /** The campaign's kind ('annual' | 'progress'): progress rounds are never compared. */
  kind: string;
}

export interface IndicatorComparison {
  code: string;
  previousCode: string | null;
  comparable: boolean;
  reason?: NotComparableReason;
  params?: ComparabilityParams;
  currentPercent: number | null;
  previousPercent: number | null;
  /** Percentage points, current − previous, rounded half-up to 2 decimals. */
  deltaPercent: number | null;
}

export interface UnitComparison {
  unitId: string;
  /** The earlier figure: the unit's own result, derived from its predecessors, or none. */
  source: 'own' | 'predecessors' | 'none';
  /** Overall percent (comparability.ts); false → no delta, with the reason. */
  comparable: boolean;
  reason?: NotComparableReason;
  params?: ComparabilityParams;
  currentPercent: number | null;
  previousPercent: number | null;
  deltaPercent: number | null;
  currentRank: number | null;
  previousRank: number | null;
  /** previousRank − currentRank: positive = moved up; null unless `rank` says comparable. */
  deltaRank: number | null;
  rank: Comparability;
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
 * missing_in_previous), `hasPercent` says whether they have a percent (no → no_applicable_max). The
 * main-indicator part of the one comparability rule (comparability.ts), for the dashboards' compareYears
 * and the public unit page's trend.
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

const unitsOf = (ranking: RankedGroup | undefined): string[] => (ranking?.units ?? []).map((u) => u.unitId);

/** Each main indicator of `cur` against the other year's figures (`old` finds them by code). */
function indicatorsOf(
  cur: UnitResult,
  byTo: ReadonlyMap<string, string[]>,
  old: (code: string) => NodeTotals | undefined,
  overall: Comparability,
  sourceReason?: NotComparableReason,
): IndicatorComparison[] {
  return cur.indicators.map((ind): IndicatorComparison => {
    const a = value(ind.percent);
    const base = { code: ind.code, currentPercent: shown(a), previousPercent: null, deltaPercent: null };
    // The years themselves do not compare (progress round, no submission, another index set…): neither do their parts.
    if (!overall.comparable)
      return {
        ...base,
        previousCode: null,
        comparable: false,
        reason: overall.reason!,
        ...(overall.params ? { params: overall.params } : {}),
      };
    if (sourceReason) return { ...base, previousCode: null, comparable: false, reason: sourceReason };
    const m = indicatorComparability(byTo.get(ind.code), old, (n) => a !== null && value(nodePercent(n)) !== null);
    if (!m.figures) return { ...base, previousCode: m.previousCode, comparable: false, reason: m.reason! };
    const b = value(nodePercent(m.figures));
    if (!m.comparable)
      return { ...base, previousCode: m.previousCode, comparable: false, reason: m.reason!, previousPercent: shown(b) };
    return {
      ...base,
      previousCode: m.previousCode,
      comparable: true,
      previousPercent: shown(b),
      deltaPercent: delta(a!, b),
    };
  });
}

/**
 * Every unit of `current` against its own result in `previous` (units matched by id), through `mapping`
 * for the main indicators; `link` says how the two index-set versions are joined. A unit without a
 * result in `previous` is "not comparable" (no_result) — see compareWithPredecessors for a merged unit.
 */
export function compareYears(
  current: YearSnapshot,
  previous: YearSnapshot,
  mapping: readonly CodePair[],
  link: IndexSetLink,
): YearComparison {
  const byTo = new Map<string, string[]>();
  for (const p of mapping) byTo.set(p.toCode, [...(byTo.get(p.toCode) ?? []), p.fromCode]);
  const curRanks = rankOf(current.ranking);
  const prevRanks = rankOf(previous.ranking);
  const curGroup = unitsOf(current.ranking);
  const prevGroup = unitsOf(previous.ranking);

  const units: UnitComparison[] = [];
  for (const [unitId, cur] of current.results) {
    const prev = previous.results.get(unitId);
    const currentRank = curRanks.get(unitId) ?? null;
    const previousRank = prevRanks.get(unitId) ?? null;
    const now = ownStanding(current.kind, cur, currentRank, curGroup);
    const then = ownStanding(previous.kind, prev, previousRank, prevGroup);
    const overall = overallComparability(now, then, link);
    const rank = rankComparability(now, then, link);
    const curPct = value(cur.percent);
    const prevPct = prev ? value(prev.percent) : null;
    // A main indicator's totals are on the result itself (a published result stores no lower node).
    const old = (code: string) => prev?.indicators.find((i) => i.code === code) ?? prev?.nodes[code];
    units.push({
      unitId,
      source: prev ? 'own' : 'none',
      comparable: overall.comparable,
      ...(overall.reason ? { reason: overall.reason } : {}),
      ...(overall.params ? { params: overall.params } : {}),
      currentPercent: shown(curPct),
      previousPercent: shown(prevPct),
      deltaPercent: overall.comparable ? delta(curPct, prevPct) : null,
      currentRank,
      previousRank,
      deltaRank: rank.comparable && currentRank !== null && previousRank !== null ? previousRank - currentRank : null,
      rank,
      currentBand: cur.band?.code ?? null,
      previousBand: prev?.band?.code ?? null,
      indicators: indicatorsOf(cur, byTo, old, overall),
    });
  }
  units.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const droppedUnits = [...previous.results.keys()].filter((id) => !current.results.has(id)).sort();
  return { units, droppedUnits };
}

/**
 * A unit with no result of its own the earlier year (formed by a merger) against the figure derived from
 * its predecessors (derivePercentFromPredecessors, `percent` null when none had data). The overall percent
 * follows the same rule — `link` joins the predecessors' index set to the unit's —; main indicators and
 * rank are never compared with a derived figure.
 */
export function compareWithPredecessors(
  unitId: string,
  current: YearSnapshot,
  previousKind: string,
  derivedPercent: number | null,
  link: IndexSetLink,
): UnitComparison {
  const cur = current.results.get(unitId)!;
  const currentRank = rankOf(current.ranking).get(unitId) ?? null;
  const now = ownStanding(current.kind, cur, currentRank, unitsOf(current.ranking));
  const then = derivedStanding(previousKind, derivedPercent);
  const overall = overallComparability(now, then, link);
  const curPct = value(cur.percent);
  return {
    unitId,
    source: then.source,
    comparable: overall.comparable,
    ...(overall.reason ? { reason: overall.reason } : {}),
    ...(overall.params ? { params: overall.params } : {}),
    currentPercent: shown(curPct),
    previousPercent: derivedPercent,
    deltaPercent: overall.comparable ? delta(curPct, derivedPercent) : null,
    currentRank,
    previousRank: null,
    deltaRank: null,
    rank: rankComparability(now, then, link),
    currentBand: cur.band?.code ?? null,
    previousBand: null,
    indicators: indicatorsOf(cur, new Map(), () => undefined, overall, 'from_predecessors'),
  };
}
