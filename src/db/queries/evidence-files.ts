// The stored files behind evidence documents (stored_files: one row per distinct content, addressed by its
// SHA-256) and the per-file lock that serialises the changes touching one of them.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { storedFiles } from '../schema/evidence.ts';
import { rowsOf } from './assessments.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

const STORED_FILE_LOCK = LOCK_CLASS.storedFile;

/**
 * The per-file lock, exclusive: taken by whoever may remove a stored file (a delete removing the last
 * reference, the start-up cleanup removing an orphan, a failed upload taking back bytes it placed), for the
 * rest of the transaction — it waits for every upload of that content in flight, so bytes an upload has
 * just decided to reuse are never removed under it.
 */
export async function lockStoredFile(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STORED_FILE_LOCK}, hashtext(${sha256}))`);
}

/**
 * The same lock, shared: taken by an upload adding a reference. Uploads of identical content (a provincial
 * document every unit attaches on deadline day) then run side by side instead of one after another; they
 * only add, and each remover waits for all of them.
 */
export async function lockStoredFileShared(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${STORED_FILE_LOCK}, hashtext(${sha256}))`);
}

/**
 * Records the file once: identical content uploaded again is shared (the conflict is not an error). Answers
 * the stored file's size and type — the row just inserted, or the one recorded before — so the upload's
 * answer needs no read after it.
 */
export async function insertStoredFileOnce(
  tx: Db,
  values: { sha256: string; size: number; mimeType: string },
): Promise<{ size: number; mimeType: string }> {
  const [row] = rowsOf<{ size: string | number; mime_type: string }>(
    await tx.execute(sql`with added as (
        insert into stored_files (sha256, size, mime_type) values (${values.sha256}, ${values.size}, ${values.mimeType})
        on conflict do nothing returning size, mime_type)
      select size, mime_type from added
      union all
      select size, mime_type from stored_files where sha256 = ${values.sha256} and not exists (select 1 from added)`),
  );
  if (row) return { size: Number(row.size), mimeType: row.mime_type };
  // Another upload of the same content inserted the row and committed while this statement waited for it:
  // the conflict saw it, this statement's snapshot (taken before) did not — a new statement does.
  const [committed] = await tx
    .select({ size: storedFiles.size, mimeType: storedFiles.mimeType })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, values.sha256));
  if (!committed) throw new Error(`stored file ${values.sha256}: neither inserted nor found`);
  return committed;
}

export async function deleteStoredFile(tx: Db, sha256: string): Promise<void> {
  await tx.delete(storedFiles).where(eq(storedFiles.sha256, sha256));
}

/** Whether a row names the file (checked again under the file lock before its bytes go). */
export async function storedFileExists(tx: Db, sha256: string): Promise<boolean> {
  const [row] = await tx
    .select({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256))
    .limit(1);
  return row !== undefined;
}

/** Those of `sha256s` that a row names (the start-up cleanup reads its candidates in batches). */
export async function knownStoredFiles(db: Db, sha256s: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .select({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(inArray(storedFiles.sha256, [...sha256s]));
  return new Set(rows.map((r) => r.sha256));
}

/** Rows naming the file: the start-up cleanup's re-check under the file lock. */
export async function countStoredFileRows(tx: Db, sha256: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from stored_files where sha256 = ${sha256}`),
  );
  return Number(row?.n ?? 0);
}
