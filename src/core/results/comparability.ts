// THE comparability rule of year over year (001 I.1.2: the index set is used "so sánh giữa các năm với
// nhau"; issue 14 §2). Every screen, export and the portal asks it before showing a delta, an arrow or
// a trend segment; when it says "not comparable" they show the reason (a code and its parameters; the
// client writes the Vietnamese) and no delta. docs/results-rules.md §8 states it in prose.
//
// - Overall percent: comparable when both years are ranked (annual) assessments — the unit's own, or on
//   the earlier side its predecessors' (lineage-average.ts) — on the same index-set version or on two
//   versions joined by a CONFIRMED node mapping. A percent is relative to its own instrument: 18 % of an
//   8-item set and 90 % of a 1,000-point set measure different things, and only the DX office's confirmed
//   mapping says that two versions are successive versions of one index.
// - Main indicators: only through the node mapping (identity for the same version; compare-years.ts).
// - Rank: only within the same group composition — the same set of units ranked on the same index-set
//   version. A rank is a position among the others: among other units or on another instrument, a move
//   of "↑32" says nothing about the unit.
import type { ResultStatus } from './types.ts';

/** How the two years' index sets are joined: the same version, a confirmed mapping, or nothing. */
export type IndexSetLink = 'identity' | 'confirmed' | 'none';

export type YearSide = 'current' | 'previous';

export type NotComparableReason =
  /** One year is a progress round (3/6/9 months): never ranked, never compared with a ranked year. */
  | 'progress_round'
  /** The unit (and none of its predecessors) has no result that year. */
  | 'no_result'
  /** The unit did not submit that year: its figure is not an assessment. */
  | 'not_submitted'
  /** The unit's result that year is not rankable (no applicable max, refused submission). */
  | 'not_rankable'
  /** Two index-set versions without a confirmed mapping between them. */
  | 'different_index_set'
  // Main indicators (indicatorComparability):
  | 'no_mapping'
  | 'ambiguous_mapping'
  | 'missing_in_previous'
  | 'no_applicable_max'
  /** The earlier figure is derived from predecessors: it has no main indicators and no rank of its own. */
  | 'from_predecessors'
  // Rank only:
  /** One year has no rank for the unit. */
  | 'not_ranked'
  /** Comparable percents, but on two index-set versions (joined by a mapping): ranks are not. */
  | 'index_set_changed'
  /** The group ranked other units that year (units added, merged or removed). */
  | 'different_group';

export interface ComparabilityParams {
  side?: YearSide;
  currentUnits?: number;
  previousUnits?: number;
}

export interface Comparability {
  comparable: boolean;
  reason?: NotComparableReason;
  params?: ComparabilityParams;
}

/** One year of one unit, as far as comparing it is concerned. */
export interface YearStanding {
  /** The campaign's kind: 'annual' or 'progress'. */
  campaignKind: string;
  /** Where the figure comes from: the unit's own result, its predecessors' (earlier year only), none. */
  source: 'own' | 'predecessors' | 'none';
  /** Own result only. */
  /** A progress round's rows read 'progress_report' (never compared: its kind refuses it first). */
  status?: ResultStatus | 'progress_report';
  /** TimingInput.kind (a published row stores it as text). */
  timing?: string;
  hasPercent: boolean;
  rank: number | null;
  /** Ids of every unit ranked in the unit's group that year (its composition). */
  group: readonly string[];
}

const OK: Comparability = { comparable: true };
const no = (reason: NotComparableReason, params?: ComparabilityParams): Comparability =>
  params ? { comparable: false, reason, params } : { comparable: false, reason };

/** A unit's own result that year (null: none), for the rule. */
export function ownStanding(
  campaignKind: string,
  result: { status: ResultStatus | 'progress_report'; percent: unknown; timing: { kind: string } } | null | undefined,
  rank: number | null,
  group: readonly string[],
): YearStanding {
  if (!result) return { campaignKind, source: 'none', hasPercent: false, rank: null, group };
  return {
    campaignKind,
    source: 'own',
    status: result.status,
    timing: result.timing.kind,
    hasPercent: result.percent !== null && result.percent !== undefined,
    rank,
    group,
  };
}

/** A published row (snapshot-payload.ts) of the unit that year, for the rule. */
export function publishedStanding(
  campaignKind: string,
  row: { status: ResultStatus | 'progress_report'; percent: number | null; timing: string; rank: number | null },
  group: readonly string[],
): YearStanding {
  return ownStanding(campaignKind, { ...row, timing: { kind: row.timing } }, row.rank, group);
}

/** A figure derived from the unit's predecessors (derivePercentFromPredecessors): no rank, no group. */
export function derivedStanding(campaignKind: string, percent: number | null): YearStanding {
  return {
    campaignKind,
    source: percent === null ? 'none' : 'predecessors',
    hasPercent: percent !== null,
    rank: null,
    group: [],
  };
}

function sideRefusal(s: YearStanding, side: YearSide): Comparability | null {
  if (s.campaignKind !== 'annual') return no('progress_round', { side });
  if (s.source === 'none') return no('no_result', { side });
  if (s.source === 'own') {
    if (s.timing === 'not_submitted') return no('not_submitted', { side });
    if (s.status === 'not_rankable' || !s.hasPercent) return no('not_rankable', { side });
  }
  return null;
}

/** Whether the two years' overall percents may be compared (a delta shown, a trend segment drawn). */
export function overallComparability(current: YearStanding, previous: YearStanding, link: IndexSetLink): Comparability {
  const refused = sideRefusal(current, 'current') ?? sideRefusal(previous, 'previous');
  if (refused) return refused;
  if (link === 'none') return no('different_index_set');
  return OK;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

/** Whether the two years' ranks may be compared (a rank delta, an arrow). */
export function rankComparability(current: YearStanding, previous: YearStanding, link: IndexSetLink): Comparability {
  const overall = overallComparability(current, previous, link);
  if (!overall.comparable) return overall;
  if (previous.source === 'predecessors') return no('from_predecessors');
  if (current.rank === null) return no('not_ranked', { side: 'current' });
  if (previous.rank === null) return no('not_ranked', { side: 'previous' });
  if (link !== 'identity') return no('index_set_changed');
  if (!sameMembers(current.group, previous.group))
    return no('different_group', { currentUnits: current.group.length, previousUnits: previous.group.length });
  return OK;
}
