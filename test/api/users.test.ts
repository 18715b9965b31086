// Accounts through the API: who sees and manages whom, passwords and sessions, roles, import, own profile.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/fixtures.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

interface User {
  id: string;
  username: string;
  roles: { id: string; role: string; unitCode: string }[];
  abilities: Record<string, boolean>;
}
const usernames = (items: User[]) => items.map((u) => u.username);
const listAs = async (c: Client, q = '') =>
  (await c.get(`/api/v1/users?pageSize=500${q ? `&q=${encodeURIComponent(q)}` : ''}`)).json() as {
    items: User[];
    total: number;
    abilities: { create: boolean };
  };
const freshLogin = async (username: string, password = PASSWORD) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  return { status: res.statusCode, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
};
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
async function createAccount(c: Client, username: string, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/users', {
    username,
    fullName: `Cán bộ ${username}`,
    password: 'Matkhau2025',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as User;
}

describe('who sees which accounts', () => {
  it('the provincial DX office sees every account within the province except system administrators and role-less accounts it did not create', async () => {
    const { items, abilities } = await listAs(await t.as('office'));
    expect(usernames(items)).toEqual([
      'chair',
      'd1office',
      'lead_c1',
      'member',
      'office',
      'rep_c1',
      'rep_c3',
      'support',
      'viewer',
    ]);
    expect(abilities.create).toBe(true);
    const own = items.find((u) => u.username === 'office')!;
    expect(own.abilities).toEqual({ update: false, assignRoles: false, deactivate: false });
    expect(items.find((u) => u.username === 'rep_c3')!.abilities).toEqual({
      update: true,
      assignRoles: true,
      deactivate: true,
    });
  });

  it('a district DX office sees the accounts of its district, not rep_c3, the administrator, nor a role-less account someone else created', async () => {
    const { items } = await listAs(await t.as('d1office'));
    expect(usernames(items)).toEqual(['d1office', 'lead_c1', 'rep_c1']);
  });

  it('anyone else sees only their own account, and cannot create accounts', async () => {
    const { items, abilities } = await listAs(await t.as('rep_c1'));
    expect(usernames(items)).toEqual(['rep_c1']);
    expect(abilities.create).toBe(false);
  });

  it('searches by name without diacritics and by username', async () => {
    expect(usernames((await listAs(admin, 'NGUOI DUNG rep')).items)).toEqual(['rep_c1', 'rep_c3']);
  });

  it('never returns a password hash', async () => {
    const res = await admin.get('/api/v1/users?pageSize=500');
    expect(res.body).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});

describe('create and edit', () => {
  it('creates an account (201) with an audit entry that holds no password', async () => {
    const res = await (
      await t.as('d1office')
    ).post('/api/v1/users', {
      username: 'Can.Bo1',
      fullName: 'Nguyễn Văn A',
      email: 'a@ductho.gov.vn',
      password: 'Matkhau2025',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'can.bo1', fullName: 'Nguyễn Văn A', active: true, roles: [] });
    expect(res.body).not.toMatch(/argon2|Matkhau2025/);
    const audit = (await admin.get(`/api/v1/audit?objectId=${res.json().id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|Matkhau2025/);
  });

  it('refuses a taken username (any case) with 409 USERNAME_TAKEN and a weak password with 400 WEAK_PASSWORD', async () => {
    const taken = await admin.post('/api/v1/users', { username: 'REP_C1', fullName: 'X', password: 'Matkhau2025' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USERNAME_TAKEN');
    for (const password of ['short1', 'chiconchu', '12345678901']) {
      const weak = await admin.post('/api/v1/users', { username: 'weakling', fullName: 'X', password });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    }
  });

  it('updates profile fields and refuses an invalid e-mail', async () => {
    const u = await createAccount(admin, 'edit.me');
    const res = await admin.patch(`/api/v1/users/${u.id}`, { fullName: 'Trần Thị B', phone: '0912 345 678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Trần Thị B', phone: '0912 345 678' });
    const bad = await admin.patch(`/api/v1/users/${u.id}`, { email: 'không-phải-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Email không hợp lệ/);
  });

  it('a password reset by an administrator ends every session of that user', async () => {
    await createAccount(admin, 'reset.me');
    const session = await freshLogin('reset.me', 'Matkhau2025');
    expect((await me(session.cookie)).statusCode).toBe(200);
    const id = (await listAs(admin, 'reset.me')).items[0]!.id;
    const res = await admin.patch(`/api/v1/users/${id}`, { password: 'Matkhaumoi2026' });
    expect(res.statusCode).toBe(200);
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await freshLogin('reset.me', 'Matkhau2025')).status).toBe(401);
    expect((await freshLogin('reset.me', 'Matkhaumoi2026')).status).toBe(200);
    const audit = (await admin.get(`/api/v1/audit?objectId=${id}`)).json().items;
    expect(audit[0].action).toBe('user.update_with_password_reset');
    expect(JSON.stringify(audit)).not.toMatch(/Matkhaumoi2026|argon2/);
  });

  it('deactivating ends the sessions and blocks login; reactivating lets the user back in', async () => {
    const u = await createAccount(admin, 'leaving', { roles: [{ role: 'viewer', unitId: t.unit('C1') }] });
    const session = await freshLogin('leaving', 'Matkhau2025');
    const res = await (await t.as('office')).patch(`/api/v1/users/${u.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await freshLogin('leaving', 'Matkhau2025')).status).toBe(401);
    await admin.patch(`/api/v1/users/${u.id}`, { active: true });
    expect((await freshLogin('leaving', 'Matkhau2025')).status).toBe(200);
  });

  it('a DX office cannot edit an account holding roles outside its subtree (404: it cannot see it)', async () => {
    const d1 = await t.as('d1office');
    expect((await d1.patch(`/api/v1/users/${t.user('rep_c3')}`, { fullName: 'X' })).statusCode).toBe(404);
    expect((await d1.patch(`/api/v1/users/${t.user('admin')}`, { active: false })).statusCode).toBe(404);
    expect((await (await t.as('office')).patch(`/api/v1/users/${t.user('admin')}`, { active: false })).statusCode).toBe(
      404,
    );
  });
});

describe('roles', () => {
  it('assigns a role (201), refuses the same role twice (409), removes it (204), each audited', async () => {
    const d1 = await t.as('d1office');
    const u = await createAccount(d1, 'role.holder');
    const res = await d1.post(`/api/v1/users/${u.id}/roles`, {
      role: 'unit_reporter',
      unitId: t.unit('C2'),
      subtree: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'unit_reporter',
      unitId: t.unit('C2'),
      unitCode: 'C2',
      unitName: 'Xã Đức Lạng',
      subtree: false,
    });
    const again = await d1.post(`/api/v1/users/${u.id}/roles`, {
      role: 'unit_reporter',
      unitId: t.unit('C2'),
      subtree: false,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ROLE_ALREADY_ASSIGNED');
    const removed = await d1.delete(`/api/v1/users/${u.id}/roles/${res.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await d1.get(`/api/v1/users/${u.id}`)).json().roles).toEqual([]);
    expect((await d1.delete(`/api/v1/users/${u.id}/roles/${res.json().id}`)).statusCode).toBe(404);
    const actions = (await admin.get(`/api/v1/audit?objectId=${u.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['role.remove', 'role.assign', 'user.create']);
  });

  it('a DX office never grants system_admin (403), even in its own subtree', async () => {
    const u = await createAccount(await t.as('office'), 'would.be.admin');
    const res = await (
      await t.as('office')
    ).post(`/api/v1/users/${u.id}/roles`, { role: 'system_admin', unitId: t.unit('C1'), subtree: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('a district DX office granting on a unit it cannot see gets 404, on a unit it only sees as context 403', async () => {
    const d1 = await t.as('d1office');
    const u = await createAccount(d1, 'granted');
    expect(
      (await d1.post(`/api/v1/users/${u.id}/roles`, { role: 'viewer', unitId: t.unit('C3'), subtree: false }))
        .statusCode,
    ).toBe(404);
    expect(
      (await d1.post(`/api/v1/users/${u.id}/roles`, { role: 'viewer', unitId: t.unit('P'), subtree: false }))
        .statusCode,
    ).toBe(403);
  });

  it('once an account holds a role outside the district, the district office no longer sees it', async () => {
    const d1 = await t.as('d1office');
    const u = await createAccount(d1, 'moved.on', { roles: [{ role: 'viewer', unitId: t.unit('C1') }] });
    expect((await d1.get(`/api/v1/users/${u.id}`)).statusCode).toBe(200);
    await admin.post(`/api/v1/users/${u.id}/roles`, { role: 'viewer', unitId: t.unit('C3'), subtree: false });
    expect((await d1.get(`/api/v1/users/${u.id}`)).statusCode).toBe(404);
  });
});

describe('import', () => {
  const HEADER = ['Tên đăng nhập', 'Họ và tên', 'Email', 'Điện thoại', 'Mật khẩu', 'Vai trò', 'Mã đơn vị'];
  async function workbook(rows: string[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tài khoản');
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('creates the accounts with their roles; a second row for the same username adds a role', async () => {
    const file = await workbook([
      ['nhap.a', 'Lê Văn A', 'a@x.vn', '0912345678', 'Matkhau2025', 'Cán bộ nhập liệu', 'C1'],
      ['nhap.a', 'Lê Văn A', 'a@x.vn', '0912345678', 'Matkhau2025', 'Lãnh đạo đơn vị', 'C2'],
      ['nhap.b', 'Phạm Thị B', '', '', 'Matkhau2026', '', ''],
    ]);
    const res = await (await t.as('d1office')).upload('/api/v1/users/import', 'tai-khoan.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const a = (await listAs(admin, 'nhap.a')).items[0]!;
    expect(a.roles.map((r) => `${r.role}@${r.unitCode}`).sort()).toEqual(['unit_leader@C2', 'unit_reporter@C1']);
    expect((await freshLogin('nhap.b', 'Matkhau2026')).status).toBe(200);
  });

  it('is all or nothing: every problem is reported with its row and column, and no account is created', async () => {
    const before = (await listAs(admin)).total;
    const file = await workbook([
      ['ok.user', 'Hợp Lệ', '', '', 'Matkhau2025', '', ''],
      ['rep_c1', 'Trùng', '', '', 'Matkhau2025', '', ''],
      ['weak.user', 'Yếu', '', '', 'abc', '', ''],
      ['far.user', 'Xa', '', '', 'Matkhau2025', 'Người xem', 'C3'],
      ['bad.role', 'Vai Lạ', '', '', 'Matkhau2025', 'Hoàng đế', 'C1'],
      ['admin.wannabe', 'Tham Vọng', '', '', 'Matkhau2025', 'Quản trị hệ thống', 'C1'],
    ]);
    const res = await (await t.as('d1office')).upload('/api/v1/users/import', 'tai-khoan.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    // Every problem in one report (issue 17): the unknown role read from the file and the clashes with
    // the database of the other rows; it used to take a second upload to see the latter.
    const problems = res.json().error.details.problems as { row: number; column: string; message: string }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Tên đăng nhập'],
      [4, 'Mật khẩu'],
      [5, 'Mã đơn vị'],
      [6, 'Vai trò'],
      [7, 'Vai trò'],
    ]);
    expect(problems[2]!.message).toBe('Không tìm thấy đơn vị có mã "C3".');
    expect((await listAs(admin)).total).toBe(before);
  });
});

describe('own profile', () => {
  it('PATCH /auth/profile changes the caller’s own name (stored NFC), e-mail and phone, and returns Me', async () => {
    const viewer = await t.as('viewer');
    const res = await viewer.patch('/api/v1/auth/profile', {
      fullName: ' Đỗ Thị Hương '.normalize('NFD'),
      email: 'huong@ht.gov.vn',
      phone: '0239 3855 555',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      username: 'viewer',
      fullName: 'Đỗ Thị Hương',
      email: 'huong@ht.gov.vn',
      phone: '0239 3855 555',
    });
    expect(res.json().csrfToken).toBe(viewer.csrf);
    expect((await viewer.patch('/api/v1/auth/profile', { email: 'sai' })).statusCode).toBe(400);
    expect((await viewer.patch('/api/v1/auth/profile', { fullName: '' })).statusCode).toBe(400);
    const audit = (await admin.get(`/api/v1/audit?objectId=${t.user('viewer')}`)).json().items;
    expect(audit[0]).toMatchObject({
      action: 'user.profile_update',
      actorName: 'viewer',
      after: { fullName: 'Đỗ Thị Hương' },
    });
  });
});
