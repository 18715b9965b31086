// Bands (xếp loại) by inclusive lower bound on the exact percent: "từ 90% trở lên" is ≥ 90, "từ 70%
// đến dưới 90%" is ≥ 70 and < 90 (000 Điều 9.2; 002 Điều 8.1 with 85/70/50). The band with the lowest
// bound is the floor: whatever the percent, a unit lands at least there, and it is the band forced by
// late or missing submission (000 Điều 9.2.e, 002 Điều 8.4).
import type { BandRule } from '../framework/types.ts';
import { percentAtLeast, type ExactPercent } from './exact.ts';

// Sorted once per bands array (rules are immutable data; the engine classifies thousands of units
// against the same array), and handed out frozen so no caller can disturb the shared copy.
const sortedCache = new WeakMap<readonly BandRule[], readonly BandRule[]>();

/** Bands highest bound first (the campaign stores them so, but sorting guards edits). */
export function sortBands(bands: readonly BandRule[]): readonly BandRule[] {
  if (bands.length === 0) throw new RangeError('Campaign rules must define at least one band');
  let sorted = sortedCache.get(bands);
  if (!sorted) {
    sorted = Object.freeze([...bands].sort((a, b) => b.minPercent - a.minPercent));
    sortedCache.set(bands, sorted);
  }
  return sorted;
}

export function lowestBand(bands: readonly BandRule[]): BandRule {
  const sorted = sortBands(bands);
  return sorted[sorted.length - 1]!;
}

/** First band (highest bound first) whose bound the exact percent reaches; the lowest band otherwise. */
export function classifyPercent(percent: ExactPercent, bands: readonly BandRule[]): BandRule {
  const sorted = sortBands(bands);
  for (const band of sorted) if (percentAtLeast(percent, band.minPercent)) return band;
  return sorted[sorted.length - 1]!;
}

/** The band just above `band` (null at the top). */
export function nextBandUp(band: BandRule, bands: readonly BandRule[]): BandRule | null {
  const sorted = sortBands(bands);
  const i = sorted.findIndex((b) => b.code === band.code);
  return i > 0 ? sorted[i - 1]! : null;
}

/** Position of a band, 0 = highest; used to say "a higher band" without comparing labels. */
export function bandOrder(band: BandRule | null, bands: readonly BandRule[]): number {
  if (!band) return Number.POSITIVE_INFINITY;
  return sortBands(bands).findIndex((b) => b.code === band.code);
}
