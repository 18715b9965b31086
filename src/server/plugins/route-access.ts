// Every route under /api and /healthz must declare who may call it (http/route-access.ts): a route
// registered without `config.access` stops the server at start-up, so it fails every test and CI before
// it can ship. The declaration and the API-token scopes are written into the OpenAPI document (the
// operation's description and `x-access` / `x-token-scopes`), from which the authorization matrix test
// (test/api/route-access-matrix.test.ts) generates its requests.
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { describeAccess, isRouteAccess } from '../http/route-access.ts';

/** Routes the platform itself serves to people and systems; the web app's files and /api/docs are not among them. */
export function needsAccessDeclaration(url: string): boolean {
  return (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url === '/healthz';
}

export function declareAccessInSchema(route: RouteOptions): void {
  const access = route.config?.access;
  if (!needsAccessDeclaration(route.url)) return;
  if (!isRouteAccess(access)) {
    const methods = ([] as string[]).concat(route.method).join(',');
    throw new Error(
      `Route ${methods} ${route.url} declares no access (config.access: 'public' | 'signed-in' | { roles }); see src/server/http/route-access.ts`,
    );
  }
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const who = describeAccess(access);
  // `x-` keys are OpenAPI extensions: @fastify/swagger copies them into the operation; Fastify ignores them.
  route.schema = {
    ...schema,
    description: schema.description ? `${String(schema.description)}\n\nQuyền gọi: ${who}` : `Quyền gọi: ${who}`,
    'x-access': access,
    'x-token-scopes': route.config?.tokenScopes ?? [],
  } as RouteOptions['schema'];
}

export const routeAccessPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', declareAccessInSchema);
});
