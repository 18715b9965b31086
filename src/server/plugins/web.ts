// Serves the built SPA (dist/web) with a fallback to index.html for client-side routes — or to
// portal.html (the light public portal) for /cong-khai/… and the user guide /huong-dan/…. Unknown /api
// paths answer the JSON 404 instead. Text files are sent precompressed (the .br/.gz the build wrote beside
// them, scripts/precompress-web.ts) when the browser accepts it, with `Vary: Accept-Encoding`; caching
// follows staticCacheControl (web-cache.ts): hashed assets for a year, the HTML pages always revalidated.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../http/errors.ts';
import { staticCacheControl } from './web-cache.ts';

export const webPlugin = fp(async (app: FastifyInstance, opts: { webDir: string }) => {
  const hasWeb = fs.existsSync(path.join(opts.webDir, 'index.html'));
  const hasPortal = fs.existsSync(path.join(opts.webDir, 'portal.html'));
  if (hasWeb) {
    const root = path.resolve(opts.webDir);
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        void reply.header('cache-control', staticCacheControl(path.relative(root, filePath).split(path.sep).join('/')));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send(errorBody('NOT_FOUND', 'Không tìm thấy đường dẫn yêu cầu.'));
    }
    const portal = hasPortal && /^\/(cong-khai|huong-dan)(\/|\?|#|$)/.test(request.url);
    return reply.sendFile(portal ? 'portal.html' : 'index.html');
  });
});
