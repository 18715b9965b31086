// Compression of the public API's large, immutable answers (the group ranking of 4,000 units, the
// methodology, the open-data JSON): each is compressed once per snapshot and encoding, on libuv's thread
// pool (never the event loop), and kept with the snapshot view beside its plain bytes — so on results day
// a request costs no compression CPU. Concurrent first requests share one compression (single flight).
// The ETag names the encoding (`"<digest>.<variant>.br"`): a strong validator belongs to one representation.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { Encoding } from '../../http/accept-encoding.ts';
import type { SnapshotView } from '../../../app/publication/snapshot-view.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Past this size brotli's quality 9 costs seconds; quality 5 still beats gzip. */
const LARGE = 4 * 1024 * 1024;

/** `variant` suffixed with the encoding, for the ETag of the representation sent. */
export const encodedVariant = (variant: string, encoding: Encoding | null) =>
  encoding ? `${variant}.${encoding === 'br' ? 'br' : 'gz'}` : variant;

function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gz(bytes, { level: 6 });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: bytes.length > LARGE ? 5 : 9,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The bytes of `variant` in `encoding`, compressed once per snapshot view. */
export function encodedBytes(view: SnapshotView, variant: string, plain: Buffer, encoding: Encoding): Promise<Buffer> {
  const key = `${variant}|${encoding}`;
  let pending = view.encoded.get(key);
  if (!pending) {
    pending = compress(plain, encoding);
    view.encoded.set(key, pending);
    pending.catch(() => view.encoded.delete(key));
  }
  return pending;
}

/** Sends memoised bytes in the negotiated encoding (the ETag was chosen with the same encoding). */
export async function sendEncoded(
  reply: FastifyReply,
  view: SnapshotView,
  variant: string,
  plain: Buffer,
  encoding: Encoding | null,
): Promise<FastifyReply> {
  if (!encoding) return reply.send(plain);
  const body = await encodedBytes(view, variant, plain, encoding);
  return reply.header('content-encoding', encoding).send(body);
}
