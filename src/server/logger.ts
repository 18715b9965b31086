// Structured JSON logs (pino) for the server and the CLI; quiet in tests.
// Logs never carry secrets: request bodies, passwords, tokens, cookies and authorization headers are
// redacted wherever they appear in a logged object, and an error is serialized without the parameters of
// a failed query — Drizzle puts them in the error's message and stack, and they held argon2 password
// hashes and API-token hashes (a 500 on a NUL byte used to write them to the error log).
import type { DestinationStream, Logger } from 'pino';
import pino from 'pino';

/** Paths pino replaces by "[redacted]" (one level of wildcard: `*.password` is `{x: {password}}`). */
export const REDACTED_PATHS = [
  'body',
  '*.body',
  'payload',
  '*.payload',
  'password',
  '*.password',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  'passwordHash',
  '*.passwordHash',
  'password_hash',
  '*.password_hash',
  'token',
  '*.token',
  'tokenHash',
  '*.tokenHash',
  'token_hash',
  '*.token_hash',
  'secret',
  '*.secret',
  'cookie',
  '*.cookie',
  'authorization',
  '*.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'err.params',
  'err.cause.params',
];

const ARGON2_HASH = /\$argon2(?:id|i|d)\$[^\s,'"\\]*/g;

/** The `params` of every error in the chain (Drizzle's DrizzleQueryError), as they appear in its message. */
function queryParamsOf(err: unknown): string[] {
  const found: string[] = [];
  for (
    let e = err as { params?: unknown; cause?: unknown } | undefined, depth = 0;
    e && typeof e === 'object' && depth < 8;
    e = e.cause as typeof e, depth++
  ) {
    if (Array.isArray(e.params) && e.params.length > 0) found.push(`params: ${String(e.params)}`);
  }
  return found;
}

function scrub(value: unknown, params: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const p of params) text = text.split(p).join('params: [redacted]');
    return text.replace(ARGON2_HASH, '[redacted]');
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, params, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'params') continue;
    out[k] = scrub(v, params, depth + 1);
  }
  return out;
}

/** pino's error serializer (type, message, stack with causes, own fields) minus query parameters and hashes. */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return scrub(err, []);
  return scrub(pino.stdSerializers.err(err), queryParamsOf(err));
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'thuocdo' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
