// The database-backed job queue (table `jobs`): any app process may enqueue and any may run jobs. A
// worker claims due jobs with FOR UPDATE SKIP LOCKED and leases them (locked_until), so several processes
// never run the same job, and a job whose process died is claimed again once its lease ends. Failures
// retry with exponential backoff; after MAX_ATTEMPTS the job is closed with its last error.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { claimDueJobs, insertJob, markJobDone, markJobFailed, scheduleJobRetry } from '../../db/queries/jobs.ts';

export const MAX_ATTEMPTS = 5;
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

/**
 * A job that must exist once per key (the daily reminder scan of one date) gets an id derived from the
 * key, so concurrent enqueues from several processes collapse on the primary key — no extra column.
 */
export function jobIdForKey(key: string): string {
  const h = createHash('sha256').update(`thuocdo-job:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Enqueues a job (in the caller's transaction when given one); returns its id, or null when `key` already
 * exists. `runAt` is when it becomes due: the caller's clock (`now` for a job to run at once).
 */
export async function enqueueJob(
  db: Db,
  job: { kind: string; payload: unknown; runAt: Date; key?: string },
): Promise<string | null> {
  return insertJob(db, {
    ...(job.key ? { id: jobIdForKey(job.key) } : {}),
    kind: job.kind,
    payload: job.payload ?? {},
    runAt: job.runAt,
  });
}

export interface ClaimOptions {
  now: Date;
  /** At most this many jobs per claim. */
  limit: number;
  /** How long the claimer holds them (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
}

/** Claims up to `limit` due jobs for `leaseMs`; rows locked by another claimer are skipped, not waited on. */
export async function claimJobs(
  db: Db,
  { now, limit, leaseMs = DEFAULT_LEASE_MS }: ClaimOptions,
): Promise<ClaimedJob[]> {
  const until = new Date(now.getTime() + leaseMs);
  return (await claimDueJobs(db, now, until, limit)).map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    attempts: Number(r.attempts),
  }));
}

export async function completeJob(
  db: Db,
  { id, now, result }: { id: string; now: Date; result: unknown },
): Promise<void> {
  await markJobDone(db, id, now, result);
}

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export async function failJob(
  db: Db,
  { job, now, error }: { job: ClaimedJob; now: Date; error: string },
): Promise<void> {
  const message = error.slice(0, 2000);
  if (job.attempts >= MAX_ATTEMPTS) {
    await markJobFailed(db, job.id, now, message);
    return;
  }
  await scheduleJobRetry(db, job.id, new Date(now.getTime() + backoffMs(job.attempts)), message);
}
