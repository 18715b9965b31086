// How many password guesses are allowed, and from where. Every attempt is counted BEFORE the password is
// checked (db/queries/attempt-counters.ts: one atomic increment per counter), so parallel requests cannot
// squeeze in more guesses than the limit. Three counters per attempt:
// - the pair (account, address): 5 guesses, then that address is locked out of that account for 15
//   minutes, twice as long at each repeat (30, 60 … at most 24 hours); a success from that address
//   clears it and makes the address "known" to the account for 30 days;
// - the address (login only): 30 guesses across any accounts, then locked the same way (password spraying);
// - the account: past a generous 30 guesses in 15 minutes from all addresses together, an address the
//   account has not signed in from lately gets one guess per 10 seconds for that account — slowed, never
//   locked: a guesser elsewhere cannot lock the administrator out, and a known address is not slowed.

export const THROTTLE = {
  windowMs: 15 * 60_000,
  pairLimit: 5,
  addressLimit: 30,
  accountCeiling: 30,
  lockBaseMs: 15 * 60_000,
  lockMaxMs: 24 * 3600_000,
  slowIntervalMs: 10_000,
  knownAddressMs: 30 * 24 * 3600_000,
} as const;

/** A counter as the database returns it after counting this attempt. */
export interface Counter {
  /** Attempts in the current window, this one included. */
  count: number;
  lockedUntil: Date | null;
  /** Locks so far. */
  strikes: number;
}

export interface PairCounter extends Counter {
  lastSuccessAt: Date | null;
}

export type Verdict =
  | { kind: 'check' }
  /** Over the account ceiling from an unknown address: check only if the account's next slot is free. */
  | { kind: 'slow' }
  | { kind: 'refuse'; by: 'pair' | 'address'; retryAfterSeconds: number };

/** The n-th lock (n ≥ 1) lasts the base doubled n − 1 times, at most the maximum. */
export function lockDurationMs(nthLock: number): number {
  const doublings = Math.max(0, Math.min(nthLock - 1, 20));
  return Math.min(THROTTLE.lockBaseMs * 2 ** doublings, THROTTLE.lockMaxMs);
}

export function isKnownAddress(pair: PairCounter, now: Date): boolean {
  return pair.lastSuccessAt !== null && now.getTime() - pair.lastSuccessAt.getTime() < THROTTLE.knownAddressMs;
}

function retryAfter(c: Counter, now: Date): number {
  const until =
    c.lockedUntil && c.lockedUntil.getTime() > now.getTime()
      ? c.lockedUntil.getTime()
      : now.getTime() + lockDurationMs(c.strikes + 1);
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** What to do with an attempt, given its counters after counting it. */
export function attemptVerdict(c: { pair: PairCounter; address?: Counter; account: Counter }, now: Date): Verdict {
  if (c.pair.count > THROTTLE.pairLimit)
    return { kind: 'refuse', by: 'pair', retryAfterSeconds: retryAfter(c.pair, now) };
  if (c.address && c.address.count > THROTTLE.addressLimit)
    return { kind: 'refuse', by: 'address', retryAfterSeconds: retryAfter(c.address, now) };
  if (c.account.count > THROTTLE.accountCeiling && !isKnownAddress(c.pair, now)) return { kind: 'slow' };
  return { kind: 'check' };
}

/** After a wrong password: which counters reached their limit with this attempt and must now lock. */
export function locksAfterFailure(c: { pair: Counter; address?: Counter }): ('pair' | 'address')[] {
  const locks: ('pair' | 'address')[] = [];
  if (c.pair.count >= THROTTLE.pairLimit) locks.push('pair');
  if (c.address && c.address.count >= THROTTLE.addressLimit) locks.push('address');
  return locks;
}

/** "15 phút", "45 giây": how long to wait, for the message. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
