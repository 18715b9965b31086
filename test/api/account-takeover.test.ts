// Issue 11, finding 3: a district office took over an account the province had created. An account is
// managed only by those who manage every unit it reaches (roles and council seats); an account and its
// roles are created in one operation; a role-less account belongs to its creator and system
// administrators; out of reach → 404. In the fixture, "office" is the province's DX office (sotttt in
// the demo) and "d1office" the district's (cx.vhtt).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/accounts.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { appraisalCampaign } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-10T03:00:00Z') });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('the attack of the issue', () => {
  it('the province creates a role-less account; the district office cannot reset its password, and gains nothing when the province grants it a province role', async () => {
    const office = await t.as('office');
    const d1 = await t.as('d1office');
    const created = await office.post('/api/v1/users', {
      username: 'canbo.tinh',
      fullName: 'Cán bộ tỉnh',
      password: 'Matkhautinh2026',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const reset = await d1.patch(`/api/v1/users/${id}`, { password: 'Chiemquyen2026' });
    expect(reset.statusCode).toBe(404);
    expect(reset.json().error.code).toBe('NOT_FOUND');
    expect((await d1.patch(`/api/v1/users/${id}`, { username: 'bi.doi.ten' })).statusCode).toBe(404);
    expect((await d1.post(`/api/v1/users/${id}/tokens`, { name: 'cửa sau', scope: 'results:read' })).statusCode).toBe(
      404,
    );
    expect((await d1.get('/api/v1/users?pageSize=500')).json().items.map((u: { id: string }) => u.id)).not.toContain(
      id,
    );

    const grant = await office.post(`/api/v1/users/${id}/roles`, {
      role: 'viewer',
      unitId: t.unit('P'),
      subtree: true,
    });
    expect(grant.statusCode).toBe(201);
    expect((await login('canbo.tinh', 'Chiemquyen2026')).statusCode).toBe(401);
    expect((await login('canbo.tinh', 'Matkhautinh2026')).statusCode).toBe(200);
    expect((await d1.patch(`/api/v1/users/${id}`, { password: 'Chiemquyen2026' })).statusCode).toBe(404);
  });

  it('the district office cannot grant itself a way in either: roles on a role-less account it did not create → 404', async () => {
    const created = await (
      await t.as('admin')
    ).post('/api/v1/users', { username: 'chua.vai.tro', fullName: 'Chưa có vai trò', password: 'Matkhau2026' });
    const res = await (
      await t.as('d1office')
    ).post(`/api/v1/users/${created.json().id}/roles`, { role: 'unit_reporter', unitId: t.unit('C1') });
    expect(res.statusCode).toBe(404);
  });
});

describe('creating an account with its roles is one operation', () => {
  it('the district office creates an account with a commune role: one answer, the roles and both audit entries', async () => {
    const res = await (
      await t.as('d1office')
    ).post('/api/v1/users', {
      username: 'nhaplieu.c2',
      fullName: 'Nhập liệu Đức Lạng',
      password: 'Matkhau2026',
      roles: [
        { role: 'unit_reporter', unitId: t.unit('C2') },
        { role: 'viewer', unitId: t.unit('D1'), subtree: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .roles.map(
          (r: { role: string; unitCode: string; subtree: boolean }) => `${r.role}@${r.unitCode}${r.subtree ? '+' : ''}`,
        )
        .sort(),
    ).toEqual(['unit_reporter@C2', 'viewer@D1+']);
    expect(res.json().abilities).toEqual({ update: true, assignRoles: true, deactivate: true });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, res.json().id));
    expect(audit.map((a) => a.action).sort()).toEqual(['role.assign', 'role.assign', 'user.create']);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, res.json().id));
    expect(row!.createdBy).toBe(t.user('d1office'));
  });

  it('a role the creator may not grant refuses the whole creation: no account is left behind', async () => {
    const d1 = await t.as('d1office');
    const beyond = await d1.post('/api/v1/users', {
      username: 'vuot.quyen',
      fullName: 'Vượt quyền',
      password: 'Matkhau2026',
      roles: [{ role: 'viewer', unitId: t.unit('P'), subtree: true }],
    });
    expect(beyond.statusCode).toBe(403);
    const unseen = await d1.post('/api/v1/users', {
      username: 'vuot.quyen',
      fullName: 'Vượt quyền',
      password: 'Matkhau2026',
      roles: [{ role: 'unit_reporter', unitId: t.unit('C3') }],
    });
    expect(unseen.statusCode).toBe(404);
    const admin = await d1.post('/api/v1/users', {
      username: 'vuot.quyen',
      fullName: 'Vượt quyền',
      password: 'Matkhau2026',
      roles: [{ role: 'system_admin', unitId: t.unit('C1') }],
    });
    expect(admin.statusCode).toBe(403);
    expect(await t.database.db.select().from(users).where(eq(users.username, 'vuot.quyen'))).toEqual([]);
  });

  it('the same role twice on one unit is refused (409) and creates nothing', async () => {
    const res = await (
      await t.as('office')
    ).post('/api/v1/users', {
      username: 'hai.lan',
      fullName: 'Hai lần',
      password: 'Matkhau2026',
      roles: [
        { role: 'viewer', unitId: t.unit('C1') },
        { role: 'viewer', unitId: t.unit('C1') },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(await t.database.db.select().from(users).where(eq(users.username, 'hai.lan'))).toEqual([]);
  });
});

describe('username and password of an account above the caller’s scope → 404', () => {
  it('the province office renames a commune account; the district office cannot rename or reset an account with a role outside it', async () => {
    const office = await t.as('office');
    const d1 = await t.as('d1office');
    const created = await office.post('/api/v1/users', {
      username: 'doi.ten',
      fullName: 'Đổi tên',
      password: 'Matkhau2026',
      roles: [
        { role: 'unit_reporter', unitId: t.unit('C1') },
        { role: 'viewer', unitId: t.unit('C3') },
      ],
    });
    const id = created.json().id as string;
    expect((await d1.patch(`/api/v1/users/${id}`, { username: 'ten.moi' })).statusCode).toBe(404);
    expect((await d1.patch(`/api/v1/users/${id}`, { password: 'Matkhaumoi2026' })).statusCode).toBe(404);
    const renamed = await office.patch(`/api/v1/users/${id}`, { username: ' Ten.Moi ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().username).toBe('ten.moi');
    expect((await login('ten.moi', 'Matkhau2026')).statusCode).toBe(200);
    const taken = await office.patch(`/api/v1/users/${id}`, { username: 'rep_c1' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USERNAME_TAKEN');
  });
});

describe('a council seat counts as reach', () => {
  it('once a commune reporter sits on the province’s council, the district office no longer manages the account; an account nobody vouches for cannot be seated', async () => {
    const s = await appraisalCampaign(t);
    const d1 = await t.as('d1office');
    expect((await d1.get(`/api/v1/users/${t.user('rep_c1')}`)).statusCode).toBe(200);
    const office = await t.as('office');
    const base = `/api/v1/campaigns/${s.campaignId}/groups/${s.groupId}/members`;
    const seated = await office.post(base, {
      userId: t.user('rep_c1'),
      position: 'member',
      assignment: { nodeCodes: ['2'] },
    });
    expect(seated.statusCode, seated.body).toBe(201);
    expect((await d1.get(`/api/v1/users/${t.user('rep_c1')}`)).statusCode).toBe(404);
    expect((await d1.patch(`/api/v1/users/${t.user('rep_c1')}`, { password: 'Chiemquyen2026' })).statusCode).toBe(404);

    // A role-less account created by the district office: the province cannot seat it (it does not manage it).
    const stray = await d1.post('/api/v1/users', {
      username: 'ghe.trong',
      fullName: 'Ghế trống',
      password: 'Matkhau2026',
    });
    const refused = await office.post(base, { userId: stray.json().id, position: 'member' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('/userId');
  }, 60_000);
});
