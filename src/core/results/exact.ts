// Exact percents. A percent is kept as the fraction it is — points over applicable max, both in
// integer hundredths of a point — and compared by cross-multiplication, never through a rounded or
// binary-float value: 899.95 / 1000 is 89.995 %, which is below 90 %, and must stay Khá even though
// it displays as "90,00 %" when rounded to 2 decimals. Products stay far below 2^53 (a 10^6-point
// set is 10^8 hundredths; × 10^4 for a band bound in hundredths of a percent = 10^12).
import { toHundredths } from '../framework/rounding.ts';

export interface ExactPercent {
  /** Points obtained, in hundredths (integer ≥ 0). */
  numerator: number;
  /** Applicable max, in hundredths (integer > 0). */
  denominator: number;
}

export function exactPercent(pointsHundredths: number, maxHundredths: number): ExactPercent | null {
  return maxHundredths > 0 ? { numerator: pointsHundredths, denominator: maxHundredths } : null;
}

/** For charts and averages only — never for a boundary. */
export function percentValue(p: ExactPercent): number {
  return (p.numerator / p.denominator) * 100;
}

/** −1, 0, 1 as a is below, equal to or above b. */
export function comparePercent(a: ExactPercent, b: ExactPercent): number {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Band bounds are percents with at most 2 decimals (89.5 is allowed), taken in hundredths of a
 * percent: p ≥ m  ⇔  numerator × 100 × 100 ≥ m_h × denominator.
 */
export function percentAtLeast(p: ExactPercent, minPercent: number): boolean {
  return p.numerator * 10000 >= toHundredths(minPercent) * p.denominator;
}

/** Half-up rounding of the exact percent to hundredths of a percent, in integers (89.995 → 9000). */
export function percentHundredths(p: ExactPercent): number {
  // round(n × 10000 / d) half up = floor((2 × n × 10000 + d) / (2d)) for n ≥ 0.
  return Math.floor((p.numerator * 20000 + p.denominator) / (2 * p.denominator));
}

/** Display value with 2 decimals (89.995 % → 90): for showing, never for comparing. */
export function displayPercent(p: ExactPercent | null): number | null {
  return p === null ? null : percentHundredths(p) / 100;
}

/**
 * Smallest points (hundredths) x with x / max ≥ minPercent, i.e. ⌈m_h × max_h / 10000⌉ — the exact
 * threshold of a band for a given applicable max (used by the gap analysis).
 */
export function pointsForPercent(minPercent: number, maxHundredths: number): number {
  const need = toHundredths(minPercent) * maxHundredths;
  // need is an integer < 2^53; its quotient by 10^4 is off an integer by ≥ 10^-4 unless exact, far
  // above the double's error at these magnitudes, so Math.ceil is exact here.
  return Math.ceil(need / 10000);
}
