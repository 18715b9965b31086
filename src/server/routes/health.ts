// GET /healthz — 200 once the database answers; 503 otherwise (load balancers take the process out).
import type { App, ServerDeps } from '../http/route-types.ts';
import { errorBody } from '../http/errors.ts';

export function registerHealthRoute(app: App, deps: ServerDeps) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.database.ping();
      return { status: 'ok' };
    } catch {
      return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE', 'Cơ sở dữ liệu không truy cập được.'));
    }
  });
}
