// Which content encoding an answer goes out in, from the request's Accept-Encoding: one reading for the
// public API's stored answers (routes/public/encoded-bytes.ts) and the staff API's JSON (api-compression.ts).
import type { FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with from Accept-Encoding: br before gzip (the server's preference, as browsers
 * list both without weights); an encoding with q=0 is refused; none → identity.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  if (text === '') return null;
  const accepted = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** The encoding this request accepts (see negotiateEncoding). */
export const encodingOf = (request: FastifyRequest) => negotiateEncoding(request.headers['accept-encoding']);
