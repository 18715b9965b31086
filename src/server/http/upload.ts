// Reads one small uploaded file (imports: tables, index sets) into memory with a size cap. Evidence
// files never come through here: they are streamed to the file store.
import type { FastifyRequest } from 'fastify';
import { OperationError } from '../../app/errors.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes = IMPORT_MAX_BYTES,
): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw new OperationError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data, trường "file".');
  }
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new OperationError('VALIDATION_FAILED', 'Chưa chọn tệp để tải lên.');
  try {
    const data = await file.toBuffer();
    return { filename: file.filename, data };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new OperationError('FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    throw err;
  }
}
