// Deadlines are calendar dates in Asia/Ho_Chi_Minh and mean the end of that day.
import { describe, expect, it } from 'vitest';
import {
  daysLate,
  daysRemaining,
  endOfVietnamDay,
  isValidIsoDate,
  vietnamDateOf,
} from '../../../src/core/campaign/index.ts';

describe('a deadline of 15/11 in Vietnam', () => {
  it('ends at 23:59:59.999 on 15/11 Vietnam time (16:59:59.999 UTC)', () => {
    expect(endOfVietnamDay('2026-11-15').toISOString()).toBe('2026-11-15T16:59:59.999Z');
  });

  it('a submission at 23:59 on the 15th (Vietnam) is on time', () => {
    expect(daysLate(new Date('2026-11-15T16:59:00Z'), '2026-11-15')).toBe(0);
  });

  it('a submission at 00:01 on the 16th (Vietnam) — still the 15th in UTC — is 1 day late', () => {
    const at = new Date('2026-11-15T17:01:00Z');
    expect(at.getUTCDate()).toBe(15);
    expect(vietnamDateOf(at)).toBe('2026-11-16');
    expect(daysLate(at, '2026-11-15')).toBe(1);
  });

  it('a submission on the 20th is 5 days late; on the 21st, 6', () => {
    expect(daysLate(new Date('2026-11-20T03:00:00Z'), '2026-11-15')).toBe(5);
    expect(daysLate(new Date('2026-11-21T03:00:00Z'), '2026-11-15')).toBe(6);
  });

  it('counts calendar days across a month and a year end', () => {
    expect(daysLate(new Date('2027-01-02T03:00:00Z'), '2026-12-30')).toBe(3);
  });

  it('days remaining counts down to 0 on the deadline day and negative after', () => {
    expect(daysRemaining(new Date('2026-11-10T01:00:00Z'), '2026-11-15')).toBe(5);
    expect(daysRemaining(new Date('2026-11-15T16:00:00Z'), '2026-11-15')).toBe(0);
    expect(daysRemaining(new Date('2026-11-16T01:00:00Z'), '2026-11-15')).toBe(-1);
  });

  it('rejects impossible dates', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('15/11/2026')).toBe(false);
  });
});
