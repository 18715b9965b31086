// POST /units/{unitId}/evidence — multipart upload into the unit's library. Permission is checked before
// the body is read; the content type comes from the bytes (sniffing), never from the name or header;
// files carrying macros or programs are refused; the kept name ends with the detected type's extension.
import { uploadEvidence } from '../../../app/evidence/upload-evidence.ts';
import { evidenceFileName, evidenceMetaSchema } from '../../../app/evidence/evidence-input.ts';
import { evidenceUnitOf, evidenceUnitReadWithSession } from '../../../app/evidence/load-evidence.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { activeContentReason } from '../../../infra/storage/active-content.ts';
import type { FileStore } from '../../../infra/storage/file-store.ts';
import { sniffContentType } from '../../../infra/storage/sniff.ts';
import { readEvidenceUpload } from './read-upload.ts';
import { newEvidenceView } from './respond.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { evidenceSchema, unitParams } from '../../../contract/evidence.ts';
import { UNIT_STAFF } from '../../http/route-access.ts';

export function registerUploadEvidence(app: App, deps: ServerDeps, store: FileStore) {
  app.post(
    '/units/:unitId/evidence',
    {
      config: {
        access: UNIT_STAFF,
        // The unit's read rides with the session's (decision 0026).
        readWithSession: (request) => evidenceUnitReadWithSession(request.params as { unitId: string }),
      },
      schema: {
        tags: ['evidence'],
        summary: 'Tải lên tài liệu kiểm chứng (multipart: file, docNumber, docDate, summary, issuer)',
        params: unitParams,
        consumes: ['multipart/form-data'],
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const unit = await evidenceUnitOf(deps.db, {
        actor: who.actor,
        unitId: request.params.unitId,
        need: 'manage',
        made: request.readWithSession,
      });
      const maxBytes = deps.config.evidenceMaxBytes;
      const upload = await readEvidenceUpload(request, store, maxBytes);
      try {
        if (upload.staged.size === 0)
          throw new OperationError('EMPTY_FILE', 'Tệp tải lên không có nội dung (0 byte). Hãy chọn lại tệp.');
        const detected = await sniffContentType(upload.staged.bytes);
        if (!detected) {
          throw new OperationError(
            'UNSUPPORTED_FILE',
            'Loại tệp không được chấp nhận. Chỉ nhận PDF, Word (DOC/DOCX), Excel (XLS/XLSX), PowerPoint (PPTX), ODT/ODS/ODP, ảnh JPG/PNG hoặc tệp nén ZIP — xác định theo nội dung tệp, không theo tên.',
          );
        }
        const active = await activeContentReason(upload.staged.bytes, detected.mimeType);
        if (active) throw new OperationError('UNSUPPORTED_FILE', active);
        const meta = evidenceMetaSchema.safeParse(upload.fields);
        if (!meta.success) {
          const issues = meta.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          throw new OperationError(
            'VALIDATION_FAILED',
            `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}`,
            { issues },
          );
        }
        const evidence = await uploadEvidence(deps.db, {
          store,
          who: { ...who, fullName: requireAuth(request).user.fullName },
          input: {
            unitId: unit.id,
            staged: upload.staged,
            mimeType: detected.mimeType,
            fileName: evidenceFileName(upload.fileName, detected.mimeType),
            meta: meta.data,
          },
        });
        await upload.staged.discard(); // the staged copy (kept for ensureStored) gone before the answer
        return reply.status(201).send(newEvidenceView(who.actor, unit, evidence));
      } finally {
        await upload.staged.discard();
      }
    },
  );
}
