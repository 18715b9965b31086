// Classification bands of the rules preset: lower bounds in 0…100, written from the highest band down.
import type { BandRule } from '../types.ts';
import { num } from '../format-vi.ts';
import { given, problem, type Problem } from './problem.ts';

export function checkBands(bands: readonly BandRule[]): Problem[] {
  const out: Problem[] = [];
  const codes = new Set<string>();
  let previous: number | undefined;
  for (const band of bands) {
    if (codes.has(band.code))
      out.push(
        problem('BAND_DUPLICATE_CODE', `Mức xếp loại "${band.code}" bị trùng.`, undefined, { band: band.label }),
      );
    codes.add(band.code);
    const p = band.minPercent;
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 100) {
      out.push(
        problem(
          'BAND_OUT_OF_RANGE',
          `Mức xếp loại "${band.label}": ngưỡng ${String(p)}% phải nằm trong khoảng 0…100.`,
          undefined,
          { band: band.label, value: given(p) },
        ),
      );
      continue;
    }
    if (previous !== undefined && p >= previous) {
      out.push(
        problem(
          'BANDS_NOT_DESCENDING',
          `Mức xếp loại "${band.label}": các mức phải ghi từ cao xuống thấp (${num(p)}% sau ${num(previous)}%).`,
          undefined,
          { band: band.label, value: p, previous },
        ),
      );
    }
    previous = p;
  }
  return out;
}
