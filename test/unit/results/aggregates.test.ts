// A district's communes (000 Điều 7.1.c, 8.2: the district appraises, classifies and publishes its
// communes) and a merged unit against its predecessors (equal-weight average, national DTI 2024 practice).
import { describe, expect, it } from 'vitest';
import {
  compareMerged,
  computeUnitResult,
  displayPercent,
  summariseDistrict,
} from '../../../src/core/results/index.ts';
import { HA_TINH_BANDS, SMALL_SET, input, na, uniform } from './fixtures.ts';

const result = (fraction: number) => computeUnitResult(input(SMALL_SET, uniform(fraction)));
const allNa = computeUnitResult(
  input(SMALL_SET, Object.fromEntries(['1.1', '1.2', '2.1.1', '2.1.2', '2.2'].map((c) => [c, na()]))),
);

describe("a district's communes", () => {
  it('average, lowest and highest percent, band distribution; not-rankable communes counted apart', () => {
    const s = summariseDistrict([result(0.95), result(0.6), result(0.4), allNa], HA_TINH_BANDS);
    expect(s.averagePercent).toBeCloseTo(65, 10);
    expect(displayPercent(s.min)).toBe(40);
    expect(displayPercent(s.max)).toBe(95);
    expect(s.counted).toBe(3);
    expect(s.total).toBe(4);
    expect(s.distribution.bands.map((b) => b.count)).toEqual([1, 0, 1, 1]);
    expect(s.distribution.notRankable).toBe(1);
  });

  it('each commune weighs the same whatever its applicable max', () => {
    const smallMax = computeUnitResult(
      input(SMALL_SET, { ...uniform(1), '1.1': na(), '1.2': na(), '2.1.1': na(), '2.1.2': na() }),
    ); // 30/30
    const s = summariseDistrict([smallMax, result(0.5)], HA_TINH_BANDS);
    expect(s.averagePercent).toBe(75);
  });

  it('no commune with a percent: no average', () => {
    expect(summariseDistrict([allNa], HA_TINH_BANDS).averagePercent).toBeNull();
  });
});

describe('a merged unit against its predecessors', () => {
  it('predecessors averaged with equal weights; delta in percentage points', () => {
    const c = compareMerged(result(0.8), [result(0.9), result(0.6)]);
    expect(c).toEqual({
      mergedPercent: 80,
      predecessorsAverage: 75,
      deltaPoints: 5,
      predecessorsCounted: 2,
      predecessorsTotal: 2,
    });
  });

  it('a predecessor without an applicable max is left out of the average', () => {
    const c = compareMerged(result(0.8), [result(0.7), allNa]);
    expect(c.predecessorsAverage).toBe(70);
    expect(c.predecessorsCounted).toBe(1);
    expect(c.deltaPoints).toBe(10);
  });
});
