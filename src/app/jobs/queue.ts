// The database-backed job queue (table `jobs`): any app process may enqueue and any may run jobs. A
// worker claims due jobs with FOR UPDATE SKIP LOCKED and leases them (locked_until), so several processes
// never run the same job, and a job whose process died is claimed again once its lease ends. Failures
// retry with exponential backoff; after MAX_ATTEMPTS the job is closed with its last error.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/queries/assessments.ts';
import { jobs } from '../../db/schema/supply.ts';

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

/** Enqueues a job (in the caller's transaction when given one); returns its id, or null when `key` already exists. */
export async function enqueueJob(
  db: Db,
  job: { kind: string; payload: unknown; runAt?: Date; key?: string },
): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      ...(job.key ? { id: jobIdForKey(job.key) } : {}),
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/** Claims up to `limit` due jobs for `leaseMs`; rows locked by another claimer are skipped, not waited on. */
export async function claimJobs(db: Db, now: Date, limit: number, leaseMs = DEFAULT_LEASE_MS): Promise<ClaimedJob[]> {
  const until = new Date(now.getTime() + leaseMs);
  const res =
    await db.execute(sql`update jobs set locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (select id from jobs where done_at is null and run_at <= ${now.toISOString()}::timestamptz
      and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by run_at limit ${limit} for update skip locked)
    returning id, kind, payload, attempts`);
  return rowsOf<ClaimedJob>(res).map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    attempts: Number(r.attempts),
  }));
}

export async function completeJob(db: Db, id: string, now: Date, result: unknown): Promise<void> {
  await db.execute(
    sql`update jobs set done_at = ${now.toISOString()}::timestamptz, result = ${JSON.stringify(result ?? null)}::jsonb, locked_until = null, last_error = null where id = ${id}`,
  );
}

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export async function failJob(db: Db, job: ClaimedJob, now: Date, error: string): Promise<void> {
  const message = error.slice(0, 2000);
  if (job.attempts >= MAX_ATTEMPTS) {
    await db.execute(
      sql`update jobs set done_at = ${now.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${job.id}`,
    );
    return;
  }
  const retryAt = new Date(now.getTime() + backoffMs(job.attempts));
  await db.execute(
    sql`update jobs set run_at = ${retryAt.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${job.id}`,
  );
}
