// The statements of the database-backed job queue (table `jobs`, app/jobs/queue.ts): enqueue, claim with
// a lease, close, retry, progress of a running export, and the purge of finished jobs. Timestamps are
// bound as ISO text cast to timestamptz, the same on node-postgres and PGlite.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobs } from '../schema/supply.ts';
import { rowsOf } from './assessments.ts';

/** Inserts a job; a job whose id exists already (a keyed job enqueued twice) is not inserted: null. */
export async function insertJob(
  db: Db,
  values: { id?: string; kind: string; payload: unknown; runAt: Date },
): Promise<string | null> {
  const [row] = await db.insert(jobs).values(values).onConflictDoNothing().returning({ id: jobs.id });
  return row?.id ?? null;
}

export interface ClaimedJobRow {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number | string;
}

/**
 * Leases up to `limit` due jobs until `until` (attempts counted). FOR UPDATE SKIP LOCKED: rows another
 * process is claiming at the same moment are skipped, not waited on, so no two processes take one job.
 */
export async function claimDueJobs(db: Db, now: Date, until: Date, limit: number): Promise<ClaimedJobRow[]> {
  const res =
    await db.execute(sql`update jobs set locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (select id from jobs where done_at is null and run_at <= ${now.toISOString()}::timestamptz
      and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by run_at limit ${limit} for update skip locked)
    returning id, kind, payload, attempts`);
  return rowsOf<ClaimedJobRow>(res);
}

export async function markJobDone(db: Db, id: string, now: Date, result: unknown): Promise<void> {
  await db.execute(
    sql`update jobs set done_at = ${now.toISOString()}::timestamptz, result = ${JSON.stringify(result ?? null)}::jsonb, locked_until = null, last_error = null where id = ${id}`,
  );
}

/** Closes a job for good with its last error (no attempts left). */
export async function markJobFailed(db: Db, id: string, now: Date, message: string): Promise<void> {
  await db.execute(
    sql`update jobs set done_at = ${now.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${id}`,
  );
}

/** Releases the lease and makes the job due again at `retryAt`, keeping the error of this attempt. */
export async function scheduleJobRetry(db: Db, id: string, retryAt: Date, message: string): Promise<void> {
  await db.execute(
    sql`update jobs set run_at = ${retryAt.toISOString()}::timestamptz, locked_until = null, last_error = ${message} where id = ${id}`,
  );
}

/** A running job's progress (0…1) in its `result` — no extra column; a finished job is left as it is. */
export async function setJobProgress(db: Db, jobId: string, progress: number): Promise<void> {
  await db.execute(
    sql`update jobs set result = ${JSON.stringify({ progress })}::jsonb where id = ${jobId}::uuid and done_at is null`,
  );
}

/**
 * Deletes up to `limit` jobs finished before `before` (oldest first) and answers each one's kind and
 * the file it produced (result.sha256, for exports), so the caller can drop files no longer referenced.
 */
export async function deleteFinishedJobs(
  db: Db,
  before: string,
  limit: number,
): Promise<{ kind: string; sha256: string | null }[]> {
  return rowsOf<{ kind: string; sha256: string | null }>(
    await db.execute(sql`delete from jobs where id in (
          select id from jobs where done_at is not null and done_at < ${before}::timestamptz order by done_at limit ${limit})
        returning kind, result ->> 'sha256' as sha256`),
  );
}

/** How many records still point at the stored bytes: evidence files and jobs of `exportKind` whose result names them. */
export async function storedFileReferences(tx: Db, sha256: string, exportKind: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select (select count(*) from stored_files where sha256 = ${sha256})
            + (select count(*) from jobs where kind = ${exportKind} and result ->> 'sha256' = ${sha256}) as n`),
  );
  return Number(row?.n ?? 0);
}
