// Adds an uploaded file to a unit's library. The bytes are already staged (hashed, counted, sniffed). They are
// placed under their content address (once — identical content is shared), then one statement takes the
// file's shared lock and records the stored file, the document and the audit entry (decisions 0030, 0031):
// no transaction is held open around the placement, so an upload costs two round trips to the database (the
// session's read and this statement), not five. Uploading the same bytes again makes a second document (its
// own số hiệu, trích yếu…) pointing at the one stored file.
// Without the lock around the placement, a remover of the same content (it removes only bytes no row names,
// under the exclusive lock) may take the bytes between the placement and the record. It then found no row, so
// this statement inserts the stored file's row — and the upload that inserted it puts the bytes back from its
// staged copy before answering (ensureStored). Killed just then, its staged copy is still in the temp
// directory, and the start-up repair puts the bytes back from it (rescue-spools.ts).
// When the record fails after this upload placed the bytes, another may be about to record them: the bytes are
// taken back only under the exclusive lock, if no row names them (removeIfUnrecorded, as the start-up sweep).
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { recordEvidenceUpload } from '../../db/queries/evidence-upload.ts';
import type { EvidenceWithFile } from '../../db/queries/evidence.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { FileStore, StagedFile } from '../../infra/storage/file-store.ts';
import type { EvidenceMeta } from './evidence-input.ts';
import { deleteEvidence } from './delete-evidence.ts';
import { removeIfUnrecorded } from './orphans.ts';

export interface UploadInput {
  unitId: string;
  staged: StagedFile;
  mimeType: string;
  fileName: string;
  meta: EvidenceMeta;
}

/** The audit entry's reason when an upload's document is taken back because its bytes could not be stored. */
const TAKEN_BACK =
  'Tải lên không thành: không lưu lại được tệp vào kho (hết dung lượng hoặc lỗi đĩa), tài liệu được gỡ khỏi thư viện.';

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
  const placed = (await staged.commit()).created;
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
  let file;
  try {
    file = await recordEvidenceUpload(db, {
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
  } catch (err) {
    // Not recorded: the bytes go only if no upload of the same content recorded them.
    if (placed) await removeIfUnrecorded(db, store, staged.sha256).catch(() => {});
    throw err;
  }
  if (file.inserted) {
    try {
      await staged.ensureStored();
    } catch (err) {
      // The bytes a remover took could not be put back (a full disk): a document without its file must not stay
      // in the library, where the unit would count on it. Taken back, with its own audit entry, so the upload
      // fails whole and its error (storage full) says why. Should that fail too, the document stays as it is.
      await deleteEvidence(db, { store, who, id: doc.id, reason: TAKEN_BACK }).catch(() => {});
      throw err;
    }
  }
  // The document as the library reads it (findEvidence), without reading it back: the file's row as recorded,
  // the uploader's name as the session read it.
  return { doc, size: file.size, mimeType: file.mimeType, uploaderName: who.fullName };
}
