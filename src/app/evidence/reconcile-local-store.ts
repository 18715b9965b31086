// Start-up repair of the local evidence store after a crash. An upload places its bytes under their
// content address *inside* the transaction that records them; a process killed between the two leaves a
// file no stored_files row names (an orphan), removed here under that file's lock after re-checking the row
// is absent (orphans.ts) — so a sibling process's upload in flight is never touched. No grace age is needed:
// only processes of this installation write the directory, and each holds the lock around its placement.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { SHA256_HEX } from '../../infra/storage/file-store.ts';
import type { LocalFileStore } from '../../infra/storage/local-file-store.ts';
import { cleanStaleSpools } from '../../infra/storage/spool.ts';
import { ORPHAN_BATCH, removeIfUnrecorded, unrecordedOf } from './orphans.ts';

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
  for (let i = 0; i < shas.length; i += ORPHAN_BATCH) {
    for (const sha of await unrecordedOf(db, shas.slice(i, i + ORPHAN_BATCH))) {
      if (await removeIfUnrecorded(db, store, sha)) orphans++;
    }
  }
  return { staleSpools, orphans };
}
