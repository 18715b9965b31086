// Removes a document from a unit's library — only while no assessment item cites it (the submitted record
// must keep its evidence). When it was the last document pointing at its file, the file goes too.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { countDocumentsWithFile, usedByOf } from '../../db/queries/evidence.ts';
import { deleteStoredFile, lockStoredFile, storedFileExists } from '../../db/queries/evidence-files.ts';
import { deleteEvidenceDocument, lockEvidenceDocument } from '../../db/queries/evidence-writes.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import { loadEvidence } from './load-evidence.ts';

export async function deleteEvidence(
  db: Db,
  {
    store,
    who,
    id,
    reason,
  }: {
    store: FileStore;
    who: { actor: ScopedActor; audit: AuditActor };
    id: string;
    /** Why, when the system takes back a document (upload-evidence.ts); a person's deletion gives none. */
    reason?: string;
  },
): Promise<void> {
  const removedSha = await db.transaction(async (tx) => {
    const { evidence } = await loadEvidence(tx, { actor: who.actor, id, need: 'manage' });
    const doc = evidence.doc;
    // Before the citations are counted: a save citing it meanwhile either committed (counted) or waits.
    await lockEvidenceDocument(tx, id);
    if (doc.sha256) await lockStoredFile(tx, doc.sha256);
    const usedBy = (await usedByOf(tx, [id])).get(id) ?? [];
    if (usedBy.length > 0) {
      throw new OperationError(
        'EVIDENCE_IN_USE',
        'Tài liệu đang được dùng làm minh chứng cho chỉ số trong phiếu đánh giá; hãy gỡ khỏi các chỉ số trước khi xoá.',
        { usedBy },
      );
    }
    await deleteEvidenceDocument(tx, id);
    let fileRemoved = false;
    if (doc.sha256 && (await countDocumentsWithFile(tx, doc.sha256)) === 0) {
      await deleteStoredFile(tx, doc.sha256);
      fileRemoved = true;
    }
    await writeAudit(tx, who.audit, {
      action: 'evidence.delete',
      objectType: 'evidence',
      objectId: id,
      unitId: doc.unitId,
      before: doc,
      after: { fileRemoved },
      reason: reason ?? null,
    });
    return fileRemoved ? doc.sha256! : null;
  });
  // The file goes only after the rows are committed: a crash in between leaves an unrecorded file (removed
  // by the start-up cleanup), never a recorded document without its file. Under the per-file lock, and
  // only if no upload of the same content has recorded it again in the meantime.
  if (removedSha) {
    await db.transaction(async (tx) => {
      await lockStoredFile(tx, removedSha);
      if (!(await storedFileExists(tx, removedSha))) await store.delete(removedSha);
    });
  }
}
