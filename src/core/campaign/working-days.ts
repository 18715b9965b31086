// Working days (ngày làm việc) for windows a decision counts in working days, such as the objection window
// (issue 14 §1): Monday to Friday. Public holidays are not known to the system yet, so a window that spans
// one (Tết, 30/4–1/5, 2/9) ends earlier than the official count — said here rather than hidden.
import { addDays } from './vietnam-time.ts';
import type { IsoDate } from './types.ts';

/** Saturday or Sunday (the date read as a calendar date, not an instant). */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The date `n` working days after `date` (the day itself not counted): Friday + 1 → Monday. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}
