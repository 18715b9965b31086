// The nightly "maintenance.vacuum" job of embedded installs: PGlite has no autovacuum, so the app runs
// VACUUM (ANALYZE) of its busy tables itself (db/queries/maintenance.ts) — each night at 02:00 Vietnam
// time, when nobody saves, and after each finished data-source pull (a pull rewrites thousands of item
// rows at once). On PostgreSQL the job is never scheduled: autovacuum does it, and better.
import type { Db } from '../../db/client.ts';
import { deadTuples, vacuumBusyTables } from '../../db/queries/maintenance.ts';
import { enqueueJob } from './queue.ts';

export const VACUUM_JOB = 'maintenance.vacuum';
/** The Vietnamese hour the nightly run is due at (UTC+7, no daylight saving). */
export const VACUUM_HOUR = 2;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

export interface VacuumResult {
  /** Dead row versions of the busy tables before the run, summed. */
  deadBefore: number;
  deadAfter: number;
  msPerTable: Record<string, number>;
}

export async function runVacuum(db: Db): Promise<VacuumResult> {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const deadBefore = sum(await deadTuples(db));
  const msPerTable = await vacuumBusyTables(db);
  return { deadBefore, deadAfter: sum(await deadTuples(db)), msPerTable };
}

/** The next 02:00 in Vietnam at or after `now` (the night the job is for), as an instant. */
export function nextVacuumNight(now: Date): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const night = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), VACUUM_HOUR);
  const at = night >= local.getTime() ? night : night + 86_400_000;
  return new Date(at - VIETNAM_OFFSET_MS);
}

/** Enqueues the coming night's run once across processes (the night is the key). */
export async function scheduleNightlyVacuum(db: Db, now: Date): Promise<void> {
  const night = nextVacuumNight(now);
  await enqueueJob(db, {
    kind: VACUUM_JOB,
    payload: { night: night.toISOString() },
    key: `${VACUUM_JOB}:${night.toISOString()}`,
    runAt: night,
  });
}

/** Enqueues a run right after a finished pull (once per run). */
export async function scheduleVacuumAfterPull(db: Db, runId: string, now: Date): Promise<void> {
  await enqueueJob(db, {
    kind: VACUUM_JOB,
    payload: { afterRun: runId },
    key: `${VACUUM_JOB}:run:${runId}`,
    runAt: now,
  });
}
