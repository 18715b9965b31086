// Score arithmetic. Item scores are rounded half-up to 2 decimals; totals are summed in integer
// hundredths so that 100 items of 0.1 add up to exactly 10, not 9.99999999999998.

/**
 * Rounds half away from zero to `digits` decimals, decimal-correctly: 1.005 → 1.01 although the binary
 * double for 1.005 is 1.00499999…. We first cut the value to 15 significant digits (the precision a
 * double faithfully carries), which turns 1.00499999999999989 into 1.005, then shift the decimal point
 * in the string form so no binary multiplication reintroduces the error.
 */
const POWERS: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 1e7, 1e8, 1e9, 1e10];

export function roundHalfUp(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  // Beyond 1e15 a double has no decimals left to round.
  if (Math.abs(value) >= 1e15) return value;
  // Fast path: when the scaled value is clearly away from a .5 tie, binary error cannot change which
  // way it rounds, and integer / 10^digits is the double nearest the decimal result.
  const scale = POWERS[digits];
  if (scale !== undefined) {
    const scaled = Math.abs(value) * scale;
    const frac = scaled - Math.floor(scaled);
    if (scaled < 1e9 && Math.abs(frac - 0.5) > 1e-6) {
      const r = Math.round(scaled) / scale;
      return r === 0 ? 0 : value < 0 ? -r : r;
    }
  }
  const sign = value < 0 ? -1 : 1;
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + digits}`);
  const rounded = Math.round(shifted);
  const result = Number(`${rounded}e-${digits}`);
  return result === 0 ? 0 : sign * result;
}

/** Score → integer hundredths (after half-up rounding). */
export function toHundredths(value: number): number {
  // Fast path (the results engine calls this for every item of every unit): a score that already has
  // at most 2 decimals sits within binary error of an integer number of hundredths, far from any .5
  // tie, so that integer is exactly what the decimal rounding below would return.
  const scaled = value * 100;
  const near = Math.round(scaled);
  if (Math.abs(scaled - near) < 1e-7 && Math.abs(value) < 1e9) return near === 0 ? 0 : near;
  return Math.round(roundHalfUp(value, 2) * 100);
}

/** Integer hundredths → score. */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Exact sum of scores (each taken at 2 decimals). */
export function sumPoints(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += toHundredths(v);
  return fromHundredths(total);
}

/** True when the number has at most `digits` decimals (1.25 yes, 1.125 no). */
export function hasAtMostDecimals(value: number, digits = 2): boolean {
  return Number.isFinite(value) && roundHalfUp(value, digits) === value;
}

/** Clamps into lo…hi. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}
