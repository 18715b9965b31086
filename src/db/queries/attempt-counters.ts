// The counters behind the password-guessing throttle (rules: core/auth/attempt-throttle.ts), in the
// database so every app process shares them. Each attempt is counted by ONE statement (insert … on
// conflict do update … returning): concurrent attempts on a key are serialised by the row lock and each
// gets its own count, so the check "count ≤ limit" before verifying the password is race-free.
import { sql } from 'drizzle-orm';
import type { PairCounter } from '../../core/auth/attempt-throttle.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

interface Row {
  failures: number | string;
  locked_until: string | Date | null;
  strikes: number | string;
  last_success_at: string | Date | null;
}

const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

/**
 * Counts one attempt on `key` and returns the counter. A new window starts when the previous one has
 * ended: for lockable keys when their lock has expired (or, never locked, the window has elapsed); for
 * account keys (`lockable` false: their locked_until is the next slowed slot) when the window has elapsed.
 */
export async function countAttempt(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
  lockable: boolean,
): Promise<PairCounter> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const elapsed = sql`login_throttle.window_started_at <= ${windowStart}::timestamptz`;
  const fresh = lockable
    ? sql`(case when login_throttle.locked_until is not null then login_throttle.locked_until <= ${at}::timestamptz else ${elapsed} end)`
    : elapsed;
  const res = await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, updated_at)
    values (${key}, 1, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (key) do update set
      failures = case when ${fresh} then 1 else login_throttle.failures + 1 end,
      window_started_at = case when ${fresh} then ${at}::timestamptz else login_throttle.window_started_at end,
      locked_until = case when ${sql.raw(lockable ? 'true' : 'false')} and ${fresh} then null else login_throttle.locked_until end,
      updated_at = ${at}::timestamptz
    returning failures, locked_until, strikes, last_success_at`);
  const row = rowsOf<Row>(res)[0]!;
  return {
    count: Number(row.failures),
    lockedUntil: date(row.locked_until),
    strikes: Number(row.strikes),
    lastSuccessAt: date(row.last_success_at),
  };
}

/** Locks a key after its limit was reached by a wrong password: the next strike, for `durationMs`. */
export async function lockKey(db: Db, key: string, now: Date, durationMs: number): Promise<void> {
  await db.execute(sql`update login_throttle set locked_until = ${new Date(now.getTime() + durationMs).toISOString()}::timestamptz,
    strikes = strikes + 1, updated_at = ${now.toISOString()}::timestamptz where key = ${key}`);
}

/**
 * Takes the account's next slowed slot when it is free — one statement, so two requests never share a
 * slot. Returns whether it was taken, and until when the slot (this one or the busy one) runs.
 */
export async function takeAccountSlot(
  db: Db,
  key: string,
  now: Date,
  intervalMs: number,
): Promise<{ taken: boolean; until: Date }> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + intervalMs);
  const taken = rowsOf<{ locked_until: string | Date }>(
    await db.execute(sql`update login_throttle set locked_until = ${until.toISOString()}::timestamptz
      where key = ${key} and (locked_until is null or locked_until <= ${at}::timestamptz) returning locked_until`),
  );
  if (taken.length > 0) return { taken: true, until };
  const busy = rowsOf<{ locked_until: string | Date | null }>(
    await db.execute(sql`select locked_until from login_throttle where key = ${key}`),
  );
  return { taken: false, until: date(busy[0]?.locked_until ?? null) ?? until };
}

/**
 * A right password: the pair starts over and the address becomes known to the account; the attempt is
 * given back to the other counters (they were counted before the check, and only wrong guesses should
 * weigh — many people signing in from one office address are not a guesser).
 */
export async function recordSuccess(db: Db, keys: { pair: string; others: string[] }, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`update login_throttle set failures = 0, strikes = 0, locked_until = null, window_started_at = ${at}::timestamptz,
    last_success_at = ${at}::timestamptz, updated_at = ${at}::timestamptz where key = ${keys.pair}`);
  for (const key of keys.others) {
    await db.execute(
      sql`update login_throttle set failures = greatest(failures - 1, 0), updated_at = ${at}::timestamptz where key = ${key}`,
    );
  }
}

/**
 * Removes counters nobody needs: not locked, untouched for a day, and not a known address (those are kept
 * for as long as they count as known). Run by the purge job.
 */
export async function purgeAttemptCounters(db: Db, now: Date, knownAddressMs: number): Promise<number> {
  const at = now.toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const knownSince = new Date(now.getTime() - knownAddressMs).toISOString();
  const res = await db.execute(sql`delete from login_throttle
    where updated_at < ${dayAgo}::timestamptz
      and (locked_until is null or locked_until < ${at}::timestamptz)
      and (last_success_at is null or last_success_at < ${knownSince}::timestamptz)
    returning key`);
  return rowsOf(res).length;
}
