// Login throttling shared by all app processes: failures counted per account and per address in a
// 15-minute window; past the limit the key is locked for the rest of the window.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginThrottle } from '../schema/accounts.ts';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LIMITS = { user: 5, ip: 30 } as const;

/** Seconds until the first locked key unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[]): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    const until = row?.lockedUntil?.getTime() ?? 0;
    if (until > Date.now()) wait = Math.max(wait, Math.ceil((until - Date.now()) / 1000));
  }
  return wait;
}

export async function recordFailure(db: Db, key: string, limit: number): Promise<void> {
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const windowStart = new Date(nowMs - THROTTLE_WINDOW_MS).toISOString();
  const lockUntil = new Date(nowMs + THROTTLE_WINDOW_MS).toISOString();
  const expired = sql`login_throttle.window_started_at < ${windowStart}::timestamptz`;
  const nextCount = sql`(case when ${expired} then 1 else login_throttle.failures + 1 end)`;
  // One statement: reset an expired window, count the failure, lock when the limit is reached.
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${now}::timestamptz, case when ${limit}::int <= 1 then ${lockUntil}::timestamptz end)
    on conflict (key) do update set
      failures = ${nextCount},
      window_started_at = case when ${expired} then ${now}::timestamptz else login_throttle.window_started_at end,
      locked_until = case when ${nextCount} >= ${limit}::int then ${lockUntil}::timestamptz else null end`);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
