// Deadlines are calendar dates in Asia/Ho_Chi_Minh meaning the END of that day (UTC+7, no daylight
// saving). "Late by N days" counts calendar days after the deadline date in Vietnam: a submission on
// the 16th for a deadline of the 15th is 1 day late, whatever the hour. Server time only.
import type { IsoDate } from './types.ts';

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date in Vietnam at an instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Vietnamese calendar day. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + DAY_MS - 1);
}

/** Whole calendar days from `a` to `b` (b − a); negative when b is before a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Calendar days late (0 when on or before the deadline date). */
export function daysLate(submittedAt: Date, deadline: IsoDate): number {
  return Math.max(0, daysBetween(deadline, vietnamDateOf(submittedAt)));
}

/** Calendar days left until the deadline (0 on the deadline day, negative after it). */
export function daysRemaining(now: Date, deadline: IsoDate): number {
  return daysBetween(vietnamDateOf(now), deadline);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
