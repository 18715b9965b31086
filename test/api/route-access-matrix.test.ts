// The authorization matrix generated from the registered routes: every operation the OpenAPI document lists
// is called by every kind of caller — anonymous, each role, a unit's staff on another unit, an account with
// no role, and an API token of each scope — and the answer must match the route's declaration
// (`x-access`, `x-token-scopes`, from config.access / config.tokenScopes; http/route-access.ts):
// - anonymous: 401 unless the route is public;
// - a token: 403 naming its scope unless the route lists that scope;
// - a caller holding none of the declared roles: 403 naming the roles, before anything is looked up;
// - a caller passing the gate: never 401, never the gate's 403 (what it gets next — 200, 400, 404 — is the
//   route's own business, checked by the feature matrices: authorization-matrix, campaigns-authz, …);
// - nobody, ever: a 5xx.
// Ids in paths are ids of nothing, so no cell changes data; the last operations (logout) end sessions.
// A route added without a declaration stops the server at start-up (route-access-declaration.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/policy/roles.ts';
import type { RouteAccess } from '../../src/server/http/route-access.ts';
import { issueToken } from '../support/bearer.ts';
import { addAccount } from '../support/campaign-fixture.ts';
import { ACCOUNTS } from '../support/fixtures.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

type Operation = { method: string; path: string; access: RouteAccess; tokenScopes: string[] };
type Caller = {
  name: string;
  roles: Role[];
  kind: 'anonymous' | 'session' | 'token';
  scope?: string;
  headers: Record<string, string>;
};

const NOTHING = '00000000-0000-4000-8000-000000000000';
const TOKEN_SCOPES = ['figures:write', 'results:read'];

let t: TestApp;
let operations: Operation[];
const callers: Caller[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.anonymous.get('/api/docs/json')).json() as {
    paths: Record<string, Record<string, { 'x-access'?: RouteAccess; 'x-token-scopes'?: string[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op['x-access']!,
      tokenScopes: op['x-token-scopes'] ?? [],
    })),
  );
  // Logging out ends the session every later cell would use: last.
  operations.sort((a, b) => Number(a.path.endsWith('/auth/logout')) - Number(b.path.endsWith('/auth/logout')));

  const supplier = await addAccount(t, 'matrix-supplier', 'data_supplier', 'P', true);
  const people: { name: string; roles: Role[] }[] = [
    ...ACCOUNTS.map((a) => ({ name: a.username, roles: [a.role] })),
    { name: 'norole', roles: [] },
    { name: 'matrix-supplier', roles: ['data_supplier'] },
  ];
  callers.push({ name: 'anonymous', roles: [], kind: 'anonymous', headers: {} });
  for (const p of people) {
    const c = await t.as(p.name);
    callers.push({
      name: p.name,
      roles: p.roles,
      kind: 'session',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    });
  }
  // One token of each scope, each owned by an account holding a role the scope needs.
  const figures = await issueToken(t, supplier, 'Hệ thống một cửa', 'figures:write');
  const results = await issueToken(t, t.user('viewer'), 'Cổng dữ liệu mở', 'results:read');
  callers.push({
    name: 'token figures:write',
    roles: ['data_supplier'],
    kind: 'token',
    scope: 'figures:write',
    headers: { authorization: `Bearer ${figures.token}` },
  });
  callers.push({
    name: 'token results:read',
    roles: ['viewer'],
    kind: 'token',
    scope: 'results:read',
    headers: { authorization: `Bearer ${results.token}` },
  });
}, 60_000);
afterAll(() => t.close());

function urlOf(op: Operation): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'code' ? '9.9' : NOTHING));
}

/** What the declaration says this caller gets at the gate: 'pass', or the status and the detail naming why. */
function expectedAtGate(
  op: Operation,
  caller: Caller,
): 'pass' | { status: 401 } | { status: 403; detail: 'tokenScope' | 'requiredRoles' } {
  if (op.access === 'public') return 'pass';
  if (caller.kind === 'anonymous') return { status: 401 };
  if (caller.kind === 'token' && !op.tokenScopes.includes(caller.scope!)) return { status: 403, detail: 'tokenScope' };
  if (op.access === 'signed-in') return 'pass';
  const roles = op.access.roles;
  return caller.roles.includes('system_admin') || caller.roles.some((r) => roles.includes(r))
    ? 'pass'
    : { status: 403, detail: 'requiredRoles' };
}

describe('authorization matrix generated from the OpenAPI document (every route × every caller)', () => {
  it('lists every route of the platform, each with a declaration', () => {
    expect(operations.length).toBeGreaterThanOrEqual(120);
    expect(operations.filter((op) => op.access === undefined).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(callers.map((c) => c.name)).toEqual(
      expect.arrayContaining(['anonymous', 'rep_c3', 'norole', ...TOKEN_SCOPES.map((s) => `token ${s}`)]),
    );
  });

  it('every caller gets what the route declares, and nobody gets a 5xx', { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const op of operations) {
      for (const caller of callers) {
        const withBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: urlOf(op),
          headers: caller.headers,
          ...(withBody ? { payload: {} } : {}),
        });
        cells++;
        const detail = (): Record<string, unknown> => {
          try {
            return (res.json() as { error?: { details?: Record<string, unknown> } }).error?.details ?? {};
          } catch {
            return {};
          }
        };
        const want = expectedAtGate(op, caller);
        const where = `${op.method} ${op.path} as ${caller.name}: ${res.statusCode}`;
        if (res.statusCode >= 500) wrong.push(`${where} (5xx)`);
        else if (want === 'pass') {
          if (
            res.statusCode === 401 ||
            (res.statusCode === 403 && ('requiredRoles' in detail() || 'tokenScope' in detail()))
          )
            wrong.push(`${where}, declared to pass the gate`);
        } else if (res.statusCode !== want.status || (want.status === 403 && !(want.detail in detail()))) {
          wrong.push(`${where}, declared ${want.status}${want.status === 403 ? ` (${want.detail})` : ''}`);
        }
      }
    }
    expect(cells).toBe(operations.length * callers.length);
    expect(wrong).toEqual([]);
  });
});
