// Number formatting for explanation lines: Vietnamese decimal comma, up to 4 decimals so that
// intermediate ratios (0,8333) stay readable without hiding the computation.
import { formatNumberVi } from '../text/vietnamese.ts';

export function num(value: number, maxDecimals = 4): string {
  return formatNumberVi(value, maxDecimals);
}
