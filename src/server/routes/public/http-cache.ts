// Conditional GET for public, snapshot-backed responses: a strong ETag (the snapshot digest plus the
// route variant, since one snapshot yields several documents, plus the content encoding when compressed),
// `Cache-Control: public, max-age=60, stale-while-revalidate=60` and 304 when If-None-Match names the
// current ETag. A reverse proxy (docs/deployment.md) may thus answer the crowd of results day itself and
// revalidate once a minute in the background; a correction publishes a new digest, so no cache serves a
// superseded result for more than two minutes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../app/errors.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

export function etagOf(digest: string, variant: string): string {
  return `"${digest}.${variant}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** Sets the caching headers; true when the client's copy is current (a 304 has then been sent). */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept-Encoding');
  if (!matches(request.headers['if-none-match'], etag)) return false;
  void reply.status(304).send();
  return true;
}

export const notPublished = () => notFound('Không tìm thấy kết quả đã công bố của kỳ đánh giá này.');
