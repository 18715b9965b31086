// How an import route reads its file: the upload (≤ 20 MB, in memory), then the reader of the given
// kind in the worker pool under the configured limits. A route calls this only after it has decided
// that the caller may import there: a refused caller's file is never read. What the pool cannot do
// becomes one clear answer: busy (503), out of memory or time (413), a crashed reader (415).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SpreadsheetRefusal } from '../../exchange/spreadsheet/limits.ts';
import type { AppConfig } from '../../infra/config.ts';
import { OperationError } from '../../app/errors.ts';
import type { ServerDeps } from '../http/route-types.ts';
import { readUploadedFile } from '../http/upload.ts';
import type { ParseJobKind, ParseJobResult } from '../../infra/imports/parse-jobs.ts';
import { ParseAborted, ParsePool, ParsePoolBusy } from '../../infra/imports/parse-pool.ts';

/** Files waiting per thread beyond the one being read; each holds its upload (≤ 20 MB) meanwhile. */
const QUEUE_PER_WORKER = 4;
const TIMEOUT_SECONDS = 120;

/** The pool of a server; outside tests one thread is kept warm (started when the server is ready). */
export function createParsePool(config: AppConfig): ParsePool {
  const { workers, workerMemoryMb } = config.imports;
  return new ParsePool({
    workers,
    maxQueue: workers * QUEUE_PER_WORKER,
    heapMb: workerMemoryMb,
    timeoutMs: TIMEOUT_SECONDS * 1000,
    idleMs: 60_000,
    warmWorkers: config.env === 'test' ? 0 : 1,
  });
}

export async function readSpreadsheetUpload<K extends ParseJobKind>(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: K,
): Promise<{ filename: string; result: ParseJobResult<K> }> {
  const { filename, data } = await readUploadedFile(request);
  return { filename, result: await parseSpreadsheet(deps, reply, kind, data) };
}

/** The reader of the given kind run on bytes already received, in the pool, under the limits. */
export async function parseSpreadsheet<K extends ParseJobKind>(
  deps: ServerDeps,
  reply: FastifyReply,
  kind: K,
  data: Buffer,
): Promise<ParseJobResult<K>> {
  try {
    return await deps.parsePool!.run(kind, data, deps.config.imports.limits);
  } catch (err) {
    if (err instanceof ParsePoolBusy) {
      reply.header('retry-after', '30');
      throw new OperationError(
        'SERVER_BUSY',
        'Máy chủ đang đọc nhiều tệp nhập khác cùng lúc; vui lòng thử lại sau ít phút.',
      );
    }
    if (err instanceof ParseAborted) {
      if (err.reason === 'memory') {
        throw new OperationError(
          'FILE_TOO_LARGE',
          `Bảng tính cần quá nhiều bộ nhớ để đọc (giới hạn ${deps.config.imports.workerMemoryMb} MB cho một tệp). Hãy bỏ dữ liệu không cần thiết hoặc chia nhỏ tệp.`,
        );
      }
      if (err.reason === 'timeout') {
        throw new OperationError(
          'FILE_TOO_LARGE',
          `Bảng tính quá lớn để đọc trong ${TIMEOUT_SECONDS} giây (giới hạn của hệ thống). Hãy chia nhỏ tệp.`,
        );
      }
      throw new OperationError(
        'UNSUPPORTED_FILE',
        'Tệp không đọc được như một bảng tính. Hãy mở trong Excel và lưu lại dạng .xlsx.',
      );
    }
    throw err;
  }
}

/** A table reader's refusal as the API's answer: too large 413, not a spreadsheet 415. */
export function tableRefused(refusal: SpreadsheetRefusal): OperationError {
  return new OperationError(refusal.tooLarge ? 'FILE_TOO_LARGE' : 'UNSUPPORTED_FILE', refusal.message);
}
