// The embedded database's maintenance job (app/jobs/vacuum-embedded.ts): PGlite has no autovacuum, so
// the app schedules VACUUM (ANALYZE) of its busy tables each night (02:00 Vietnam time) and after each
// finished pull; on PostgreSQL it is never scheduled. The run reclaims the dead versions item saves leave.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers, createScheduler, type JobContext } from '../../src/app/jobs/handlers.ts';
import { VACUUM_JOB, nextVacuumNight, runVacuum } from '../../src/app/jobs/vacuum-embedded.ts';
import { BUSY_TABLES, deadTuples } from '../../src/db/queries/maintenance.ts';
import { createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const NOW = new Date('2026-11-01T10:00:00Z'); // 17:00 in Vietnam: the coming night is 2026-11-02 02:00 (+07)
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
});
afterAll(() => t.close());

const rowsOf = <T>(res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as T[];
const contextOf = (kind: 'pglite' | 'postgres'): JobContext => ({
  db: t.database.db,
  databaseKind: kind,
  config: { publicBaseUrl: undefined, smtp: undefined, reminderHour: 8 } as unknown as JobContext['config'],
  clock: () => NOW,
  realClock: () => NOW,
});
const vacuumJobs = async () =>
  rowsOf<{ run_at: string | Date }>(
    await t.database.db.execute(sql`select run_at from jobs where kind = ${VACUUM_JOB} order by run_at`),
  );

/** Per busy table: how many times it was vacuumed and analysed by hand (VACUUM (ANALYZE) counts both). */
const maintenanceCounts = async () =>
  new Map(
    rowsOf<{ relname: string; vacuum_count: number | string; analyze_count: number | string }>(
      await t.database.db.execute(
        sql`select relname, vacuum_count, analyze_count from pg_stat_user_tables where relname = any(${`{${BUSY_TABLES.join(',')}}`}::text[])`,
      ),
    ).map((r) => [r.relname, { vacuums: Number(r.vacuum_count), analyses: Number(r.analyze_count) }]),
  );

describe('the nightly vacuum of embedded installs', () => {
  it('is due at the coming 02:00 in Vietnam', () => {
    expect(nextVacuumNight(NOW).toISOString()).toBe('2026-11-01T19:00:00.000Z');
    expect(nextVacuumNight(new Date('2026-11-01T18:59:00Z')).toISOString()).toBe('2026-11-01T19:00:00.000Z');
    expect(nextVacuumNight(new Date('2026-11-01T19:00:01Z')).toISOString()).toBe('2026-11-02T19:00:00.000Z');
  });

  it('is scheduled on PGlite only, once per night however many ticks', async () => {
    await createScheduler(contextOf('postgres'))(NOW);
    expect(await vacuumJobs()).toHaveLength(0);
    expect(Object.keys(createJobHandlers(contextOf('postgres')))).not.toContain(VACUUM_JOB);
    const tick = createScheduler(contextOf('pglite'));
    await tick(NOW);
    await tick(new Date(NOW.getTime() + 60_000));
    await createScheduler(contextOf('pglite'))(NOW); // another process
    const jobs = await vacuumJobs();
    expect(jobs.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-11-01T19:00:00.000Z']);
    expect(Object.keys(createJobHandlers(contextOf('pglite')))).toContain(VACUUM_JOB);
  });

  it('reclaims the dead row versions item saves leave', async () => {
    if (t.database.kind !== 'pglite') return; // PostgreSQL's autovacuum does this; its statistics lag per backend
    const ids = await createOpenCampaign(t);
    const id = ids.assessments.C1!;
    const rep = await t.as('rep_c1');
    for (let version = 0; version < 30; version++) {
      const res = await rep.put(`/api/v1/assessments/${id}/items/1.2`, { inputs: { yes: version % 2 === 0 }, version });
      expect(res.statusCode, res.body).toBe(200);
    }
    // The dead versions themselves are not counted before the run: the backend reports its row counts
    // to the statistics in batches (at most once a second) and page pruning may already have reclaimed
    // some, so the count before is timing. VACUUM reports itself at once: every busy table is vacuumed and
    // analysed, and the item table is left without a dead version.
    // The saves' own counts are flushed now, not up to a second later — after the vacuum's report, where
    // they would add the versions it has just reclaimed back to the table's count (30 saves take less than a
    // second since migration 0021).
    await t.database.db.execute(sql`select pg_stat_force_next_flush()`);
    await t.database.db.execute(sql`select 1`);
    const before = await maintenanceCounts();
    const result = await runVacuum(t.database.db);
    expect(Object.keys(result.msPerTable).sort()).toEqual([...BUSY_TABLES].sort());
    const after = await maintenanceCounts();
    for (const table of BUSY_TABLES) {
      expect(after.get(table)?.vacuums, table).toBe((before.get(table)?.vacuums ?? 0) + 1);
      expect(after.get(table)?.analyses, table).toBe((before.get(table)?.analyses ?? 0) + 1);
    }
    expect((await deadTuples(t.database.db)).assessment_items).toBe(0);
  });
});
