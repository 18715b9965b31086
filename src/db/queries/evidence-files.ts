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
 * rest of the transaction. An upload's record takes it shared, in its one statement (evidence-upload.ts):
 * a remover waits for the uploads recording that content, and finds their rows.
 */
export async function lockStoredFile(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STORED_FILE_LOCK}, hashtext(${sha256}))`);
}

/** The stored file's size and type, as recorded; null when no row names the content. */
export async function storedFileOf(tx: Db, sha256: string): Promise<{ size: number; mimeType: string } | null> {
  const [row] = await tx
    .select({ size: storedFiles.size, mimeType: storedFiles.mimeType })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256));
  return row ?? null;
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
