// Unit groups: the sets of units assessed and ranked together. Managed by system administrators and by
// the DX office that owns them; members must be units the manager reaches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
let d1office: Client;
let groupXa: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  d1office = await t.as('d1office');
  groupXa = (await admin.get('/api/v1/unit-groups')).json().items.find((g: { code: string }) => g.code === 'G.XA').id;
});
afterAll(() => t.close());

const memberCodes = async (c: Client, id: string) =>
  (await c.get(`/api/v1/unit-groups/${id}`)).json().members.map((m: { code: string }) => m.code);

describe('unit groups', () => {
  it('a system-wide group is read by DX offices and the council, managed only by administrators', async () => {
    const list = (await d1office.get('/api/v1/unit-groups')).json();
    expect(list.abilities.create).toBe(true);
    expect(list.items.find((g: { code: string }) => g.code === 'G.XA')).toMatchObject({
      memberCount: 3,
      abilities: { update: false, delete: false },
    });
    expect((await admin.get('/api/v1/unit-groups')).json().items[0].abilities).toEqual({ update: true, delete: true });
    const rep = (await (await t.as('rep_c1')).get('/api/v1/unit-groups')).json();
    expect(rep).toMatchObject({ items: [], total: 0, abilities: { create: false } });
  });

  it('members are shown only as far as the reader can see units (memberCount stays the full count)', async () => {
    expect(await memberCodes(admin, groupXa)).toEqual(['C1', 'C2', 'C3']);
    const seen = (await d1office.get(`/api/v1/unit-groups/${groupXa}`)).json();
    expect(seen.memberCount).toBe(3);
    expect(seen.members.map((m: { code: string }) => m.code)).toEqual(['C1', 'C2']);
  });

  it('a DX office creates a group it owns, with members in its subtree, and manages it', async () => {
    const res = await d1office.post('/api/v1/unit-groups', {
      code: 'G.D1',
      name: 'Các xã huyện Đức Thọ',
      description: 'Nhóm xếp hạng',
      unitIds: [t.unit('C2'), t.unit('C1')],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'G.D1', memberCount: 2, abilities: { update: true, delete: true } });
    const id = res.json().id;
    expect(await memberCodes(d1office, id)).toEqual(['C1', 'C2']);
    // the provincial office reaches D1, so it manages the group too
    expect(
      (await (await t.as('office')).get('/api/v1/unit-groups')).json().items.find((g: { id: string }) => g.id === id)
        .abilities.update,
    ).toBe(true);

    const renamed = await d1office.patch(`/api/v1/unit-groups/${id}`, { name: 'Xã Đức Thọ', description: null });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Xã Đức Thọ', description: null });

    const set = await d1office.put(`/api/v1/unit-groups/${id}/members`, { unitIds: [t.unit('C1')] });
    expect(set.statusCode).toBe(200);
    expect(set.json().memberCount).toBe(1);

    expect((await d1office.delete(`/api/v1/unit-groups/${id}`)).statusCode).toBe(204);
    expect((await d1office.get(`/api/v1/unit-groups/${id}`)).statusCode).toBe(404);
    const actions = (await admin.get(`/api/v1/audit?objectId=${id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['unit_group.delete', 'unit_group.set_members', 'unit_group.update', 'unit_group.create']);
  });

  it('refuses members outside the actor’s reach with 403, on create and on set members', async () => {
    const create = await d1office.post('/api/v1/unit-groups', {
      code: 'G.FAR',
      name: 'Xa',
      unitIds: [t.unit('C1'), t.unit('C3')],
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    expect(create.json().error.message).not.toContain('C3');
    const own = (await d1office.post('/api/v1/unit-groups', { code: 'G.NEAR', name: 'Gần' })).json().id;
    const set = await d1office.put(`/api/v1/unit-groups/${own}/members`, { unitIds: [t.unit('C3')] });
    expect(set.statusCode).toBe(403);
    // context units (readable, not managed) are refused too, and name themselves
    const context = await d1office.put(`/api/v1/unit-groups/${own}/members`, { unitIds: [t.unit('P')] });
    expect(context.statusCode).toBe(403);
    expect(context.json().error.message).toContain('P');
    expect(
      (await admin.get('/api/v1/unit-groups')).json().items.some((g: { code: string }) => g.code === 'G.FAR'),
    ).toBe(false);
  });

  it('a member that does not exist → 404; a code taken → 409 GROUP_CODE_TAKEN', async () => {
    const res = await admin.post('/api/v1/unit-groups', {
      code: 'G.GHOST',
      name: 'Ma',
      unitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(404);
    const taken = await admin.post('/api/v1/unit-groups', { code: 'G.XA', name: 'Trùng' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('GROUP_CODE_TAKEN');
  });

  it('a DX office cannot change a group it only reads (403); a reporter holds no role that changes groups (403 at the gate)', async () => {
    expect((await d1office.patch(`/api/v1/unit-groups/${groupXa}`, { name: 'x' })).statusCode).toBe(403);
    expect((await d1office.put(`/api/v1/unit-groups/${groupXa}/members`, { unitIds: [] })).statusCode).toBe(403);
    expect((await d1office.delete(`/api/v1/unit-groups/${groupXa}`)).statusCode).toBe(403);
    expect((await (await t.as('rep_c1')).patch(`/api/v1/unit-groups/${groupXa}`, { name: 'x' })).statusCode).toBe(403);
    expect(await memberCodes(admin, groupXa)).toEqual(['C1', 'C2', 'C3']);
  });

  it('validates names and codes', async () => {
    expect((await admin.post('/api/v1/unit-groups', { code: 'G.EMPTY', name: '  ' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/unit-groups', { code: 'nhóm có dấu', name: 'x' })).statusCode).toBe(400);
  });
});
