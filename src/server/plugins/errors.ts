// Maps every failure to the one error shape. Known errors keep their code; validation failures list
// each issue; unknown errors are logged and answered with a generic 500 (no internals leak).
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, OperationError } from '../../app/errors.ts';
import { errorBody, statusOf } from '../http/errors.ts';

// Zod's own messages (missing field, wrong type) in Vietnamese, like the custom ones in the schemas.
z.config(z.locales.vi());

function isDatabaseDown(err: unknown): boolean {
  // The query builder wraps driver errors ("Failed query: …"): look at the causes too.
  for (
    let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    const code = e.code;
    if (
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === '57P01' ||
      code === '57P02' ||
      code === '57P03' ||
      code === 'ETIMEDOUT'
    )
      return true;
    if (
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/.test(
        String(e.message),
      )
    )
      return true;
  }
  return false;
}

// A full disk under the database: PostgreSQL's disk_full (53100) — which PGlite raises too, its files
// being on the same disk — or the operating system's ENOSPC/EDQUOT. The write was refused whole (the
// transaction rolled back), so the answer says nothing was saved, not "internal error".
function isDiskFull(err: unknown): boolean {
  for (
    let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '53100' || e.code === 'ENOSPC' || e.code === 'EDQUOT') return true;
    if (/No space left on device|Disk quota exceeded/i.test(String(e.message))) return true;
  }
  return false;
}

// Two simultaneous writes can both pass an operation's "is this code free?" check; the database's unique
// constraint then stops the second. That is the same conflict as the checked case, not a server error.
const UNIQUE_CONFLICTS: Record<string, { code: ErrorCode; message: string }> = {
  org_units_code_unique: { code: 'UNIT_CODE_TAKEN', message: 'Mã đơn vị đã được sử dụng.' },
  unit_groups_code_unique: { code: 'GROUP_CODE_TAKEN', message: 'Mã nhóm đã được sử dụng.' },
  users_username_unique: { code: 'USERNAME_TAKEN', message: 'Tên đăng nhập đã được sử dụng.' },
  role_assignments_unique: { code: 'ROLE_ALREADY_ASSIGNED', message: 'Tài khoản đã có vai trò này trên đơn vị này.' },
};

/** The unique constraint a database error (possibly wrapped by the query builder) violated, if any. */
function violatedUniqueConstraint(err: unknown): string | null {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '23505') return e.constraint ?? null;
  }
  return null;
}

/**
 * Text PostgreSQL refuses to store: a NUL (22021 "invalid byte sequence", 22P05 "unsupported Unicode
 * escape sequence" in jsonb). The NUL guard refuses JSON and query strings first; this catches text that
 * arrives another way (an uploaded file's name or cells), so it is the same 400, never a 500.
 */
function isUnstorableText(err: unknown): boolean {
  for (
    let e = err as { code?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '22021' || e.code === '22P05') return true;
  }
  return false;
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    // An error is never cached as a public, snapshot-backed document (http-cache.ts set these first).
    reply.removeHeader('etag').removeHeader('cache-control');
    if (err instanceof OperationError) {
      return reply.status(statusOf(err.code)).send(errorBody(err.code, err.message, err.details));
    }
    const conflict = UNIQUE_CONFLICTS[violatedUniqueConstraint(err) ?? ''];
    if (conflict) return reply.status(409).send(errorBody(conflict.code, conflict.message));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message ?? 'Giá trị không hợp lệ',
      }));
      return reply
        .status(400)
        .send(
          errorBody(
            'VALIDATION_FAILED',
            `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}`,
            { issues },
          ),
        );
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'));
    }
    if (err.statusCode === 400 || err.code?.startsWith('FST_ERR_CTP')) {
      return reply
        .status(400)
        .send(errorBody('VALIDATION_FAILED', 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ).'));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(errorBody('TOO_MANY_ATTEMPTS', 'Quá nhiều yêu cầu, vui lòng thử lại sau.'));
    }
    if (isUnstorableText(err)) {
      return reply
        .status(400)
        .send(
          errorBody(
            'VALIDATION_FAILED',
            'Dữ liệu gửi lên chứa ký tự không lưu được (ký tự NUL U+0000): hãy bỏ ký tự đó rồi gửi lại.',
          ),
        );
    }
    if (isDiskFull(err)) {
      request.log.error({ err }, 'disk full');
      return reply
        .status(507)
        .send(
          errorBody(
            'DISK_FULL',
            'Máy chủ đã hết dung lượng lưu trữ nên thay đổi này CHƯA được lưu (dữ liệu đã lưu trước đó không bị ảnh hưởng). Vui lòng báo quản trị viên hệ thống rồi thử lại sau.',
          ),
        );
    }
    if (isDatabaseDown(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply
        .status(503)
        .send(
          errorBody(
            'DATABASE_UNAVAILABLE',
            'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
          ),
        );
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('INTERNAL_ERROR', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.'));
  });
});
