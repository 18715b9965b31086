// What a progress round reports instead of a rank and a band (000 Điều 7.2; 003 Điều 2.1.c "chỉ đánh giá
// mức độ thực hiện, không đánh giá xếp loại"): how far the unit has got — applicable items it has reported
// on out of its applicable items — and the points it reports, next to the previous round and to the
// annual campaign's result (its target). The rule deciding that a campaign is a progress round lives in
// src/core/campaign/ranking-applies.ts.
import { fromHundredths, toHundredths } from '../framework/rounding.ts';

export interface Completion {
  /** Applicable items the unit has reported on (a self score entered or computed). */
  complete: number;
  /** Items not declared not applicable. */
  applicable: number;
  /** complete / applicable in percent, 2 decimals; null when nothing is applicable. */
  percent: number | null;
}

/** Completion of one unit's report from its item rows (any order); N/A items count in neither figure. */
export function completionOf(items: readonly { self: number | null; notApplicable: boolean }[]): Completion {
  let applicable = 0;
  let complete = 0;
  for (const i of items) {
    if (i.notApplicable) continue;
    applicable++;
    if (i.self !== null) complete++;
  }
  return {
    complete,
    applicable,
    percent: applicable === 0 ? null : Math.round((complete * 10000) / applicable) / 100,
  };
}

/** The reported figures of one unit in one campaign (a round, or the annual campaign). */
export interface ReportedFigures {
  campaignId: string;
  campaignName: string;
  /** Points the unit reported (self-assessed). */
  selfTotal: number;
  /** Points after appraisal, when the campaign was appraised; null otherwise. */
  finalTotal: number | null;
  applicableMax: number;
}

export interface ProgressComparison {
  previous: (ReportedFigures & { delta: number }) | null;
  annual: (ReportedFigures & { delta: number }) | null;
}

/** The difference in reported points (current − other), exact to the hundredth. */
function delta(current: number, other: ReportedFigures): number {
  const basis = other.finalTotal ?? other.selfTotal;
  return fromHundredths(toHundredths(current) - toHundredths(basis));
}

/**
 * The round's reported points against the previous round's and the annual result's. The annual figure is
 * its appraised points when it has them (the result the year ended on), else what the unit reported.
 */
export function compareProgress(
  selfTotal: number,
  previous: ReportedFigures | null,
  annual: ReportedFigures | null,
): ProgressComparison {
  return {
    previous: previous ? { ...previous, delta: delta(selfTotal, previous) } : null,
    annual: annual ? { ...annual, delta: delta(selfTotal, annual) } : null,
  };
}

/**
 * A unit's result as a progress round shows it: the same points, with no band and no place in a ranking
 * (status not_rankable, so nothing downstream ranks or classifies it). Used where the engine is re-run
 * over stored rows (the dashboards' live view and what-if); the results rows themselves are built so.
 */
export function unclassified<R extends { status: string; band: unknown; bandByScore: unknown }>(r: R): R {
  return { ...r, status: 'not_rankable', band: null, bandByScore: null };
}
