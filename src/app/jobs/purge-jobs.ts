// The daily "maintenance.purge_jobs" job: finished jobs (completed, or failed for good after their last attempt) are
// deleted once older than JOB_RETENTION_DAYS (default 14), with what they carry — e-mail payloads (names,
// addresses, texts), export requests and results — and the files of finished exports, which no one can
// download once their job is gone. A file is deleted only under its stored-file lock and when nothing else
// references the same bytes (an evidence record, another export not yet purged). Jobs still queued,
// running or waiting for a retry are never touched.
import type { Db } from '../../db/client.ts';
import { deleteFinishedJobs, storedFileReferences } from '../../db/queries/jobs.ts';
import { lockStoredFile } from '../evidence/file-lock.ts';
import { SHA256_HEX, type FileStore } from '../../infra/storage/file-store.ts';
import { EXPORT_JOB } from './export-job.ts';

export const PURGE_JOBS_JOB = 'maintenance.purge_jobs';
export const DEFAULT_JOB_RETENTION_DAYS = 14;
const BATCH = 1000;

export interface JobsPurgeResult {
  jobs: number;
  exportFiles: number;
}

export interface PurgeJobsOptions {
  now: Date;
  /** Finished jobs older than this many days go. */
  retentionDays: number;
  /** Where export files live; null = jobs are purged but no file is touched. */
  store: FileStore | null;
}

export async function purgeFinishedJobs(
  db: Db,
  { now, retentionDays, store }: PurgeJobsOptions,
): Promise<JobsPurgeResult> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const files = new Set<string>();
  let jobs = 0;
  for (;;) {
    const deleted = await deleteFinishedJobs(db, before, BATCH);
    jobs += deleted.length;
    for (const d of deleted) if (d.kind === EXPORT_JOB && d.sha256 && SHA256_HEX.test(d.sha256)) files.add(d.sha256);
    if (deleted.length < BATCH) break;
  }
  let exportFiles = 0;
  if (store) {
    for (const sha256 of files) {
      const removed = await db.transaction(async (tx) => {
        await lockStoredFile(tx, sha256);
        if ((await storedFileReferences(tx, sha256, EXPORT_JOB)) > 0) return false;
        await store.delete(sha256);
        return true;
      });
      if (removed) exportFiles++;
    }
  }
  return { jobs, exportFiles };
}
