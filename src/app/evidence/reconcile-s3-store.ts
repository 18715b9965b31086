// Start-up orphan sweep of the S3 evidence store: the bucket's counterpart of reconcile-local-store.ts. A
// process killed between its PUT and its commit, or a transaction that rolled back after the PUT, leaves a
// complete object no stored_files row names. The bucket is listed a page at a time (ListObjectsV2, ≤ 1000
// keys: memory stays bounded); only keys in the content-address layout are candidates (anything else in the
// bucket is never touched); unrecorded candidates are removed under their stored-file lock after re-checking
// the row is absent (orphans.ts).
//
// Unlike the local directory, the bucket is shared by every app process, on every machine, and objects reach
// it from outside this database's locks' sight (a late-completing PUT retried by the transport, a bucket
// shared by mistake, a listing that lags a write on a weakly consistent store). So an object is also kept
// while it is younger than the grace age (S3_ORPHAN_GRACE_MINUTES, default 60), measured between its
// LastModified (the bucket's clock) and `realNow` (ours, taken once when the sweep starts, so objects written
// during the sweep are young by construction): clock skew of minutes does not matter against an hour.
//
// A listing error (after the transport's retries) or an answer that cannot be a real listing stops the sweep
// with SweepIncomplete: nothing of the failed page is removed, and what earlier pages removed were orphans.
import type { Db } from '../../db/client.ts';
import type { S3FileStore } from '../../infra/storage/s3-file-store.ts';
import { cleanStaleSpools } from '../../infra/storage/spool.ts';
import { removeIfUnrecorded, unrecordedOf } from './orphans.ts';
import { rescueStagedCopy } from './rescue-spools.ts';

export const DEFAULT_ORPHAN_GRACE_MS = 3600_000;

export interface S3Reconciled {
  /** Spool files (local, under the store's tmpDir) of uploads a dead process left. */
  staleSpools: number;
  /** Recorded objects that were gone, put back from such a spool (decision 0031). */
  rescued: number;
  /** Objects listed (content addresses or not). */
  listed: number;
  /** Unrecorded objects removed. */
  orphans: number;
  /** Unrecorded objects kept because they are younger than the grace age. */
  young: number;
  /** The sweep stopped early because the process is shutting down. */
  stopped: boolean;
}

export class SweepIncomplete extends Error {
  constructor(
    readonly partial: S3Reconciled,
    cause: unknown,
  ) {
    super(
      `evidence bucket sweep stopped after ${partial.listed} objects (${partial.orphans} orphans removed): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    (this as { cause?: unknown }).cause = cause;
  }
}

export interface S3SweepOptions {
  /** Real time (the caller's clock, docs/decisions/0016) that object ages are measured against. */
  realNow: Date;
  /** Objects younger than this are kept even when unrecorded. */
  graceMs?: number;
  /** Keys per ListObjectsV2 page (≤ 1000). */
  pageSize?: number;
  /** Checked before each page and each removal: shutdown does not wait for a big bucket. */
  shouldStop?: () => boolean;
}

export async function reconcileS3Store(db: Db, store: S3FileStore, options: S3SweepOptions): Promise<S3Reconciled> {
  const graceMs = options.graceMs ?? DEFAULT_ORPHAN_GRACE_MS;
  const shouldStop = options.shouldStop ?? (() => false);
  const now = options.realNow.getTime();
  let rescued = 0;
  const staleSpools = await cleanStaleSpools(store.tmpDir, Date.now(), async (file) => {
    if (await rescueStagedCopy(db, store, file)) rescued++;
  });
  const result: S3Reconciled = {
    staleSpools,
    rescued,
    listed: 0,
    orphans: 0,
    young: 0,
    stopped: false,
  };
  const pages = store.listObjects({ pageSize: options.pageSize });
  try {
    while (!(result.stopped = shouldStop())) {
      const next = await pages.next();
      if (next.done) break;
      const page = next.value;
      result.listed += page.listed;
      const age = new Map(page.content.map((o) => [o.sha256, now - o.lastModified.getTime()]));
      for (const sha of await unrecordedOf(db, [...age.keys()])) {
        if (age.get(sha)! < graceMs) result.young++;
        else if ((result.stopped = shouldStop())) break;
        else if (await removeIfUnrecorded(db, store, sha)) result.orphans++;
      }
      if (result.stopped) break;
    }
  } catch (err) {
    throw new SweepIncomplete(result, err);
  } finally {
    await pages.return(undefined);
  }
  return result;
}
