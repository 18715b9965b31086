// A band's range as a citizen reads it: "từ 90%" for every band but the lowest, which reads "dưới 50%"
// (the next band's threshold) rather than "từ 0%". One wording for the rules list and the distribution chart.
import { formatNumberVi } from '../text/vietnamese.ts';

export function bandRangeVi(bands: readonly { code: string; minPercent: number }[], code: string): string | null {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const i = sorted.findIndex((b) => b.code === code);
  if (i < 0) return null;
  const band = sorted[i]!;
  if (band.minPercent > 0 || i === 0) return `từ ${formatNumberVi(band.minPercent)}%`;
  return `dưới ${formatNumberVi(sorted[i - 1]!.minPercent)}%`;
}
