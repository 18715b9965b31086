// Writes of evidence documents (a unit's library): a document added (an uploaded file or a link), its
// metadata edited, the document removed. Each returns the row as stored, for the audit entry.
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evidenceDocuments } from '../schema/evidence.ts';
import type { EvidenceRow } from './evidence.ts';

export type NewEvidenceDocument = typeof evidenceDocuments.$inferInsert;

export async function insertEvidenceDocument(tx: Db, values: NewEvidenceDocument): Promise<EvidenceRow> {
  const [doc] = await tx.insert(evidenceDocuments).values(values).returning();
  return doc!;
}

/** The fields present in `set` change; the others keep their value. */
export async function updateEvidenceDocument(
  tx: Db,
  id: string,
  set: Partial<Pick<EvidenceRow, 'docNumber' | 'docDate' | 'summary' | 'issuer' | 'url' | 'fileName'>>,
): Promise<EvidenceRow> {
  const [after] = await tx.update(evidenceDocuments).set(set).where(eq(evidenceDocuments.id, id)).returning();
  return after!;
}

/**
 * Locks the document's row against item saves citing it (theirs is a key-share lock, taken before the
 * unit's audit chain lock — so is this one, as the deletion's audit entry comes last): a save that cited it
 * commits first and the deletion then finds it cited; a save that comes after waits and finds it gone.
 */
export async function lockEvidenceDocument(tx: Db, id: string): Promise<void> {
  await tx
    .select({ id: evidenceDocuments.id })
    .from(evidenceDocuments)
    .where(eq(evidenceDocuments.id, id))
    .for('update');
}

export async function deleteEvidenceDocument(tx: Db, id: string): Promise<void> {
  await tx.delete(evidenceDocuments).where(eq(evidenceDocuments.id, id));
}
