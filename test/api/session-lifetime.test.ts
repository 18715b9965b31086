// Issue 11, finding 13 (sessions): a session unused for SESSION_IDLE_MINUTES (default 30) ends beside the
// absolute SESSION_TTL_HOURS; its last use is written at most once a minute, not on every request; an
// hourly job removes ended sessions and stale guessing counters.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/db/queries/sessions.ts';
import { loginThrottle, sessions } from '../../src/db/schema/accounts.ts';
import { jobs } from '../../src/db/schema/supply.ts';
import { createJobHandlers, createScheduler } from '../../src/app/jobs/handlers.ts';
import { PURGE_SESSIONS_JOB } from '../../src/app/jobs/purge-sessions.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const sessionIdOf = (c: Client) => hashToken(/thuocdo_sid=([^;]+)/.exec(c.cookie)![1]!);
const lastSeen = async (c: Client) =>
  (
    await t.database.db
      .select({ at: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(c)))
  )[0]?.at;
const setLastSeen = (c: Client, at: Date) =>
  t.database.db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(eq(sessions.id, sessionIdOf(c)));

describe('idle timeout', () => {
  it('a session unused for more than 30 minutes is refused; one used 29 minutes ago is not', async () => {
    const active = await t.as('viewer', 'Matkhau123');
    await setLastSeen(active, minutesAgo(29));
    expect((await active.get('/api/v1/auth/me')).statusCode).toBe(200);
    const idle = await t.as('support', 'Matkhau123');
    await setLastSeen(idle, minutesAgo(31));
    const res = await idle.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a request refreshes the last use only when it is more than a minute old: most requests write nothing', async () => {
    const c = await t.as('chair', 'Matkhau123');
    const recent = minutesAgo(0.5);
    await setLastSeen(c, recent);
    await c.get('/api/v1/auth/me');
    expect((await lastSeen(c))!.getTime()).toBe(recent.getTime());
    await setLastSeen(c, minutesAgo(2));
    await c.get('/api/v1/auth/me');
    expect(Date.now() - (await lastSeen(c))!.getTime()).toBeLessThan(10_000);
  });

  it('SESSION_IDLE_MINUTES sets the timeout', async () => {
    const short = await createTestApp({ env: { SESSION_IDLE_MINUTES: '10' } });
    try {
      const c = await short.as('viewer');
      await short.database.db
        .update(sessions)
        .set({ lastSeenAt: minutesAgo(11) })
        .where(eq(sessions.id, sessionIdOf(c)));
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('the hourly purge', () => {
  it('removes expired and idle sessions and stale counters; keeps live sessions, locked counters and known addresses', async () => {
    const db = t.database.db;
    const live = await t.as('lead_c1', 'Matkhau123');
    const idle = await t.as('rep_c1', 'Matkhau123');
    await setLastSeen(idle, minutesAgo(45));
    const expired = await t.as('rep_c3', 'Matkhau123');
    await db
      .update(sessions)
      .set({ expiresAt: minutesAgo(1) })
      .where(eq(sessions.id, sessionIdOf(expired)));
    const day = 24 * 60;
    await db.insert(loginThrottle).values([
      {
        key: 'login:pair:cu|10.0.0.1',
        failures: 2,
        windowStartedAt: minutesAgo(2 * day),
        updatedAt: minutesAgo(2 * day),
      },
      {
        key: 'login:pair:khoa|10.0.0.1',
        failures: 5,
        windowStartedAt: minutesAgo(2 * day),
        lockedUntil: minutesAgo(-60),
        updatedAt: minutesAgo(2 * day),
      },
      {
        key: 'login:pair:quen|10.0.0.1',
        failures: 0,
        windowStartedAt: minutesAgo(10 * day),
        lastSuccessAt: minutesAgo(10 * day),
        updatedAt: minutesAgo(10 * day),
      },
      {
        key: 'login:pair:xa|10.0.0.1',
        failures: 0,
        windowStartedAt: minutesAgo(40 * day),
        lastSuccessAt: minutesAgo(40 * day),
        updatedAt: minutesAgo(40 * day),
      },
      { key: 'login:address:moi', failures: 3, windowStartedAt: minutesAgo(5), updatedAt: minutesAgo(5) },
    ]);

    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
    const ctx = { db, config, clock: () => new Date('2026-11-02T03:00:00Z'), realClock: () => new Date() };
    const schedule = createScheduler(ctx);
    await Promise.all([schedule(new Date()), createScheduler(ctx)(new Date())]);
    const queued = await db.select().from(jobs).where(eq(jobs.kind, PURGE_SESSIONS_JOB));
    expect(queued).toHaveLength(1);
    const worker = createJobWorker({ db, handlers: createJobHandlers(ctx), clock: () => new Date() });
    while ((await worker.runOnce()) > 0);
    const [done] = await db.select().from(jobs).where(eq(jobs.kind, PURGE_SESSIONS_JOB));
    expect(done!.doneAt).not.toBeNull();
    expect(done!.result).toMatchObject({ sessions: 3, counters: 2 }); // with the idle one of the first test

    expect((await live.get('/api/v1/auth/me')).statusCode).toBe(200);
    const remaining = (await db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(remaining).not.toContain(sessionIdOf(idle));
    expect(remaining).not.toContain(sessionIdOf(expired));
    const keys = (
      await db
        .select({ key: loginThrottle.key })
        .from(loginThrottle)
        .where(sql`key not like 'login:%|127.0.0.1' and key not like '%:127.0.0.1' and key not like 'login:account:%'`)
    )
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual(['login:address:moi', 'login:pair:khoa|10.0.0.1', 'login:pair:quen|10.0.0.1']);
  });
});
