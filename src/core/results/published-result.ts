// A published unit's result read from its signed snapshot row: totals, penalty, percent, band, status
// and main indicators as they were stored and signed — never recomputed, so what the dashboards show
// cannot drift from what was published. The exact percents are the stored points over the stored
// applicable max (both whole hundredths). Only the per-node record below the main indicators is not
// stored; it is built from the stored item scores by the engine the first time an analysis reads it
// (gap analysis, a tie-break or a year-over-year mapping on a lower node) — never for the figures shown.
import type { BandRule, FrameworkDefinition } from '../framework/types.ts';
import { toHundredths } from '../framework/rounding.ts';
import { exactPercent } from './exact.ts';
import { itemScoresFromRows } from './item-rows.ts';
import type { ResultRow } from './snapshot-payload.ts';
import type {
  IndicatorResult,
  NodeTotals,
  NotRankableReason,
  ResultIssue,
  ResultRules,
  ResultStatus,
  TimingInput,
  UnitResult,
} from './types.ts';
import { computeUnitResult } from './unit-result.ts';

function bandOf(ref: { code: string; label: string } | null, bands: readonly BandRule[]): BandRule | null {
  if (!ref) return null;
  return bands.find((b) => b.code === ref.code) ?? { code: ref.code, label: ref.label, minPercent: 0 };
}

function leafCodesBelow(node: FrameworkDefinition['nodes'][number], out: string[] = []): string[] {
  if (!node.children || node.children.length === 0) out.push(node.code);
  else for (const c of node.children) leafCodesBelow(c, out);
  return out;
}

class PublishedResult implements UnitResult {
  status: ResultStatus;
  notRankableReason?: NotRankableReason;
  selfTotal: number;
  finalTotal: number;
  penaltyApplied: number;
  finalAfterPenalty: number;
  maxPoints: number;
  applicableMax: number;
  percent: UnitResult['percent'];
  selfPercent: UnitResult['selfPercent'];
  band: BandRule | null;
  bandByScore: BandRule | null;
  timing: TimingInput;
  indicators: IndicatorResult[];
  unappraisedCodes: string[];
  notApplicableCodes: string[];
  complete: boolean;
  issues: ResultIssue[] = [];
  readonly #row: ResultRow;
  readonly #definition: FrameworkDefinition;
  readonly #rules: ResultRules;
  #nodes: Readonly<Record<string, NodeTotals>> | undefined;

  constructor(row: ResultRow, definition: FrameworkDefinition, rules: ResultRules, timing: TimingInput) {
    this.#row = row;
    this.#definition = definition;
    this.#rules = rules;
    const applicableH = toHundredths(row.applicableMax);
    // A progress round's row is neither ranked nor classified (000 Điều 7.2): nothing may rank it later.
    this.status = row.status === 'progress_report' ? 'not_rankable' : row.status;
    if (row.status === 'not_rankable')
      this.notRankableReason =
        row.timing === 'late_beyond_tolerance' && row.lowestBandReason === null && applicableH > 0
          ? 'refused'
          : 'no_applicable_max';
    this.selfTotal = row.selfTotal;
    this.finalTotal = row.finalTotal;
    this.penaltyApplied = row.penaltyPoints;
    this.finalAfterPenalty = row.finalAfterPenalty;
    this.maxPoints = row.maxPoints;
    this.applicableMax = row.applicableMax;
    this.percent = exactPercent(toHundredths(row.finalAfterPenalty), applicableH);
    this.selfPercent = exactPercent(toHundredths(row.selfTotal), applicableH);
    this.band = bandOf(row.band, rules.bands);
    this.bandByScore = bandOf(row.bandByScore, rules.bands);
    this.timing = timing;
    const na = new Set(row.items.filter((i) => i.notApplicable).map((i) => i.code));
    const roots = new Map(definition.nodes.map((n) => [n.code, n]));
    this.indicators = row.mainIndicators.map((m) => {
      const node = roots.get(m.code);
      const leaves = node ? leafCodesBelow(node) : [];
      return {
        code: m.code,
        title: m.title,
        self: m.self,
        final: m.final,
        max: m.max,
        applicableMax: m.applicableMax,
        notApplicable: leaves.length > 0 && leaves.every((c) => na.has(c)),
        isLeaf: !node?.children || node.children.length === 0,
        parentCode: null,
        percent: exactPercent(toHundredths(m.final), toHundredths(m.applicableMax)),
        selfPercent: exactPercent(toHundredths(m.self), toHundredths(m.applicableMax)),
      };
    });
    this.unappraisedCodes = row.unappraisedCodes ?? [];
    this.notApplicableCodes = row.notApplicableCodes ?? [...na];
    this.complete = row.complete ?? this.unappraisedCodes.length === 0;
  }

  /** Every node's totals: not stored, so built from the stored item scores for an analysis that needs them. */
  get nodes(): Readonly<Record<string, NodeTotals>> {
    return (this.#nodes ??= computeUnitResult({
      definition: this.#definition,
      itemScores: itemScoresFromRows(this.#row.items),
      timing: this.timing,
      rules: this.#rules,
    }).nodes);
  }
}

/** The stored result of one published unit as a UnitResult (for ranking subsets, averages, comparisons). */
export function publishedUnitResult(
  row: ResultRow,
  definition: FrameworkDefinition,
  rules: ResultRules,
  timing: TimingInput,
): UnitResult {
  return new PublishedResult(row, definition, rules, timing);
}
