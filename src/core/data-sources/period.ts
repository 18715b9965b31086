// Periods of a pulled figure: a year, a quarter or a month (the 766 index is published by month, quarter
// and year — Quyết định 766/QĐ-TTg). Written "2026", "2026-Q3", "2026-09"; the current period is taken on
// the Vietnamese calendar (UTC+7), as every deadline of the platform.

export type PeriodKind = 'year' | 'quarter' | 'month';
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month'];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; absent for a year. */
  number?: number;
}

/** "2026" | "2026-Q3" | "2026-09" → Period, or null when it is none of these. */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-Q([1-4])$/i.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[1]), number: Number(m[2]) };
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'month', year: Number(m[1]), number: Number(m[2]) };
  return null;
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.number}`;
  return `${p.year}-${String(p.number).padStart(2, '0')}`;
}

/** "Năm 2026", "Quý 3/2026", "Tháng 9/2026". */
export function periodLabelVi(p: Period): string {
  if (p.kind === 'year') return `Năm ${p.year}`;
  if (p.kind === 'quarter') return `Quý ${p.number}/${p.year}`;
  return `Tháng ${p.number}/${p.year}`;
}

/** The period of this kind that contains `now` on the Vietnamese calendar. */
export function currentPeriod(kind: PeriodKind, now: Date): Period {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  const year = vn.getUTCFullYear();
  const month = vn.getUTCMonth() + 1;
  if (kind === 'year') return { kind, year };
  if (kind === 'quarter') return { kind, year, number: Math.ceil(month / 3) };
  return { kind, year, number: month };
}
