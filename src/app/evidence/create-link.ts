// Adds a URL (a document published on a portal, a shared folder) to a unit's library instead of a file.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertEvidenceDocument } from '../../db/queries/evidence-writes.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { EvidenceMeta } from './evidence-input.ts';
import { loadEvidenceUnit } from './load-evidence.ts';

export async function createEvidenceLink(
  db: Db,
  {
    who,
    unitId,
    input,
  }: {
    who: { actor: ScopedActor; audit: AuditActor; userId: string };
    unitId: string;
    input: EvidenceMeta & { url: string };
  },
) {
  return db.transaction(async (tx) => {
    await loadEvidenceUnit(tx, { actor: who.actor, unitId, need: 'manage' });
    const doc = await insertEvidenceDocument(tx, {
      unitId,
      url: input.url,
      docNumber: input.docNumber ?? null,
      docDate: input.docDate ?? null,
      summary: input.summary ?? null,
      issuer: input.issuer ?? null,
      uploadedBy: who.userId,
    });
    await writeAudit(tx, who.audit, {
      action: 'evidence.link',
      objectType: 'evidence',
      objectId: doc.id,
      unitId,
      after: doc,
    });
    return doc;
  });
}
