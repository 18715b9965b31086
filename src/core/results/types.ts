// Plain-data shapes of the results engine: what one unit brings (its item scores, its submission
// timing, the campaign's band and not-applicable rules) and what comes out (totals, exact percent,
// band, per-main-indicator figures). Points are exposed as numbers with at most 2 decimals; every sum
// and comparison inside is done in integer hundredths so no float drift can move a boundary.
import type { BandRule, FrameworkDefinition } from '../framework/types.ts';
import type { CampaignRules } from '../campaign/types.ts';
import type { ExactPercent } from './exact.ts';

/** One item's scores as stored after appraisal. */
export interface ItemScoreInput {
  /** Điểm thẩm định (the council's score, 001 II.4.a); null while not appraised. */
  final: number | null;
  /** Điểm tự chấm (the unit's own score); null when not entered. */
  self: number | null;
  /** Decided not applicable by the council (000 Điều 8.4.b). */
  notApplicable: boolean;
  /**
   * Under rules.notApplicable = 'replacement': code of the council-added indicator (an entry of
   * itemScores whose code is NOT a node of the definition) that scores in this item's place. The slot
   * keeps this item's max; the replacement's score is clamped to it. See docs/results-rules.md §3.
   */
  replacementCode?: string;
}

export type ItemScores = ReadonlyMap<string, ItemScoreInput> | Readonly<Record<string, ItemScoreInput | undefined>>;

/** The part of a TimingVerdict (src/core/campaign/submission-timing.ts) the result needs. */
export interface TimingInput {
  kind: 'on_time' | 'late' | 'late_beyond_tolerance' | 'not_submitted';
  penaltyPoints: number;
  lowestBand: boolean;
  /** late_beyond_tolerance under beyondTolerance = 'refuse': the submission was not accepted. */
  refused?: boolean;
}

export type ResultRules = Pick<CampaignRules, 'bands' | 'notApplicable'>;

export interface UnitResultInput {
  definition: Pick<FrameworkDefinition, 'nodes'>;
  itemScores: ItemScores;
  timing: TimingInput;
  rules: ResultRules;
}

/** rankable: classified by its percent; forced_lowest_band: 000 Điều 9.2.e / 002 Điều 8.4; not_rankable: see reason. */
export type ResultStatus = 'rankable' | 'forced_lowest_band' | 'not_rankable';
export type NotRankableReason = 'no_applicable_max' | 'refused';

export interface ResultIssue {
  /** Stable code: FINAL_CLAMPED, SELF_CLAMPED, REPLACEMENT_IGNORED, REPLACEMENT_UNKNOWN, REPLACEMENT_IS_NODE, REPLACEMENT_REUSED, UNKNOWN_CODE. */
  code: string;
  itemCode: string;
  message: string;
}

/** Totals of one node (group or item) of the set. */
export interface NodeTotals {
  self: number;
  final: number;
  max: number;
  /** max less the max of not-applicable items below (reduce_max); 0 when everything below is N/A. */
  applicableMax: number;
  notApplicable: boolean;
  isLeaf: boolean;
  parentCode: string | null;
}

export interface IndicatorResult extends NodeTotals {
  code: string;
  title: string;
  /** final / applicableMax, exact; null when applicableMax is 0. No late penalty: it applies to the total only. */
  percent: ExactPercent | null;
  selfPercent: ExactPercent | null;
}

export interface UnitResult {
  status: ResultStatus;
  notRankableReason?: NotRankableReason;
  selfTotal: number;
  /** Sum of the main indicators' final points (groups capped), before the late penalty. */
  finalTotal: number;
  /** Points actually removed: min(penalty, finalTotal) — the total never goes below 0. */
  penaltyApplied: number;
  finalAfterPenalty: number;
  maxPoints: number;
  applicableMax: number;
  /** finalAfterPenalty / applicableMax, exact; null when not rankable for lack of an applicable max. */
  percent: ExactPercent | null;
  selfPercent: ExactPercent | null;
  /** The band given (forced to the lowest one when the timing says so); null when not rankable. */
  band: BandRule | null;
  /** The band the percent alone would give (shown next to a forced band). */
  bandByScore: BandRule | null;
  timing: TimingInput;
  /** Main indicators (depth-1 nodes), in the definition's order. */
  indicators: IndicatorResult[];
  /** Every node by code (for tie-breaks on a named node and for year-over-year). */
  nodes: Readonly<Record<string, NodeTotals>>;
  /** Applicable items (or replacement slots) without a final score: counted as 0, the result is provisional. */
  unappraisedCodes: string[];
  notApplicableCodes: string[];
  complete: boolean;
  issues: ResultIssue[];
}
