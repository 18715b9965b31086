// Organisation units through the API: who sees which part of the tree, search, details with lineage,
// and the rules of create / edit / move / deactivate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

interface Unit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  version: number;
  activeTo: string | null;
  abilities: Record<string, boolean>;
}
const codes = (items: Unit[]) => items.map((u) => u.code);
const list = async (who: string) =>
  (await (await t.as(who)).get('/api/v1/org-units')).json() as { items: Unit[]; abilities: { create: boolean } };
const get = async (c: Client, code: string) => (await c.get(`/api/v1/org-units/${t.unit(code)}`)).json();
const auditOf = async (objectId: string) => (await admin.get(`/api/v1/audit?objectId=${objectId}`)).json().items;

const HOSTILE = ["'; drop table org_units; --", '<script>alert(1)</script>', '" OR 1=1'];

describe('the visible tree', () => {
  it('a system administrator sees every unit, in natural code order, and may create roots', async () => {
    const { items, abilities } = await list('admin');
    expect(codes(items)).toEqual(['C1', 'C2', 'C3', 'D1', 'D2', 'P', 'S1', 'X1']);
    expect(abilities.create).toBe(true);
    expect(items.every((u) => u.abilities.update && u.abilities.move)).toBe(true);
  });

  it('a district DX office sees its subtree and the province above it as context, nothing of the other district', async () => {
    const { items, abilities } = await list('d1office');
    expect(codes(items)).toEqual(['C1', 'C2', 'D1', 'P']);
    expect(abilities.create).toBe(false);
    const by = new Map(items.map((u) => [u.code, u.abilities]));
    expect(by.get('P')).toEqual({ update: false, move: false, deactivate: false, createChild: false });
    for (const code of ['D1', 'C1', 'C2'])
      expect(by.get(code)).toEqual({ update: true, move: true, deactivate: true, createChild: true });
  });

  it('a commune reporter sees its commune and its ancestors, and may change none of them', async () => {
    const { items } = await list('rep_c1');
    expect(codes(items)).toEqual(['C1', 'D1', 'P']);
    expect(items.every((u) => Object.values(u.abilities).every((a) => a === false))).toBe(true);
  });

  it('an account without roles sees an empty tree', async () => {
    expect((await list('norole')).items).toEqual([]);
  });

  it('the two-level structure (commune directly under the province) and the three-level one coexist', async () => {
    const { items } = await list('admin');
    const by = new Map(items.map((u) => [u.code, u]));
    expect(by.get('X1')!.parentId).toBe(t.unit('P'));
    expect(by.get('C1')!.parentId).toBe(t.unit('D1'));
    expect(by.get('D1')!.parentId).toBe(t.unit('P'));
  });
});

describe('search', () => {
  it('ignores diacritics and case: "duc dong" finds "Xã Đức Đồng" and "Xã Đức Đồng Mới"', async () => {
    const res = await admin.get('/api/v1/org-units/search?q=duc%20dong');
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(codes(res.json().items)).toEqual(['C1', 'X1']);
  });

  it('accepts Vietnamese input with diacritics, in NFD too', async () => {
    const q = encodeURIComponent('SƠN TÂY'.normalize('NFD'));
    expect(codes((await admin.get(`/api/v1/org-units/search?q=${q}`)).json().items)).toEqual(['C3']);
  });

  it('finds by code', async () => {
    expect(codes((await admin.get('/api/v1/org-units/search?q=c3')).json().items)).toEqual(['C3']);
  });

  it('stays within the caller’s scope', async () => {
    const d1 = await t.as('d1office');
    expect((await d1.get('/api/v1/org-units/search?q=son%20tay')).json().total).toBe(0);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    expect((await admin.get('/api/v1/org-units/search?q=%25')).json().total).toBe(0);
    expect((await admin.get('/api/v1/org-units/search?q=_')).json().total).toBe(0);
  });
});

describe('one unit', () => {
  it('shows its path from the root, its groups and its abilities', async () => {
    const c1 = await get(admin, 'C1');
    expect(c1.path.map((p: { code: string }) => p.code)).toEqual(['P', 'D1', 'C1']);
    expect(c1.groups.map((g: { code: string }) => g.code)).toEqual(['G.XA']);
    expect(c1.abilities.update).toBe(true);
  });

  it('shows lineage: X1 was formed from C1 and C2, and C1’s successor is X1', async () => {
    const x1 = await get(admin, 'X1');
    expect(x1.lineage.predecessors.map((p: { code: string }) => p.code).sort()).toEqual(['C1', 'C2']);
    expect(x1.lineage.predecessors[0].effectiveDate).toBe('2025-07-01');
    const c1 = await get(admin, 'C1');
    expect(c1.lineage.successors.map((s: { code: string }) => s.code)).toEqual(['X1']);
  });

  it('is 404 outside the caller’s reach, and 400 for an id that is not a uuid', async () => {
    const d1 = await t.as('d1office');
    expect((await d1.get(`/api/v1/org-units/${t.unit('C3')}`)).statusCode).toBe(404);
    expect((await d1.get('/api/v1/org-units/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('create', () => {
  it('creates a unit (201) and writes one audit entry', async () => {
    const office = await t.as('d1office');
    const res = await office.post('/api/v1/org-units', {
      code: 'C1.T1',
      name: 'Thôn Một',
      type: 'other',
      parentId: t.unit('C1'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'C1.T1',
      name: 'Thôn Một',
      parentId: t.unit('C1'),
      version: 1,
      active: true,
    });
    const audit = await auditOf(res.json().id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'org_unit.create',
      actorName: 'd1office',
      actorId: t.user('d1office'),
      before: null,
    });
    expect(audit[0].after).toMatchObject({ code: 'C1.T1', name: 'Thôn Một' });
  });

  it('records the units a new one was formed from, but only units the caller can see (else 404, nothing created)', async () => {
    const office = await t.as('d1office');
    const ok = await office.post('/api/v1/org-units', {
      code: 'D1.M1',
      name: 'Xã Hợp Nhất',
      type: 'commune',
      parentId: t.unit('D1'),
      formedFrom: { unitIds: [t.unit('C1'), t.unit('C2')], effectiveDate: '2025-07-01' },
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await office.get(`/api/v1/org-units/${ok.json().id}`))
        .json()
        .lineage.predecessors.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['C1', 'C2']);
    const far = await office.post('/api/v1/org-units', {
      code: 'D1.M2',
      name: 'Xã Lấn Sang',
      type: 'commune',
      parentId: t.unit('D1'),
      formedFrom: { unitIds: [t.unit('C3')], effectiveDate: '2025-07-01' },
    });
    expect(far.statusCode).toBe(404);
    expect((await admin.get('/api/v1/org-units/search?q=D1.M2')).json().total).toBe(0);
  });

  it('refuses a code already taken with 409 UNIT_CODE_TAKEN', async () => {
    const res = await admin.post('/api/v1/org-units', {
      code: 'C1',
      name: 'Trùng mã',
      type: 'commune',
      parentId: t.unit('D1'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UNIT_CODE_TAKEN');
  });

  it('stores a name typed in NFD as NFC', async () => {
    const nfd = 'Phường Hà Huy Tập'.normalize('NFD');
    const res = await admin.post('/api/v1/org-units', {
      code: 'NFD1',
      name: nfd,
      type: 'commune',
      parentId: t.unit('P'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Phường Hà Huy Tập'.normalize('NFC'));
    expect((await admin.get('/api/v1/org-units/search?q=ha%20huy%20tap')).json().total).toBe(1);
  });

  it('refuses an empty name and a 10,000-character name with 400 VALIDATION_FAILED in Vietnamese', async () => {
    for (const name of ['', '   ', 'x'.repeat(10_000)]) {
      const res = await admin.post('/api/v1/org-units', { code: 'BAD1', name, type: 'commune', parentId: t.unit('P') });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.issues[0].path).toMatch(/name/);
      expect(res.json().error.message).toMatch(/Tên đơn vị/);
    }
  });

  it('explains missing fields and wrong types in Vietnamese too', async () => {
    const res = await admin.post('/api/v1/org-units', { code: 'BAD2', type: 'planet', parentId: t.unit('P') });
    expect(res.statusCode).toBe(400);
    const messages = res
      .json()
      .error.details.issues.map((i: { message: string }) => i.message)
      .join(' ');
    expect(messages).not.toMatch(/Invalid|expected|received/);
    expect(messages).toMatch(/Loại đơn vị không hợp lệ/);
  });

  it('refuses SQL and HTML metacharacters in a code (codes are restricted) with 400', async () => {
    for (const code of HOSTILE) {
      const res = await admin.post('/api/v1/org-units', { code, name: 'x', type: 'other', parentId: t.unit('P') });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('stores SQL and HTML metacharacters in names verbatim and returns them as plain JSON strings', async () => {
    for (const [i, name] of HOSTILE.entries()) {
      const res = await admin.post('/api/v1/org-units', {
        code: `HOSTILE${i}`,
        name,
        type: 'other',
        parentId: t.unit('P'),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().name).toBe(name);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect((await admin.get(`/api/v1/org-units/${res.json().id}`)).json().name).toBe(name);
    }
    expect(codes((await list('admin')).items)).toContain('P');
  });
});

describe('edit', () => {
  it('updates with the current version and answers 409 VERSION_CONFLICT with the current values for a stale one', async () => {
    const c2 = await get(admin, 'C2');
    const ok = await admin.patch(`/api/v1/org-units/${c2.id}`, { name: 'Xã Đức Lạng (mới)', version: c2.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(c2.version + 1);
    const stale = await admin.patch(`/api/v1/org-units/${c2.id}`, { name: 'Lỗi thời', version: c2.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({ name: 'Xã Đức Lạng (mới)', version: c2.version + 1 });
    const audit = await auditOf(c2.id);
    expect(audit[0]).toMatchObject({
      action: 'org_unit.update',
      before: { name: 'Xã Đức Lạng' },
      after: { name: 'Xã Đức Lạng (mới)' },
    });
  });

  it('refuses to take another unit’s code', async () => {
    const c2 = await get(admin, 'C2');
    const res = await admin.patch(`/api/v1/org-units/${c2.id}`, { code: 'C3', version: c2.version });
    expect(res.json().error.code).toBe('UNIT_CODE_TAKEN');
  });
});

describe('move', () => {
  it('refuses a move under the unit’s own descendant (or itself) with 400 MOVE_INTO_DESCENDANT', async () => {
    const d1 = await get(admin, 'D1');
    for (const target of ['C1', 'D1']) {
      const res = await admin.post(`/api/v1/org-units/${d1.id}/move`, {
        parentId: t.unit(target),
        version: d1.version,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('MOVE_INTO_DESCENDANT');
    }
  });

  it('moves a whole subtree: descendants follow, and the district office still manages its communes', async () => {
    const d1 = await get(admin, 'D1');
    const res = await admin.post(`/api/v1/org-units/${d1.id}/move`, { parentId: t.unit('S1'), version: d1.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().parentId).toBe(t.unit('S1'));
    expect((await get(admin, 'C1')).path.map((p: { code: string }) => p.code)).toEqual(['P', 'S1', 'D1', 'C1']);
    const d1office = await t.as('d1office');
    const c1 = await get(d1office, 'C1');
    expect(c1.abilities.update).toBe(true);
    expect(codes((await list('d1office')).items)).toEqual(expect.arrayContaining(['P', 'S1', 'D1', 'C1', 'C2']));
    expect(codes((await list('rep_c1')).items)).toEqual(['C1', 'D1', 'P', 'S1']);
    // and back again
    const back = await admin.post(`/api/v1/org-units/${d1.id}/move`, {
      parentId: t.unit('P'),
      version: res.json().version,
    });
    expect(back.statusCode).toBe(200);
    expect((await get(admin, 'C1')).path.map((p: { code: string }) => p.code)).toEqual(['P', 'D1', 'C1']);
    expect((await auditOf(d1.id)).filter((e: { action: string }) => e.action === 'org_unit.move')).toHaveLength(2);
  });

  it('a district office cannot move its commune out of its district (403), nor to a unit it cannot see (404)', async () => {
    const office = await t.as('d1office');
    const c2 = await get(office, 'C2');
    expect(
      (await office.post(`/api/v1/org-units/${c2.id}/move`, { parentId: t.unit('P'), version: c2.version })).statusCode,
    ).toBe(403);
    expect(
      (await office.post(`/api/v1/org-units/${c2.id}/move`, { parentId: t.unit('D2'), version: c2.version }))
        .statusCode,
    ).toBe(404);
  });
});

describe('deactivate', () => {
  it('requires a reason', async () => {
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await admin.post(`/api/v1/org-units/${t.unit('C3')}/deactivate`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('ends the unit’s activity and records the reason verbatim, metacharacters included', async () => {
    const reason = HOSTILE.join(' ');
    const res = await admin.post(`/api/v1/org-units/${t.unit('C3')}/deactivate`, { activeTo: '2025-06-30', reason });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ activeTo: '2025-06-30', active: false });
    const [entry] = await auditOf(t.unit('C3'));
    expect(entry).toMatchObject({ action: 'org_unit.deactivate', reason, after: { activeTo: '2025-06-30' } });
  });
});

describe('other text fields keep metacharacters verbatim', () => {
  it('user full names', async () => {
    for (const [i, fullName] of HOSTILE.entries()) {
      const res = await admin.post('/api/v1/users', { username: `hostile${i}`, fullName, password: 'Matkhau123' });
      expect(res.statusCode).toBe(201);
      expect(res.json().fullName).toBe(fullName);
      expect((await admin.get(`/api/v1/users/${res.json().id}`)).json().fullName).toBe(fullName);
    }
  });

  it('group names and descriptions', async () => {
    for (const [i, text] of HOSTILE.entries()) {
      const res = await admin.post('/api/v1/unit-groups', { code: `GH${i}`, name: text, description: text });
      expect(res.statusCode).toBe(201);
      expect((await admin.get(`/api/v1/unit-groups/${res.json().id}`)).json()).toMatchObject({
        name: text,
        description: text,
      });
    }
  });
});
