// GET /evidence/{id}/download (attachment) and /preview (inline, PDF/JPG/PNG only). Permission is
// checked on every request (no signed links); the bytes stream from the store with HTTP Range support.
// Preview runs under `Content-Security-Policy: sandbox` and nosniff so a crafted file cannot script the app.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { evidenceFileName } from '../../../app/evidence/evidence-input.ts';
import { loadEvidence } from '../../../app/evidence/load-evidence.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import type { FileStore } from '../../../infra/storage/file-store.ts';
import { PREVIEWABLE } from '../../../infra/storage/sniff.ts';
import { contentDisposition, parseRange } from './content-disposition.ts';
import { EVIDENCE_READER } from '../../http/route-access.ts';

export function registerDownloadEvidence(app: App, deps: ServerDeps, store: FileStore) {
  const serve =
    (kind: 'attachment' | 'inline') =>
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const who = whoIs(request);
      const { evidence } = await loadEvidence(deps.db, { actor: who.actor, id: request.params.id, need: 'read' });
      const { doc, size, mimeType } = evidence;
      if (!doc.sha256 || size === null || !mimeType) throw notFound('Tài liệu này là đường dẫn, không có tệp để tải.');
      if (kind === 'inline' && !PREVIEWABLE.has(mimeType)) {
        throw new OperationError(
          'UNSUPPORTED_FILE',
          'Chỉ xem trước được tệp PDF và ảnh JPG/PNG; hãy tải tệp này xuống để xem.',
        );
      }
      const etag = `"${doc.sha256}"`;
      reply
        .header('content-type', mimeType)
        .header('content-disposition', contentDisposition(kind, downloadName(doc.fileName, mimeType)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('etag', etag)
        .header('accept-ranges', 'bytes');
      if (kind === 'inline')
        reply.header(
          'content-security-policy',
          "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        );
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      const range = parseRange(request.headers.range, size);
      if (range === null) return reply.status(416).header('content-range', `bytes */${size}`).send();
      const stream = await store.get(doc.sha256, range);
      if (!stream) {
        request.log.error({ sha256: doc.sha256, evidenceId: doc.id }, 'evidence file missing from the store');
        throw notFound('Không tìm thấy tệp trong kho lưu trữ. Vui lòng báo quản trị viên.');
      }
      if (range) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .header('content-length', range.end - range.start + 1);
      } else {
        reply.header('content-length', size);
      }
      return reply.send(stream);
    };

  const schema = (summary: string) => ({
    config: { access: EVIDENCE_READER },
    schema: { tags: ['evidence'], summary, params: idParams },
  });
  app.get('/evidence/:id/download', schema('Tải xuống tệp tài liệu kiểm chứng'), serve('attachment'));
  app.get('/evidence/:id/preview', schema('Xem trước tệp PDF/ảnh (hiển thị trong trình duyệt)'), serve('inline'));
}

/** The stored name made safe again (files uploaded before names were cleaned and typed at upload):
 *  no bidirectional or control characters, ending with the extension of the detected type. */
function downloadName(fileName: string | null, mimeType: string): string {
  return evidenceFileName(fileName, mimeType);
}
