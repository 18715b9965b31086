// Adds a URL (a document published on a portal, a shared folder) to a unit's library instead of a file.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { evidenceDocuments } from '../../db/schema/evidence.ts';
import type { EvidenceMeta } from './evidence-input.ts';
import { loadEvidenceUnit } from './load-evidence.ts';

export async function createEvidenceLink(
  db: Db,
  who: { actor: ScopedActor; audit: AuditActor; userId: string },
  unitId: string,
  input: EvidenceMeta & { url: string },
) {
  return db.transaction(async (tx) => {
    await loadEvidenceUnit(tx, who.actor, unitId, 'manage');
    const [doc] = await tx
      .insert(evidenceDocuments)
      .values({
        unitId,
        url: input.url,
        docNumber: input.docNumber ?? null,
        docDate: input.docDate ?? null,
        summary: input.summary ?? null,
        issuer: input.issuer ?? null,
        uploadedBy: who.userId,
      })
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'evidence.link',
      objectType: 'evidence',
      objectId: doc!.id,
      unitId,
      after: doc,
    });
    return doc!;
  });
}
