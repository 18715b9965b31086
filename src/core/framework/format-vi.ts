// Number formatting for explanation lines: Vietnamese style (1.234,5 — dot grouping, decimal comma),
// up to 4 decimals so intermediate ratios (0,8333) stay readable. Same output as formatNumberVi in
// text/vietnamese.ts, hand-written because Intl.NumberFormat costs about a microsecond per call and
// scoring a 100-item set formats several hundred numbers for its explanations.
import { roundHalfUp } from './rounding.ts';

function group(intPart: string): string {
  return intPart.length > 3 ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : intPart;
}

export function num(value: number, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = roundHalfUp(value, maxDecimals);
  const abs = Math.abs(rounded);
  // The shortest round-trip form of a value already rounded to ≤ maxDecimals has no more decimals
  // than that; exponent forms (1e-7, 1e21) take the slower toFixed path.
  let text = String(abs);
  if (text.includes('e'))
    text = abs
      .toFixed(maxDecimals)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  const dot = text.indexOf('.');
  const intPart = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  return `${rounded < 0 ? '-' : ''}${group(intPart)}${frac ? ',' + frac : ''}`;
}
