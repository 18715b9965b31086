// Adds an uploaded file to a unit's library. The bytes are already staged (hashed, counted, sniffed);
// here, in one transaction: place them under their content address (once — identical content is shared),
// record the stored file and the document, and audit. Uploading the same bytes again makes a second
// document (its own số hiệu, trích yếu…) pointing at the one stored file.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertStoredFileOnce, lockStoredFile } from '../../db/queries/evidence-files.ts';
import { insertEvidenceDocument } from '../../db/queries/evidence-writes.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { FileStore, StagedFile } from '../../infra/storage/file-store.ts';
import type { EvidenceMeta } from './evidence-input.ts';

export interface UploadInput {
  unitId: string;
  staged: StagedFile;
  mimeType: string;
  fileName: string;
  meta: EvidenceMeta;
}

export async function uploadEvidence(
  db: Db,
  {
    store,
    who,
    input,
  }: { store: FileStore; who: { actor: ScopedActor; audit: AuditActor; userId: string }; input: UploadInput },
) {
  const { staged } = input;
  return db.transaction(async (tx) => {
    await lockStoredFile(tx, staged.sha256);
    const { created } = await staged.commit();
    try {
      await insertStoredFileOnce(tx, { sha256: staged.sha256, size: staged.size, mimeType: input.mimeType });
      const doc = await insertEvidenceDocument(tx, {
        unitId: input.unitId,
        sha256: staged.sha256,
        fileName: input.fileName,
        docNumber: input.meta.docNumber ?? null,
        docDate: input.meta.docDate ?? null,
        summary: input.meta.summary ?? null,
        issuer: input.meta.issuer ?? null,
        uploadedBy: who.userId,
      });
      await writeAudit(tx, who.audit, {
        action: 'evidence.upload',
        objectType: 'evidence',
        objectId: doc.id,
        unitId: input.unitId,
        after: { ...doc, size: staged.size, mimeType: input.mimeType, newFile: created },
      });
      return doc;
    } catch (err) {
      // Still under the file lock: nothing else can have started referencing bytes we just placed.
      if (created) await store.delete(staged.sha256).catch(() => {});
      throw err;
    }
  });
}
