// The permission matrix of the foundation routes: for each route, the status every kind of caller gets.
// A caller holding none of the roles a route declares → 403 before anything is looked up (the answer depends on
// the caller alone); out of the caller's reach → 404 (existence never leaks); within reach but not allowed → 403.
// Every cell acts on its own fresh object where the action changes something, so cells are independent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Username } from '../support/fixtures.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
let groupXa: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  groupXa = (await admin.get('/api/v1/unit-groups')).json().items.find((g: { code: string }) => g.code === 'G.XA').id;
});
afterAll(() => t.close());

type Caller = 'anonymous' | Username;
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'office',
  'd1office',
  'rep_c1',
  'lead_c1',
  'rep_c3',
  'support',
  'member',
  'chair',
  'viewer',
  'norole',
];

let seq = 0;
const fresh = (prefix: string) => `${prefix}${++seq}`;
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

async function versionOf(unitCode: string): Promise<number> {
  return (await admin.get(`/api/v1/org-units/${t.unit(unitCode)}`)).json().version;
}
async function groupOwnedByProvince(): Promise<string> {
  const res = await (await t.as('office')).post('/api/v1/unit-groups', { code: fresh('GM'), name: 'Nhóm của tỉnh' });
  return res.json().id;
}
async function freshAccount(withViewerOnC1 = false): Promise<{ id: string; assignment?: string }> {
  const user = await admin.post('/api/v1/users', {
    username: fresh('acct'),
    fullName: 'Tài khoản mới',
    password: 'Matkhau123',
  });
  const id = user.json().id as string;
  if (!withViewerOnC1) return { id };
  const role = await admin.post(`/api/v1/users/${id}/roles`, { role: 'viewer', unitId: t.unit('C1'), subtree: false });
  return { id, assignment: role.json().id };
}

const LINEAGE_BASIS = { effectiveDate: '2026-01-01', legalBasis: '1665/NQ-UBTVQH15', legalBasisDate: '2025-06-16' };
async function freshUnderC1(): Promise<string> {
  const res = await admin.post('/api/v1/org-units', {
    code: fresh('LIN'),
    name: 'Đơn vị thử kế thừa',
    type: 'other',
    parentId: t.unit('C1'),
  });
  return res.json().id;
}

type Call = (c: Client) => Promise<{ statusCode: number; body: string }>;
const ROUTES: Record<string, Call> = {
  'GET /auth/me': (c) => c.get('/api/v1/auth/me'),
  'PATCH /auth/profile': (c) => c.patch('/api/v1/auth/profile', { phone: '0912 345 678' }),
  'GET /roles': (c) => c.get('/api/v1/roles'),
  'GET /org-units': (c) => c.get('/api/v1/org-units'),
  'GET /org-units/search': (c) => c.get('/api/v1/org-units/search?q=duc'),
  'GET /org-units/{C1}': (c) => c.get(`/api/v1/org-units/${t.unit('C1')}`),
  'POST /org-units (under C1)': (c) =>
    c.post('/api/v1/org-units', { code: fresh('NEW'), name: 'Thôn mới', type: 'other', parentId: t.unit('C1') }),
  'PATCH /org-units/{C1}': async (c) =>
    c.patch(`/api/v1/org-units/${t.unit('C1')}`, { name: 'Xã Đức Đồng', version: await versionOf('C1') }),
  'POST /org-units/{C1}/move (to D1)': async (c) =>
    c.post(`/api/v1/org-units/${t.unit('C1')}/move`, { parentId: t.unit('D1'), version: await versionOf('C1') }),
  'POST /org-units/{C1}/deactivate': (c) =>
    c.post(`/api/v1/org-units/${t.unit('C1')}/deactivate`, { activeTo: '2099-12-31', reason: 'Kiểm tra quyền' }),
  'POST /org-units/{fresh}/lineage/merger': async (c) => {
    const [a, b] = [await freshUnderC1(), await freshUnderC1()];
    return c.post(`/api/v1/org-units/${a}/lineage/merger`, { predecessorIds: [b], ...LINEAGE_BASIS });
  },
  'POST /org-units/{fresh}/lineage/split': async (c) => {
    const [a, b, d] = [await freshUnderC1(), await freshUnderC1(), await freshUnderC1()];
    return c.post(`/api/v1/org-units/${a}/lineage/split`, { successorIds: [b, d], ...LINEAGE_BASIS });
  },
  'POST /org-units/{fresh}/lineage/rename': async (c) => {
    const [a, b] = [await freshUnderC1(), await freshUnderC1()];
    return c.post(`/api/v1/org-units/${a}/lineage/rename`, { predecessorId: b, ...LINEAGE_BASIS });
  },
  'POST /org-units/{fresh}/lineage/{predecessor}/remove': async (c) => {
    const [a, b] = [await freshUnderC1(), await freshUnderC1()];
    await admin.post(`/api/v1/org-units/${a}/lineage/merger`, { predecessorIds: [b], ...LINEAGE_BASIS });
    return c.post(`/api/v1/org-units/${a}/lineage/${b}/remove`, { reason: 'Kiểm tra quyền' });
  },
  'POST /org-units/import (under C1)': (c) =>
    c.upload(
      '/api/v1/org-units/import',
      'don-vi.csv',
      csv(['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', `${fresh('IMP')},Thôn nhập,Khác,C1`]),
    ),
  'GET /org-units/export': (c) => c.get('/api/v1/org-units/export'),
  'GET /org-units/import-template': (c) => c.get('/api/v1/org-units/import-template'),
  'GET /users/import-template': (c) => c.get('/api/v1/users/import-template'),
  'GET /unit-groups': (c) => c.get('/api/v1/unit-groups'),
  'GET /unit-groups/{G.XA}': (c) => c.get(`/api/v1/unit-groups/${groupXa}`),
  'POST /unit-groups': (c) => c.post('/api/v1/unit-groups', { code: fresh('GN'), name: 'Nhóm mới' }),
  'PATCH /unit-groups/{of P}': async (c) =>
    c.patch(`/api/v1/unit-groups/${await groupOwnedByProvince()}`, { name: 'Đổi tên' }),
  'PUT /unit-groups/{of P}/members': async (c) =>
    c.put(`/api/v1/unit-groups/${await groupOwnedByProvince()}/members`, { unitIds: [t.unit('C1')] }),
  'DELETE /unit-groups/{of P}': async (c) => c.delete(`/api/v1/unit-groups/${await groupOwnedByProvince()}`),
  'GET /users': (c) => c.get('/api/v1/users'),
  'GET /users/{rep_c1}': (c) => c.get(`/api/v1/users/${t.user('rep_c1')}`),
  'POST /users': (c) =>
    c.post('/api/v1/users', { username: fresh('newuser'), fullName: 'Người mới', password: 'Matkhau123' }),
  'PATCH /users/{rep_c1}': (c) => c.patch(`/api/v1/users/${t.user('rep_c1')}`, { phone: '0912 000 111' }),
  'POST /users/{viewer on C1}/roles (reporter on C1)': async (c) =>
    c.post(`/api/v1/users/${(await freshAccount(true)).id}/roles`, {
      role: 'unit_reporter',
      unitId: t.unit('C1'),
      subtree: false,
    }),
  // An account with no role is managed by its creator (here the administrator) alone: issue 11, finding 3.
  'POST /users/{role-less}/roles (viewer on C1)': async (c) =>
    c.post(`/api/v1/users/${(await freshAccount()).id}/roles`, {
      role: 'viewer',
      unitId: t.unit('C1'),
      subtree: false,
    }),
  'PATCH /users/{role-less} (password)': async (c) =>
    c.patch(`/api/v1/users/${(await freshAccount()).id}`, { password: 'Matkhaumoi2026' }),
  'DELETE /users/{new}/roles/{viewer on C1}': async (c) => {
    const a = await freshAccount(true);
    return c.delete(`/api/v1/users/${a.id}/roles/${a.assignment}`);
  },
  'POST /users/import': (c) =>
    c.upload(
      '/api/v1/users/import',
      'tai-khoan.csv',
      csv(['Tên đăng nhập,Họ và tên,Mật khẩu', `${fresh('imported')},Người nhập,Matkhau123`]),
    ),
  'GET /audit': (c) => c.get('/api/v1/audit'),
};

// prettier-ignore
const MATRIX: [route: keyof typeof ROUTES, ...statuses: number[]][] = [
  //                                          anon admin office d1off rep_c1 lead_c1 rep_c3 support member chair viewer norole
  ['GET /auth/me',                               401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['PATCH /auth/profile',                        401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /roles',                                 401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /org-units',                             401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /org-units/search',                      401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /org-units/{C1}',                        401, 200, 200,  200,  200,  200,   404,   200,   200,   200,  200,   404],
  ['POST /org-units (under C1)',                 401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PATCH /org-units/{C1}',                      401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{C1}/move (to D1)',          401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{C1}/deactivate',            401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{fresh}/lineage/merger',     401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{fresh}/lineage/split',      401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{fresh}/lineage/rename',     401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /org-units/{fresh}/lineage/{predecessor}/remove', 401, 200, 200, 200, 403, 403, 403,  403,   403,   403,  403,   403],
  ['POST /org-units/import (under C1)',          401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /org-units/export',                      401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /org-units/import-template',             401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /users/import-template',                 401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /unit-groups',                           401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /unit-groups/{G.XA}',                    401, 200, 200,  200,  404,  404,   404,   200,   200,   200,  200,   404],
  ['POST /unit-groups',                          401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PATCH /unit-groups/{of P}',                  401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PUT /unit-groups/{of P}/members',            401, 200, 200,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['DELETE /unit-groups/{of P}',                 401, 204, 204,  403,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /users',                                 401, 200, 200,  200,  200,  200,   200,   200,   200,   200,  200,   200],
  ['GET /users/{rep_c1}',                        401, 200, 200,  200,  200,  404,   404,   404,   404,   404,  404,   404],
  ['POST /users',                                401, 201, 201,  201,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PATCH /users/{rep_c1}',                      401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /users/{viewer on C1}/roles (reporter on C1)', 401, 201, 201, 201, 403, 403, 403,   403,   403,   403,  403,   403],
  ['POST /users/{role-less}/roles (viewer on C1)', 401, 201, 404,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['PATCH /users/{role-less} (password)',        401, 200, 404,  404,  403,  403,   403,   403,   403,   403,  403,   403],
  ['DELETE /users/{new}/roles/{viewer on C1}',   401, 204, 204,  204,  403,  403,   403,   403,   403,   403,  403,   403],
  ['POST /users/import',                         401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
  ['GET /audit',                                 401, 200, 200,  200,  403,  403,   403,   403,   403,   403,  403,   403],
];

describe('permission matrix (route × caller → status)', () => {
  for (const [route, ...statuses] of MATRIX) {
    it(route, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, caller] of CALLERS.entries()) {
        const client = caller === 'anonymous' ? t.anonymous : await t.as(caller);
        const res = await ROUTES[route]!(client);
        got[caller] = res.statusCode;
        want[caller] = statuses[i]!;
        if (res.statusCode >= 400)
          expect(JSON.parse(res.body).error.code, `${route} as ${caller}`).toMatch(/^[A-Z_]+$/);
      }
      expect(got).toEqual(want);
    });
  }

  it('covers every foundation route the OpenAPI document lists', async () => {
    const doc = (await t.anonymous.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    const listed = Object.entries(doc.paths)
      // Foundation routes only; index sets, campaigns, assessments, evidence and API tokens have their own matrices.
      .filter(
        ([path]) =>
          /^\/api\/v1\/(auth|roles|org-units|unit-groups|users|audit)(\/|$)/.test(path) && !path.includes('/tokens'),
      )
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace('/api/v1', '').replace(/\{[^}]+\}/g, '{}')}`),
      );
    const inMatrix = new Set(
      [...MATRIX.map(([route]) => route), 'POST /auth/login', 'POST /auth/logout', 'POST /auth/password'].map((r) =>
        r.replace(/ \(.*\)$/, '').replace(/\{[^}]+\}/g, '{}'),
      ),
    );
    expect(listed.length).toBeGreaterThanOrEqual(MATRIX.length);
    expect(listed.filter((r) => !inMatrix.has(r))).toEqual([]);
  });

  it('anonymous callers get 401 UNAUTHENTICATED on logout and password change too; login itself is public', async () => {
    for (const res of [
      await t.anonymous.post('/api/v1/auth/logout'),
      await t.anonymous.post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'y' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong' });
    expect(login.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a 404 for an out-of-reach object is indistinguishable from a 404 for a non-existent one', async () => {
    const repC3 = await t.as('rep_c3');
    const d1office = await t.as('d1office');
    const missing = '00000000-0000-4000-8000-000000000000';
    const outOfReach = await d1office.patch(`/api/v1/org-units/${t.unit('C3')}`, { name: 'x', version: 1 });
    const absent = await d1office.patch(`/api/v1/org-units/${missing}`, { name: 'x', version: 1 });
    expect(outOfReach.statusCode).toBe(404);
    expect(outOfReach.json()).toEqual(absent.json());
    const userOut = await repC3.get(`/api/v1/users/${t.user('rep_c1')}`);
    const userAbsent = await repC3.get(`/api/v1/users/${missing}`);
    expect(userOut.json()).toEqual(userAbsent.json());
  });

  it('a user cannot change their own roles or deactivate themselves', async () => {
    const rep = await t.as('rep_c1');
    expect(
      (
        await rep.post(`/api/v1/users/${t.user('rep_c1')}/roles`, {
          role: 'dx_office',
          unitId: t.unit('C1'),
          subtree: true,
        })
      ).statusCode,
    ).toBe(403);
    const office = await t.as('office');
    expect((await office.patch(`/api/v1/users/${t.user('office')}`, { active: false })).statusCode).toBe(403);
  });
});
