// Summaries over several units' results.
// - A district's communes (000 Điều 7.1.c, 8.2: the district appraises, classifies and publishes its
//   communes): average percent, lowest, highest and the band distribution. The average gives each
//   commune equal weight (the mean of the communes' percents, not total points over total max) because
//   every commune's percent is already relative to its own applicable max (001 II.4.b).
// - A merged unit (the 2025 commune mergers) compared with its predecessors: the predecessors' results
//   are averaged with equal weights — the practice used by the national DTI 2024 for merged provinces
//   and communes (stated in the project brief; not in the seed decisions — see docs/results-rules.md).
// Units without a percent (not rankable) stay out of averages, min and max and are counted apart.
import type { BandRule } from '../framework/types.ts';
import { bandDistribution, type BandDistribution } from './ranking.ts';
import { comparePercent, displayPercent, percentValue, type ExactPercent } from './exact.ts';
import type { UnitResult } from './types.ts';
import { roundHalfUp } from '../framework/rounding.ts';

export interface PercentSummary {
  /** Mean of the percents, unrounded (for display round it; never band a district on it). */
  averagePercent: number | null;
  min: ExactPercent | null;
  max: ExactPercent | null;
  /** Units that have a percent / units given. */
  counted: number;
  total: number;
  /** Counted units forced to the lowest band (their computed percent is in the average). */
  forcedLowestBand: number;
}

export interface DistrictSummary extends PercentSummary {
  distribution: BandDistribution;
}

/** Mean of exact fractions: Σ n_i/d_i / k, in one float division per unit (display only). */
export function summarisePercents(results: readonly UnitResult[]): PercentSummary {
  let sum = 0;
  let counted = 0;
  let forced = 0;
  let min: ExactPercent | null = null;
  let max: ExactPercent | null = null;
  for (const r of results) {
    if (!r.percent || r.notRankableReason) continue;
    counted++;
    if (r.status === 'forced_lowest_band') forced++;
    sum += percentValue(r.percent);
    if (!min || comparePercent(r.percent, min) < 0) min = r.percent;
    if (!max || comparePercent(r.percent, max) > 0) max = r.percent;
  }
  return {
    averagePercent: counted ? sum / counted : null,
    min,
    max,
    counted,
    total: results.length,
    forcedLowestBand: forced,
  };
}

export function summariseDistrict(communes: readonly UnitResult[], bands: readonly BandRule[]): DistrictSummary {
  return { ...summarisePercents(communes), distribution: bandDistribution(communes, bands) };
}

export interface MergedComparison {
  mergedPercent: number | null;
  /** Equal-weight mean of the predecessors' percents (each predecessor counts once, whatever its size). */
  predecessorsAverage: number | null;
  /** mergedPercent − predecessorsAverage in percentage points, rounded half-up to 2 decimals. */
  deltaPoints: number | null;
  predecessorsCounted: number;
  predecessorsTotal: number;
}

export function compareMerged(merged: UnitResult, predecessors: readonly UnitResult[]): MergedComparison {
  const avg = summarisePercents(predecessors);
  const m = merged.percent && !merged.notRankableReason ? percentValue(merged.percent) : null;
  return {
    mergedPercent: merged.percent ? displayPercent(merged.percent) : null,
    predecessorsAverage: avg.averagePercent === null ? null : roundHalfUp(avg.averagePercent, 2),
    deltaPoints: m === null || avg.averagePercent === null ? null : roundHalfUp(m - avg.averagePercent, 2),
    predecessorsCounted: avg.counted,
    predecessorsTotal: avg.total,
  };
}
