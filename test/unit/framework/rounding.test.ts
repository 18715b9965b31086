import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfUp, sumPoints, hasAtMostDecimals } from '../../../src/core/framework/index.ts';

describe('rounding half-up to 2 decimals', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.015, 1.02],
    [0.125, 0.13],
    [1.004999, 1],
    [0.1 + 0.2, 0.3],
    [3.3333333, 3.33],
    [6.6666666, 6.67],
    [0, 0],
  ])('%d → %d', (input, expected) => {
    expect(roundHalfUp(input, 2)).toBe(expected);
  });
  it('any value with at most 2 decimals is unchanged', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (h) => roundHalfUp(h / 100, 2) === h / 100));
  });
  it('the result is within half a hundredth of the input', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x) => Math.abs(roundHalfUp(x, 2) - x) <= 0.005 + 1e-9),
    );
  });
});

describe('totals are exact sums of item scores', () => {
  it('100 items of 0.1 add up to exactly 10', () => {
    expect(sumPoints(Array.from({ length: 100 }, () => 0.1))).toBe(10);
  });
  it('0.1 + 0.2 is 0.3', () => {
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
  });
  it('POINTS_PRECISION rule: 1.125 has more than 2 decimals, 1.25 does not', () => {
    expect(hasAtMostDecimals(1.125)).toBe(false);
    expect(hasAtMostDecimals(1.25)).toBe(true);
  });
});
