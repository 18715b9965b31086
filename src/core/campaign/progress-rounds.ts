// Periodic progress reports of an annual campaign (000 Điều 7.2): units update their figures for 3, 6 and
// 9 months "before the 15th of the quarter's last month" — so each round's deadline is the 14th of
// March, June and September. Progress rounds are unranked.
import type { IsoDate } from './types.ts';

export interface ProgressRound {
  months: number;
  name: string;
  deadline: IsoDate;
  reportingPeriod: { from: IsoDate; to: IsoDate };
}

export function progressRounds(
  year: number,
  months: readonly number[] = [3, 6, 9],
  annualName = `năm ${year}`,
): ProgressRound[] {
  return months
    .filter((m) => Number.isInteger(m) && m >= 1 && m <= 12)
    .map((m) => {
      const lastMonth = String(m).padStart(2, '0');
      return {
        months: m,
        name: `Báo cáo tiến độ ${m} tháng — ${annualName}`,
        deadline: `${year}-${lastMonth}-14`,
        reportingPeriod: { from: `${year}-01-01`, to: `${year}-${lastMonth}-14` },
      };
    });
}
