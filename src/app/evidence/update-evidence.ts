// Edits a document's metadata (and a link's URL, a file's display name). The bytes never change: new
// content is a new upload.
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { updateEvidenceDocument } from '../../db/queries/evidence-writes.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import { type EvidenceMeta, sanitizeFileName } from './evidence-input.ts';
import { loadEvidence } from './load-evidence.ts';

export type EvidencePatch = Partial<EvidenceMeta> & { url?: string; fileName?: string };

export async function updateEvidence(
  db: Db,
  { who, id, patch }: { who: { actor: ScopedActor; audit: AuditActor }; id: string; patch: EvidencePatch },
) {
  return db.transaction(async (tx) => {
    const { evidence } = await loadEvidence(tx, { actor: who.actor, id, need: 'manage' });
    const before = evidence.doc;
    if (patch.url !== undefined && !before.url) {
      throw new OperationError('VALIDATION_FAILED', 'Tài liệu này là tệp, không phải đường dẫn: không sửa được URL.');
    }
    if (patch.fileName !== undefined && !before.sha256) {
      throw new OperationError('VALIDATION_FAILED', 'Tài liệu này là đường dẫn, không có tên tệp.');
    }
    const after = await updateEvidenceDocument(tx, id, {
      ...(patch.docNumber !== undefined ? { docNumber: patch.docNumber } : {}),
      ...(patch.docDate !== undefined ? { docDate: patch.docDate } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.fileName !== undefined ? { fileName: sanitizeFileName(patch.fileName) } : {}),
    });
    await writeAudit(tx, who.audit, {
      action: 'evidence.update',
      objectType: 'evidence',
      objectId: id,
      unitId: before.unitId,
      before,
      after,
    });
    return after;
  });
}
