// Serves the built SPA (dist/web) with a fallback to index.html for client-side routes — or to
// portal.html (the light public portal) for /cong-khai/… and the user guide /huong-dan/…. Unknown /api
// paths answer the JSON 404 instead.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../http/errors.ts';

export const webPlugin = fp(async (app: FastifyInstance, opts: { webDir: string }) => {
  const hasWeb = fs.existsSync(path.join(opts.webDir, 'index.html'));
  const hasPortal = fs.existsSync(path.join(opts.webDir, 'portal.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send(errorBody('NOT_FOUND', 'Không tìm thấy đường dẫn yêu cầu.'));
    }
    const portal = hasPortal && /^\/(cong-khai|huong-dan)(\/|\?|#|$)/.test(request.url);
    return reply.header('cache-control', 'no-cache').sendFile(portal ? 'portal.html' : 'index.html');
  });
});
