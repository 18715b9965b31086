// The start-up repair's last look at an upload's staged copy before it goes (decision 0031). An upload places
// its bytes, then records them without holding the file's lock in between; when a remover of the same content
// took the bytes in that gap, the upload that inserted the stored file's row puts them back from its staged
// copy after its record commits. Killed between the two, it leaves a row naming bytes that are gone — and the
// staged copy in the temp directory, which holds them. This puts them back from it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../../db/client.ts';
import { knownStoredFiles } from '../../db/queries/evidence-files.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';

/** Stores the staged file's bytes when a row names them and the store lacks them; true when it did. */
export async function rescueStagedCopy(db: Db, store: Pick<FileStore, 'has' | 'put'>, file: string): Promise<boolean> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  if (await store.has(sha256)) return false;
  // A copy cut short by the crash hashes to content nobody recorded: it just goes.
  if (!(await knownStoredFiles(db, [sha256])).has(sha256)) return false;
  const stored = await store.put(createReadStream(file));
  return stored.sha256 === sha256;
}
