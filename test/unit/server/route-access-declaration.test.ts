// Every route under /api and /healthz declares who may call it; a route without a declaration stops the
// server at start-up, so it fails CI before it can ship (issue 11: the authorization matrix covers every route).
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeAccess, passesRouteGate } from '../../../src/server/http/route-access.ts';
import { routeAccessPlugin } from '../../../src/server/plugins/route-access.ts';

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  await app.register(routeAccessPlugin);
  await app.register(async (api) => register(api), { prefix: '/api/v1' });
  return app;
}

describe('a route must declare who may call it', () => {
  it('a route without config.access stops the server from starting, naming the route', async () => {
    const starting = appWith((api) => api.get('/new-feature', async () => ({}))).then((app) => app.ready());
    await expect(starting).rejects.toThrow(/GET \/api\/v1\/new-feature declares no access/);
  });

  it('an empty role list is no declaration', async () => {
    const starting = appWith((api) => api.post('/x', { config: { access: { roles: [] } } }, async () => ({}))).then(
      (app) => app.ready(),
    );
    await expect(starting).rejects.toThrow(/declares no access/);
  });

  it('declared routes start, and the declaration is written into the schema for the OpenAPI document', async () => {
    const app = await appWith((api) =>
      api.get(
        '/audit-like',
        { config: { access: { roles: ['dx_office'] } }, schema: { summary: 'Nhật ký' } },
        async () => ({}),
      ),
    );
    await app.ready();
    const route = app.printRoutes({ includeHooks: false });
    expect(route).toContain('audit-like');
    await app.close();
  });

  it('the web app and the API documentation need no declaration', async () => {
    const app = Fastify();
    await app.register(routeAccessPlugin);
    app.get('/campaigns/*', async () => 'index.html');
    app.get('/api/docs/json', async () => ({}));
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});

describe('the gate', () => {
  const actor = (roles: string[]) =>
    ({ userId: 'u', grants: roles.map((role) => ({ role, unitId: 'P', subtree: true })) }) as never;
  it('public passes anyone; signed-in needs a session; a role list needs one of its roles, system administrators always pass', () => {
    expect(passesRouteGate('public', null)).toBe(true);
    expect(passesRouteGate('signed-in', null)).toBe(false);
    expect(passesRouteGate('signed-in', actor([]))).toBe(true);
    expect(passesRouteGate({ roles: ['dx_office'] }, actor(['viewer']))).toBe(false);
    expect(passesRouteGate({ roles: ['dx_office'] }, actor(['viewer', 'dx_office']))).toBe(true);
    expect(passesRouteGate({ roles: ['dx_office'] }, actor(['system_admin']))).toBe(true);
  });

  it('is described in Vietnamese role names for the API document', () => {
    expect(describeAccess({ roles: ['dx_office'] })).toBe(
      'Chỉ tài khoản có vai trò: Quản trị hệ thống; Quản trị nghiệp vụ (cơ quan chuyên trách CĐS).',
    );
    expect(describeAccess('public')).toBe('Công khai, không cần đăng nhập.');
  });
});
