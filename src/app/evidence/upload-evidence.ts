// Adds an uploaded file to a unit's library. The bytes are already staged (hashed, counted, sniffed);
// here, in one transaction: take the file's lock, place the bytes under their content address (once —
// identical content is shared), then record the stored file, the document and the audit entry in one
// statement (decision 0030). Uploading the same bytes again makes a second document (its own số hiệu,
// trích yếu…) pointing at the one stored file.
// Uploads hold the file's lock shared (uploads of the same content do not wait for each other); so when
// one fails after placing the bytes, another may be about to record them: the bytes are taken back only
// afterwards, under the exclusive lock, if no row names them (removeIfUnrecorded, as the start-up cleanup).
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { lockStoredFileShared } from '../../db/queries/evidence-files.ts';
import { recordEvidenceUpload } from '../../db/queries/evidence-upload.ts';
import type { EvidenceWithFile } from '../../db/queries/evidence.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { FileStore, StagedFile } from '../../infra/storage/file-store.ts';
import type { EvidenceMeta } from './evidence-input.ts';
import { removeIfUnrecorded } from './orphans.ts';

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
  }: {
    store: FileStore;
    who: { actor: ScopedActor; audit: AuditActor; userId: string; fullName: string };
    input: UploadInput;
  },
): Promise<EvidenceWithFile> {
  const { staged } = input;
  let placed = false;
  try {
    return await db.transaction(async (tx) => {
      await lockStoredFileShared(tx, staged.sha256);
      placed = (await staged.commit()).created;
      // The document as it will be stored, its id and time (once the bytes are in place) given here: the audit
      // entry, hashed in Node, describes it in the same statement that inserts it (appendAuditSql).
      const doc = {
        id: randomUUID(),
        unitId: input.unitId,
        sha256: staged.sha256,
        url: null,
        fileName: input.fileName,
        docNumber: input.meta.docNumber ?? null,
        docDate: input.meta.docDate ?? null,
        summary: input.meta.summary ?? null,
        issuer: input.meta.issuer ?? null,
        uploadedBy: who.userId,
        createdAt: new Date(),
      };
      const file = await recordEvidenceUpload(tx, {
        doc,
        size: staged.size,
        mimeType: input.mimeType,
        actor: who.audit,
        audit: {
          action: 'evidence.upload',
          objectType: 'evidence',
          objectId: doc.id,
          unitId: input.unitId,
          after: { ...doc, size: staged.size, mimeType: input.mimeType, newFile: placed },
        },
      });
      // The document as the library reads it (findEvidence), without reading it back: the file's row as
      // recorded, the uploader's name as the session read it.
      return { doc, size: file.size, mimeType: file.mimeType, uploaderName: who.fullName };
    });
  } catch (err) {
    // Rolled back, our shared lock released: the bytes go only if no upload of the same content recorded them.
    if (placed) await removeIfUnrecorded(db, store, staged.sha256).catch(() => {});
    throw err;
  }
}
