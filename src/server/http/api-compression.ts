// The staff API's JSON answers compressed for the browsers that accept it: the commune clerk opens the
// self-assessment form (~100 kB of JSON) and the unit tree (~4 MB at 12,000 units) over a phone's
// network, where bytes are the time. br (quality 4) or gzip (level 6), on libuv's thread pool — never on
// the event loop — and only past one packet's size (below, compression saves nothing).
// The same Buffer sent again (the form's remembered answer, routes/assessments/form-serializer.ts) is
// compressed once: the compressed bytes live as long as that Buffer does (WeakMap).
// Not compressed (decision 0019):
// - answers that carry secrets (sign-in, the CSRF token, API tokens shown once): compressing a secret beside
//   text an attacker can reflect into the same answer lets the answer's length reveal it (BREACH);
// - anything not JSON (files, spreadsheets and PDFs are streams or already compressed), HEAD, errors;
// - the public API, which keeps its own once-per-snapshot encodings (routes/public/encoded-bytes.ts).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Encoding, negotiateEncoding } from './accept-encoding.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** One TCP packet: a smaller answer goes out in one either way. */
export const COMPRESS_MIN_BYTES = 1400;

/** Routes (as registered, with the /api/v1 prefix) whose answers carry secrets: the session's CSRF token, API tokens. */
const SECRET_BEARING = /^\/api\/v1\/(auth\/|users\/:id\/tokens)/;

const compressed = new WeakMap<Buffer, Partial<Record<Encoding, Promise<Buffer>>>>();

function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gz(bytes, { level: 6 });
  // Quality 4: a fraction of the CPU of quality 9 for an answer built per request, still smaller than gzip.
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** `bytes` in `encoding`; a Buffer seen before is compressed once (single flight, dropped on failure). */
export function compressedBytes(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  let byEncoding = compressed.get(bytes);
  if (byEncoding === undefined) {
    byEncoding = {};
    compressed.set(bytes, byEncoding);
  }
  let pending = byEncoding[encoding];
  if (pending === undefined) {
    pending = compress(bytes, encoding);
    byEncoding[encoding] = pending;
    const kept = byEncoding;
    pending.catch(() => delete kept[encoding]);
  }
  return pending;
}

function mayCompress(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method === 'HEAD' || reply.statusCode !== 200 || reply.hasHeader('content-encoding')) return false;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !type.startsWith('application/json')) return false;
  return !SECRET_BEARING.test(request.routeOptions.url ?? '');
}

/** Adds the compression to the staff API's context (the /api/v1 prefix). */
export function registerApiCompression(api: FastifyInstance): void {
  api.addHook('onSend', (request, reply, payload, done) => {
    if (!mayCompress(request, reply)) return done(null, payload);
    // The answer depends on Accept-Encoding from here on, whichever encoding this request gets.
    const vary = reply.getHeader('vary');
    void reply.header('vary', typeof vary === 'string' && vary !== '' ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (encoding === null) return done(null, payload);
    let pending: Promise<Buffer>;
    if (Buffer.isBuffer(payload)) {
      if (payload.length < COMPRESS_MIN_BYTES) return done(null, payload);
      pending = compressedBytes(payload, encoding); // a Buffer may be sent again (the form's remembered answer)
    } else if (typeof payload === 'string') {
      if (payload.length < COMPRESS_MIN_BYTES / 3) return done(null, payload); // at most 3 UTF-8 bytes a unit
      const bytes = Buffer.from(payload);
      if (bytes.length < COMPRESS_MIN_BYTES) return done(null, payload);
      pending = compress(bytes, encoding); // a string is built for this answer alone: nothing to keep
    } else return done(null, payload);
    pending.then(
      (body) => {
        void reply.header('content-encoding', encoding).removeHeader('content-length');
        done(null, body);
      },
      (error: unknown) => {
        // The answer is still right uncompressed.
        request.log.warn({ err: error }, 'api compression failed; answered uncompressed');
        done(null, payload);
      },
    );
  });
}
