// The audit log: every change writes exactly one entry (who, what, before → after); it can be filtered;
// a district office reads only entries about its district; the hash chain detects tampering.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { todayInVietnam } from '../../src/app/presenters/org-unit.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

interface Entry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  unitId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}
const entries = async (query = '', c: Client = admin) =>
  (await c.get(`/api/v1/audit?pageSize=500${query}`)).json() as { items: Entry[]; total: number };
const total = async () => (await entries()).total;

/** Runs a change and returns the audit entries it wrote (newest first). */
async function change(run: () => Promise<{ statusCode: number; body: string }>, expected: number) {
  const before = await total();
  const res = await run();
  expect(res.statusCode, res.body).toBe(expected);
  const after = await entries();
  return after.items.slice(0, after.total - before);
}

describe('every change writes one entry', () => {
  it('units: create, edit, move, deactivate', async () => {
    const office = await t.as('d1office');
    let id = '';
    const [created] = await change(async () => {
      const res = await office.post('/api/v1/org-units', {
        code: 'AU1',
        name: 'Thôn Kiểm Toán',
        type: 'other',
        parentId: t.unit('C1'),
      });
      id = res.json().id;
      return res;
    }, 201);
    expect(created).toMatchObject({
      action: 'org_unit.create',
      actorId: t.user('d1office'),
      actorName: 'd1office',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      before: null,
      after: { code: 'AU1', name: 'Thôn Kiểm Toán' },
    });

    const [edited, ...more] = await change(
      () => office.patch(`/api/v1/org-units/${id}`, { name: 'Thôn Kiểm Tra', version: 1 }),
      200,
    );
    expect(more).toEqual([]);
    expect(edited).toMatchObject({
      action: 'org_unit.update',
      before: { name: 'Thôn Kiểm Toán', version: 1 },
      after: { name: 'Thôn Kiểm Tra', version: 2 },
    });

    const [moved] = await change(
      () => office.post(`/api/v1/org-units/${id}/move`, { parentId: t.unit('C2'), version: 2 }),
      200,
    );
    expect(moved).toMatchObject({
      action: 'org_unit.move',
      before: { parentId: t.unit('C1') },
      after: { parentId: t.unit('C2') },
    });

    const [ended] = await change(
      () => office.post(`/api/v1/org-units/${id}/deactivate`, { activeTo: '2030-01-01', reason: 'Sáp nhập thôn' }),
      200,
    );
    expect(ended).toMatchObject({
      action: 'org_unit.deactivate',
      before: { activeTo: null },
      after: { activeTo: '2030-01-01' },
      reason: 'Sáp nhập thôn',
    });
  });

  it('refused changes write nothing', async () => {
    expect(
      await change(
        () => admin.post('/api/v1/org-units', { code: 'C1', name: 'Trùng', type: 'commune', parentId: t.unit('D1') }),
        409,
      ),
    ).toEqual([]);
    expect(
      await change(
        async () => (await t.as('rep_c1')).patch(`/api/v1/org-units/${t.unit('C1')}`, { name: 'x', version: 1 }),
        403,
      ),
    ).toEqual([]);
  });

  it('groups: create, edit, set members, delete', async () => {
    let id = '';
    const [created] = await change(async () => {
      const res = await admin.post('/api/v1/unit-groups', {
        code: 'G.AU',
        name: 'Nhóm kiểm toán',
        unitIds: [t.unit('C1')],
      });
      id = res.json().id;
      return res;
    }, 201);
    expect(created).toMatchObject({
      action: 'unit_group.create',
      objectId: id,
      after: { code: 'G.AU', memberCount: 1 },
    });
    const [edited] = await change(() => admin.patch(`/api/v1/unit-groups/${id}`, { name: 'Nhóm mới' }), 200);
    expect(edited).toMatchObject({
      action: 'unit_group.update',
      before: { name: 'Nhóm kiểm toán' },
      after: { name: 'Nhóm mới' },
    });
    const [members] = await change(
      () => admin.put(`/api/v1/unit-groups/${id}/members`, { unitIds: [t.unit('C2')] }),
      200,
    );
    expect(members).toMatchObject({
      action: 'unit_group.set_members',
      before: { unitIds: [t.unit('C1')] },
      after: { unitIds: [t.unit('C2')] },
    });
    const [deleted] = await change(() => admin.delete(`/api/v1/unit-groups/${id}`), 204);
    expect(deleted).toMatchObject({ action: 'unit_group.delete', before: { code: 'G.AU' }, after: null });
  });

  it('accounts: create, edit, role assigned and removed, own profile', async () => {
    let id = '';
    const [created] = await change(async () => {
      const res = await admin.post('/api/v1/users', {
        username: 'audited',
        fullName: 'Người Được Ghi',
        password: 'Matkhau2025',
      });
      id = res.json().id;
      return res;
    }, 201);
    expect(created).toMatchObject({
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      after: { username: 'audited', active: true },
    });
    const [edited] = await change(() => admin.patch(`/api/v1/users/${id}`, { fullName: 'Người Đã Sửa' }), 200);
    expect(edited).toMatchObject({
      action: 'user.update',
      before: { fullName: 'Người Được Ghi' },
      after: { fullName: 'Người Đã Sửa' },
    });
    let assignment = '';
    const [assigned] = await change(async () => {
      const res = await admin.post(`/api/v1/users/${id}/roles`, {
        role: 'viewer',
        unitId: t.unit('D1'),
        subtree: true,
      });
      assignment = res.json().id;
      return res;
    }, 201);
    expect(assigned).toMatchObject({
      action: 'role.assign',
      unitId: t.unit('D1'),
      after: { role: 'viewer', unitCode: 'D1', subtree: true },
    });
    const [removed] = await change(() => admin.delete(`/api/v1/users/${id}/roles/${assignment}`), 204);
    expect(removed).toMatchObject({ action: 'role.remove', before: { role: 'viewer', unitCode: 'D1' } });
    const [profile] = await change(
      async () => (await t.as('member')).patch('/api/v1/auth/profile', { phone: '0912345678' }),
      200,
    );
    expect(profile).toMatchObject({
      action: 'user.profile_update',
      actorName: 'member',
      after: { phone: '0912345678' },
    });
  });
});

describe('reading the log', () => {
  it('is newest first and filters by unit, actor, object type and date range', async () => {
    const all = await entries();
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
    const byUnit = await entries(`&unitId=${t.unit('D1')}`);
    expect(byUnit.total).toBeGreaterThan(0);
    expect(byUnit.items.every((e) => e.unitId === t.unit('D1'))).toBe(true);
    const byActor = await entries(`&actorId=${t.user('d1office')}`);
    expect(byActor.items.map((e) => e.action)).toEqual([
      'org_unit.deactivate',
      'org_unit.move',
      'org_unit.update',
      'org_unit.create',
    ]);
    const groups = await entries('&objectType=unit_group');
    expect(groups.items.every((e) => e.objectType === 'unit_group')).toBe(true);
    expect(groups.total).toBe(5); // G.XA from the fixture + the four changes above

    const today = todayInVietnam(new Date());
    const dayAfter = (d: string, n: number) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect((await entries(`&from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await entries(`&to=${dayAfter(today, -1)}`)).total).toBe(0);
    expect((await entries(`&from=${dayAfter(today, 1)}`)).total).toBe(0);
  });

  it('a district office reads only the entries about units of its district', async () => {
    const d1 = await t.as('d1office');
    const seen = await entries('', d1);
    expect(seen.total).toBeGreaterThan(0);
    const d1Subtree = new Set(
      (await d1.get('/api/v1/org-units'))
        .json()
        .items.filter((u: { abilities: { update: boolean } }) => u.abilities.update)
        .map((u: { id: string }) => u.id),
    );
    expect(seen.items.every((e) => e.unitId !== null && d1Subtree.has(e.unitId))).toBe(true);
    expect(seen.items.some((e) => e.actorName === 'admin' && e.action === 'role.assign')).toBe(true);
    expect(seen.total).toBeLessThan((await entries()).total);
  });

  it('paginates', async () => {
    const page2 = (await admin.get('/api/v1/audit?page=2&pageSize=3')).json();
    const first6 = (await entries()).items.slice(3, 6).map((e) => e.id);
    expect(page2).toMatchObject({ page: 2, pageSize: 3 });
    expect(page2.items.map((e: Entry) => e.id)).toEqual(first6);
  });
});

describe('the hash chain', () => {
  it('verifies intact, then reports the first tampered entry', async () => {
    const intact = await verifyAuditChain(t.database.db);
    expect(intact.ok).toBe(true);
    const all = await entries();
    expect(intact.entries).toBe(all.total);

    const victim = all.items[Math.floor(all.items.length / 2)]!.id;
    await t.database.db.execute(sql`update audit_log set reason = 'x' where id = ${victim}`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({
      ok: false,
      brokenAt: victim,
      reason: 'content_hash_mismatch',
    });
  });
});
