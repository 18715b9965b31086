// Serialises changes that touch one stored file (an upload adding a reference, a delete removing the
// last one) so a delete never removes bytes an upload has just decided to reuse.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

const STORED_FILE_LOCK = 727_002;

export async function lockStoredFile(tx: Db, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STORED_FILE_LOCK}, hashtext(${sha256}))`);
}
