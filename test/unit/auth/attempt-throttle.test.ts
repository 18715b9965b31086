// The password-guessing throttle as rules (issue 11, finding 5): what happens to an attempt given its
// counters after counting it, and how long locks last.
import { describe, expect, it } from 'vitest';
import {
  type Counter,
  type PairCounter,
  THROTTLE,
  attemptVerdict,
  isKnownAddress,
  lockDurationMs,
  locksAfterFailure,
  waitText,
} from '../../../src/core/auth/attempt-throttle.ts';

const now = new Date('2026-12-01T02:00:00Z');
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000);
const pair = (count: number, extra: Partial<PairCounter> = {}): PairCounter => ({
  count,
  lockedUntil: null,
  strikes: 0,
  lastSuccessAt: null,
  ...extra,
});
const counter = (count: number, extra: Partial<Counter> = {}): Counter => ({
  count,
  lockedUntil: null,
  strikes: 0,
  ...extra,
});

describe('locks per account and address', () => {
  it('the 5th guess from an address on an account is still checked; the 6th is refused until the lock ends', () => {
    expect(attemptVerdict({ pair: pair(5), account: counter(5) }, now)).toEqual({ kind: 'check' });
    expect(attemptVerdict({ pair: pair(6, { lockedUntil: at(15), strikes: 1 }), account: counter(6) }, now)).toEqual({
      kind: 'refuse',
      by: 'pair',
      retryAfterSeconds: 900,
    });
  });
  it('a wrong 5th guess locks the pair; a wrong 4th does not', () => {
    expect(locksAfterFailure({ pair: counter(5) })).toEqual(['pair']);
    expect(locksAfterFailure({ pair: counter(4) })).toEqual([]);
  });
  it('locks double on each repeat: 15, 30, 60 minutes … never more than 24 hours', () => {
    expect([1, 2, 3, 4].map((n) => lockDurationMs(n) / 60_000)).toEqual([15, 30, 60, 120]);
    expect(lockDurationMs(7) / 3600_000).toBe(16);
    expect(lockDurationMs(8) / 3600_000).toBe(24);
    expect(lockDurationMs(50) / 3600_000).toBe(24);
  });
  it('a guess counted while the lock is being set (parallel requests) is refused with the next lock’s length', () => {
    expect(attemptVerdict({ pair: pair(7, { strikes: 1 }), account: counter(7) }, now)).toMatchObject({
      kind: 'refuse',
      retryAfterSeconds: 1800,
    });
  });
});

describe('locks per address across accounts (spraying)', () => {
  it('30 guesses from an address are checked, the 31st refused', () => {
    expect(attemptVerdict({ pair: pair(1), address: counter(30), account: counter(1) }, now)).toEqual({
      kind: 'check',
    });
    expect(
      attemptVerdict({ pair: pair(1), address: counter(31, { lockedUntil: at(15) }), account: counter(1) }, now),
    ).toMatchObject({ kind: 'refuse', by: 'address' });
    expect(locksAfterFailure({ pair: counter(1), address: counter(30) })).toEqual(['address']);
  });
});

describe('the account ceiling slows, never locks', () => {
  it('up to 30 guesses on an account from all addresses are checked; past that, an unknown address is slowed', () => {
    expect(attemptVerdict({ pair: pair(1), account: counter(THROTTLE.accountCeiling) }, now)).toEqual({
      kind: 'check',
    });
    expect(attemptVerdict({ pair: pair(1), account: counter(31) }, now)).toEqual({ kind: 'slow' });
  });
  it('an address the account signed in from in the last 30 days is not slowed', () => {
    const known = pair(1, { lastSuccessAt: at(-29 * 24 * 60) });
    expect(isKnownAddress(known, now)).toBe(true);
    expect(attemptVerdict({ pair: known, account: counter(500) }, now)).toEqual({ kind: 'check' });
  });
  it('boundary: a success 30 days ago no longer makes the address known', () => {
    expect(isKnownAddress(pair(1, { lastSuccessAt: at(-30 * 24 * 60) }), now)).toBe(false);
  });
  it('a known address is still locked out after its own 5 wrong guesses', () => {
    expect(
      attemptVerdict({ pair: pair(6, { lastSuccessAt: at(-60), lockedUntil: at(15) }), account: counter(6) }, now),
    ).toMatchObject({ kind: 'refuse', by: 'pair' });
  });
});

describe('the wait, in Vietnamese', () => {
  it('seconds under a minute, else whole minutes rounded up', () => {
    expect(waitText(9)).toBe('9 giây');
    expect(waitText(60)).toBe('1 phút');
    expect(waitText(61)).toBe('2 phút');
    expect(waitText(900)).toBe('15 phút');
  });
});
