// The orphan check shared by the start-up sweeps of both evidence stores (reconcile-local-store.ts,
// reconcile-s3-store.ts). An orphan is stored content no stored_files row names: bytes placed by an upload
// whose transaction then rolled back, or whose process was killed before it committed. Candidates are
// looked up in batches; each one found unrecorded is removed only while holding its stored-file advisory
// lock and after re-checking that no row names it — the lock an upload holds from placing the bytes to its
// commit, and a delete from removing the last reference — so an upload in flight is never touched.
import type { Db } from '../../db/client.ts';
import { countStoredFileRows, knownStoredFiles, lockStoredFile } from '../../db/queries/evidence-files.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';

/** Lookups per query: well under any bound-parameter limit. */
export const ORPHAN_BATCH = 1000;

/** Those of `sha256s` (at most ORPHAN_BATCH) that no stored_files row names, in their order. */
export async function unrecordedOf(db: Db, sha256s: readonly string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const known = await knownStoredFiles(db, sha256s);
  return sha256s.filter((s) => !known.has(s));
}

/** Removes the content if, under its lock, still no row names it; true when it was removed. */
export function removeIfUnrecorded(db: Db, store: Pick<FileStore, 'delete'>, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockStoredFile(tx, sha256);
    if ((await countStoredFileRows(tx, sha256)) > 0) return false;
    await store.delete(sha256);
    return true;
  });
}
