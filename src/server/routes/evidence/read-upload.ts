// Reads an evidence upload: the text fields (any order) and the one `file` part, which is streamed
// straight into the store's staging area — never buffered. Whatever goes wrong (too large, client gone,
// malformed body), the staged bytes are discarded before the error propagates.
import type { FastifyRequest } from 'fastify';
import { OperationError } from '../../../app/errors.ts';
import type { FileStore, StagedFile } from '../../../infra/storage/file-store.ts';
import { fileTooLarge } from '../../../infra/storage/storage-errors.ts';

export interface EvidenceUpload {
  staged: StagedFile;
  fileName: string;
  fields: Record<string, string>;
}

/** Room for the multipart framing and the text fields around the file. */
const ENVELOPE_BYTES = 1024 * 1024;

export async function readEvidenceUpload(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<EvidenceUpload> {
  if (!request.isMultipart()) {
    throw new OperationError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data, trường "file".');
  }
  // A declared length far over the limit is refused before a byte is stored (the client stops early).
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw fileTooLarge(maxBytes);

  const fields: Record<string, string> = {};
  let staged: StagedFile | undefined;
  let fileName = '';
  try {
    const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume(); // an unexpected file field: drain it, keep nothing
        continue;
      }
      staged = await store.stage(part.file, { maxBytes });
      // busboy stops at the limit and ends the stream normally: the flag is the only sign.
      if (part.file.truncated) throw fileTooLarge(maxBytes);
      fileName = part.filename;
    }
  } catch (err) {
    await staged?.discard();
    throw mapMultipartError(err, maxBytes);
  }
  if (!staged) throw new OperationError('VALIDATION_FAILED', 'Chưa chọn tệp để tải lên (trường "file").');
  return { staged, fileName, fields };
}

function mapMultipartError(err: unknown, maxBytes: number): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return new OperationError('VALIDATION_FAILED', 'Mỗi lần chỉ tải lên một tệp.');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new OperationError('VALIDATION_FAILED', 'Biểu mẫu tải lên có quá nhiều trường.');
  }
  return err;
}
