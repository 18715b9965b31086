// Documents a unit brings during appraisal (a reply to a request, a supplement, an objection): they must be
// of the unit's own library, and a reply's or a supplement's documents are also linked to the item, so they
// count as its evidence (and can no longer be deleted from the library).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { evidenceDocuments, itemEvidence } from '../schema/evidence.ts';

/**
 * Which of these documents belong to the unit's library, key-share locked until the transaction ends, as an
 * item save locks the documents it cites: a deletion committing first leaves them out (the caller's clear
 * refusal, not a foreign-key error at the link); one coming after waits, then finds them cited. Called before
 * the unit's audit chain lock, the order of the save and of the deletion (delete-evidence.ts).
 */
export async function libraryDocumentIds(db: Db, unitId: string, ids: readonly string[]): Promise<string[]> {
  const found = await db
    .select({ id: evidenceDocuments.id })
    .from(evidenceDocuments)
    .where(and(inArray(evidenceDocuments.id, [...ids]), eq(evidenceDocuments.unitId, unitId)))
    .for('key share');
  return found.map((r) => r.id);
}

/** Link documents to one item; links already there stay as they are. */
export async function linkItemEvidence(
  db: Db,
  assessmentId: string,
  code: string,
  evidenceIds: readonly string[],
): Promise<void> {
  await db
    .insert(itemEvidence)
    .values(evidenceIds.map((evidenceId) => ({ assessmentId, code, evidenceId })))
    .onConflictDoNothing();
}
