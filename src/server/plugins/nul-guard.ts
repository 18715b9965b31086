// Refuses text containing the NUL character (U+0000) at the edge, before validation and the database:
// PostgreSQL stores no NUL in text or jsonb (errors 22021 "invalid byte sequence", 22P05 "unsupported
// Unicode escape sequence"), so such input used to reach a query and fail as a 500 — on 15 routes, with
// the failed query's parameters (argon2 and token hashes among them) written to the error log. It is never
// meaningful in a name, a note or a code, so it is refused with 400 VALIDATION_FAILED naming where it was.
// Checked: every string and object key of a parsed JSON body, the query string and the path parameters.
// Multipart uploads are read by their routes; their text reaches the database through the errors plugin's
// backstop (the same 400) if anything slips through.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { OperationError } from '../../app/errors.ts';

/** Whether any string or object key in the value holds a NUL. Iterative (no depth limit), no allocation per node. */
function holdsNul(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push(value[i]);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (key.includes('\u0000')) return true;
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** Where the NUL is (body/…, querystring/…, params/…): walked again, with paths, only once one was found. */
function pathOfNul(value: unknown, path: string): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return `${p}/${key.split('\u0000').join('\\u0000')}`;
        stack.push([child, `${p}/${key}`]);
      }
    }
  }
  return null;
}

/** The first place (params/…, querystring/…, body/…) holding a NUL, or null. */
export function findNul(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): string | null {
  for (const [value, name] of [
    [request.params, 'params'],
    [request.query, 'querystring'],
    [request.body, 'body'],
  ] as const) {
    if (holdsNul(value)) return pathOfNul(value, name);
  }
  return null;
}

export const NUL_MESSAGE = 'chứa ký tự NUL (U+0000), không được phép trong văn bản';

export const nulGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const path = findNul(request);
    if (path === null) return;
    throw new OperationError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${path} — ${NUL_MESSAGE}.`, {
      issues: [{ path, message: NUL_MESSAGE }],
    });
  });
});
