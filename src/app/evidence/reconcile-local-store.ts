// Start-up repair of the local evidence store after a crash. An upload places its bytes under their
// content address *inside* the transaction that records them; a process killed between the two leaves a
// file no stored_files row names (an orphan). Each candidate is removed only while holding that file's
// advisory lock and after re-checking the row is absent — the same lock an upload holds from placing the
// bytes to its commit — so a sibling process's upload in flight is never touched.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { countStoredFileRows, knownStoredFiles, lockStoredFile } from '../../db/queries/evidence-files.ts';
import { SHA256_HEX } from '../../infra/storage/file-store.ts';
import type { LocalFileStore } from '../../infra/storage/local-file-store.ts';
import { cleanStaleSpools } from '../../infra/storage/spool.ts';

export interface Reconciled {
  staleSpools: number;
  orphans: number;
}

export async function reconcileLocalStore(db: Db, store: LocalFileStore): Promise<Reconciled> {
  const staleSpools = await cleanStaleSpools(store.tmpDir);
  const entries = await fs.readdir(store.root, { withFileTypes: true, recursive: true }).catch(() => []);
  const shas = entries
    .filter(
      (e) =>
        e.isFile() && SHA256_HEX.test(e.name) && !path.join(e.parentPath, e.name).startsWith(store.tmpDir + path.sep),
    )
    .map((e) => e.name);
  let orphans = 0;
  for (let i = 0; i < shas.length; i += 1000) {
    const batch = shas.slice(i, i + 1000);
    const known = await knownStoredFiles(db, batch);
    for (const sha of batch.filter((s) => !known.has(s))) {
      const removed = await db.transaction(async (tx) => {
        await lockStoredFile(tx, sha);
        if ((await countStoredFileRows(tx, sha)) > 0) return false;
        await store.delete(sha);
        return true;
      });
      if (removed) orphans++;
    }
  }
  return { staleSpools, orphans };
}
