// Start-up repair of the local evidence store after a crash. An upload places its bytes under their
// content address, then records them in one statement (decision 0031); a process killed between the two
// leaves a file no stored_files row names (an orphan), removed here under that file's lock after re-checking
// the row is absent (orphans.ts). A sibling process's upload in flight may have placed such a file a moment
// ago: removing it is safe, as against any remover — that upload then inserts the stored file's row and puts
// the bytes back from its staged copy before answering. The staged copies a dead process left go, each first
// giving back recorded bytes that are gone (rescue-spools.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { SHA256_HEX } from '../../infra/storage/file-store.ts';
import type { LocalFileStore } from '../../infra/storage/local-file-store.ts';
import { cleanStaleSpools } from '../../infra/storage/spool.ts';
import { ORPHAN_BATCH, removeIfUnrecorded, unrecordedOf } from './orphans.ts';
import { rescueStagedCopy } from './rescue-spools.ts';

export interface Reconciled {
  staleSpools: number;
  /** Recorded bytes that were gone, put back from a dead process's staged copy. */
  rescued: number;
  orphans: number;
}

export async function reconcileLocalStore(db: Db, store: LocalFileStore): Promise<Reconciled> {
  let rescued = 0;
  const staleSpools = await cleanStaleSpools(store.tmpDir, Date.now(), async (file) => {
    if (await rescueStagedCopy(db, store, file)) rescued++;
  });
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
  return { staleSpools, rescued, orphans };
}
