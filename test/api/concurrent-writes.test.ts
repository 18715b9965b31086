// Simultaneous writes that collide on a unique code or username answer 409 with the stable code — never
// a 500 — however the database serialises them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();
const codes = (responses: { statusCode: number; json(): { error?: { code: string } } }[]) => [
  ...new Set(responses.filter((r) => r.statusCode >= 400).map((r) => r.json().error?.code)),
];

describe('concurrent creates of the same key', () => {
  it('units: one 201, the rest 409 UNIT_CODE_TAKEN', async () => {
    const rs = await Promise.all(
      Array.from({ length: 6 }, () =>
        admin.post('/api/v1/org-units', { code: 'RACE1', name: 'Đua', type: 'other', parentId: t.unit('P') }),
      ),
    );
    expect(statuses(rs)).toEqual([201, 409, 409, 409, 409, 409]);
    expect(codes(rs)).toEqual(['UNIT_CODE_TAKEN']);
  });

  it('groups: one 201, the rest 409 GROUP_CODE_TAKEN', async () => {
    const rs = await Promise.all(
      Array.from({ length: 6 }, () => admin.post('/api/v1/unit-groups', { code: 'G.RACE', name: 'Đua' })),
    );
    expect(statuses(rs)).toEqual([201, 409, 409, 409, 409, 409]);
    expect(codes(rs)).toEqual(['GROUP_CODE_TAKEN']);
  });

  it('accounts: one 201, the rest 409 USERNAME_TAKEN', async () => {
    const rs = await Promise.all(
      Array.from({ length: 4 }, () =>
        admin.post('/api/v1/users', { username: 'race.user', fullName: 'Đua', password: 'Matkhau2025' }),
      ),
    );
    expect(statuses(rs)).toEqual([201, 409, 409, 409]);
    expect(codes(rs)).toEqual(['USERNAME_TAKEN']);
  });

  it('role assignments: one 201, the rest 409 ROLE_ALREADY_ASSIGNED', async () => {
    const id = (
      await admin.post('/api/v1/users', { username: 'race.roles', fullName: 'Đua', password: 'Matkhau2025' })
    ).json().id;
    const rs = await Promise.all(
      Array.from({ length: 4 }, () =>
        admin.post(`/api/v1/users/${id}/roles`, { role: 'viewer', unitId: t.unit('C1'), subtree: false }),
      ),
    );
    expect(statuses(rs)).toEqual([201, 409, 409, 409]);
    expect(codes(rs)).toEqual(['ROLE_ALREADY_ASSIGNED']);
  });
});
