// Issue 11, finding 6: API tokens have one scope and an expiry, are revoked when their owner's password
// changes or is reset, the owner is disabled or loses the role the scope needs, and can never manage
// tokens or accounts — not even a system administrator's token.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { hashToken } from '../../src/db/queries/sessions.ts';
import { roleAssignments, users } from '../../src/db/schema/accounts.ts';
import { apiTokens } from '../../src/db/schema/supply.ts';
import { bearer, issueToken } from '../support/bearer.ts';
import { type CampaignIds, addAccount, createOpenCampaign } from '../support/campaign-fixture.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let ids: CampaignIds;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-01T03:00:00Z') });
  ids = await createOpenCampaign(t);
});
afterAll(() => t.close());

const figures = () => ({
  url: `/api/v1/campaigns/${ids.campaignId}/figures`,
  body: { source: 'Hệ thống một cửa', figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } }] },
});
const tokenRow = async (id: string) => (await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
let n = 0;
const supplier = () => addAccount(t, `mot-cua-${++n}`, 'data_supplier', 'P', true);

describe('a token never manages accounts or tokens', () => {
  it('even the system administrator’s own token: every account, role, token, password and audit route → 403, nothing changes', async () => {
    const { token } = await issueToken(t, t.user('admin'), 'Tích hợp của quản trị');
    const b = bearer(t, token);
    const attempts = [
      await b.get('/api/v1/users'),
      await b.post('/api/v1/users', { username: 'tao.boi.token', fullName: 'Tạo bởi mã', password: 'Matkhau2026' }),
      await b.patch(`/api/v1/users/${t.user('rep_c1')}`, { password: 'Chiemquyen2026' }),
      await b.post(`/api/v1/users/${t.user('rep_c1')}/roles`, {
        role: 'dx_office',
        unitId: t.unit('P'),
        subtree: true,
      }),
      await b.get(`/api/v1/users/${t.user('admin')}/tokens`),
      await b.post(`/api/v1/users/${t.user('admin')}/tokens`, { name: 'mã con', scope: 'figures:write' }),
      await b.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Matkhaumoi2026' }),
      await b.patch('/api/v1/auth/profile', { phone: '0912 345 678' }),
      await b.get('/api/v1/audit'),
      await b.post('/api/v1/org-units', { code: 'TK1', name: 'Đơn vị bởi mã', type: 'other', parentId: t.unit('P') }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(attempts.length).fill(403));
    expect(attempts[0]!.json().error).toMatchObject({ code: 'FORBIDDEN', details: { tokenScope: 'figures:write' } });
    expect(await t.database.db.select().from(users).where(eq(users.username, 'tao.boi.token'))).toEqual([]);
    expect(
      (
        await t.database.db
          .select()
          .from(apiTokens)
          .where(eq(apiTokens.userId, t.user('admin')))
      ).length,
    ).toBe(1);
    // …while its scope works: supplying figures, and knowing who it is.
    expect((await b.post(figures().url, figures().body)).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('each scope reaches its own routes only', async () => {
    const writer = bearer(t, (await issueToken(t, await supplier())).token);
    expect((await writer.get(`/api/v1/campaigns/${ids.campaignId}`)).statusCode).toBe(200);
    expect((await writer.get('/api/v1/dashboards/overview')).statusCode).toBe(403);
    expect((await writer.get(`/api/v1/assessments/${ids.assessments.C1}`)).statusCode).toBe(403);
    const reader = bearer(t, (await issueToken(t, t.user('viewer'), 'Cổng báo cáo tỉnh', 'results:read')).token);
    expect((await reader.get('/api/v1/dashboards/overview')).statusCode).toBe(200);
    expect((await reader.get(`/api/v1/campaigns/${ids.campaignId}`)).statusCode).toBe(200);
    expect((await reader.post(figures().url, figures().body)).statusCode).toBe(403);
  });
});

describe('issuing: a scope the owner holds a role for, and an expiry', () => {
  it('the scope is required; one the account holds no role for is refused (422); scope and expiry are listed', async () => {
    const admin = await t.as('admin');
    const url = `/api/v1/users/${t.user('viewer')}/tokens`;
    expect((await admin.post(url, { name: 'không phạm vi' })).statusCode).toBe(400);
    const notHeld = await admin.post(url, { name: 'Gửi số liệu', scope: 'figures:write' });
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().error.code).toBe('TOKEN_SCOPE_NOT_HELD');
    const before = Date.now();
    const made = await admin.post(url, { name: 'Đọc kết quả', scope: 'results:read' });
    expect(made.statusCode).toBe(201);
    const days = (Date.parse(made.json().expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);
    const list = (await admin.get(url)).json();
    expect(list.items.find((i: { id: string }) => i.id === made.json().id)).toMatchObject({
      scope: 'results:read',
      expiresAt: made.json().expiresAt,
      active: true,
      revokedReason: null,
    });
    expect(list).toMatchObject({
      defaultDays: 90,
      maxDays: 365,
      scopes: [
        { scope: 'figures:write', available: false },
        { scope: 'results:read', available: true },
      ],
    });
  });

  it('up to the maximum lifetime; beyond it is refused with its limit named, not shortened', async () => {
    const admin = await t.as('admin');
    const url = `/api/v1/users/${await supplier()}/tokens`;
    expect((await admin.post(url, { name: 'Một năm', scope: 'figures:write', expiresInDays: 365 })).statusCode).toBe(
      201,
    );
    const tooLong = await admin.post(url, { name: 'Quá dài', scope: 'figures:write', expiresInDays: 366 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('365 ngày');
  });

  it('an expired token → 401 and is listed as no longer active', async () => {
    const owner = await supplier();
    const { id, token } = await issueToken(t, owner);
    expect((await bearer(t, token).post(figures().url, figures().body)).statusCode).toBe(200);
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, id));
    const res = await bearer(t, token).post(figures().url, figures().body);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/hết hạn/);
    expect((await (await t.as('admin')).get(`/api/v1/users/${owner}/tokens`)).json().items[0]).toMatchObject({
      id,
      active: false,
      revokedAt: null,
    });
  });
});

describe('revoked automatically', () => {
  it('when the owner changes their password', async () => {
    const owner = await supplier();
    const { id, token } = await issueToken(t, owner);
    const self = await t.as(`mot-cua-${n}`);
    expect(
      (await self.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Matkhaumoi2026' }))
        .statusCode,
    ).toBe(204);
    expect((await bearer(t, token).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tokenRow(id)).toMatchObject({ revokedReason: 'password_changed' });
  });

  it('when an administrator resets the password', async () => {
    const owner = await supplier();
    const { id, token } = await issueToken(t, owner);
    expect((await (await t.as('admin')).patch(`/api/v1/users/${owner}`, { password: 'Datlai2026x' })).statusCode).toBe(
      200,
    );
    expect((await bearer(t, token).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tokenRow(id)).toMatchObject({ revokedReason: 'password_reset' });
  });

  it('when the owner loses the role the scope needs — and only the tokens of that scope', async () => {
    const owner = await supplier();
    const admin = await t.as('admin');
    await admin.post(`/api/v1/users/${owner}/roles`, { role: 'viewer', unitId: t.unit('P'), subtree: true });
    const writer = await issueToken(t, owner);
    const reader = await issueToken(t, owner, 'Đọc kết quả', 'results:read');
    const [supplierRole] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, owner));
    const role = (await admin.get(`/api/v1/users/${owner}`))
      .json()
      .roles.find((r: { role: string }) => r.role === 'data_supplier');
    expect(supplierRole).toBeDefined();
    expect((await admin.delete(`/api/v1/users/${owner}/roles/${role.id}`)).statusCode).toBe(204);
    expect((await bearer(t, writer.token).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tokenRow(writer.id)).toMatchObject({ revokedReason: 'role_lost' });
    expect((await bearer(t, reader.token).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('when the account is disabled; enabling it again does not bring the token back', async () => {
    const owner = await supplier();
    const { id, token } = await issueToken(t, owner);
    const admin = await t.as('admin');
    await admin.patch(`/api/v1/users/${owner}`, { active: false });
    await admin.patch(`/api/v1/users/${owner}`, { active: true });
    expect((await bearer(t, token).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tokenRow(id)).toMatchObject({ revokedReason: 'account_disabled' });
  });
});

describe('the migration gives tokens issued before scopes a scope and an expiry', () => {
  it('figures:write for an owner who may supply figures, results:read otherwise; the default lifetime from the upgrade; revoked ones stay revoked', async () => {
    const db = t.database.db;
    const file = fs.readFileSync(path.join(MIGRATIONS_DIR, '0007_account_security.sql'), 'utf8');
    const statements = file
      .split('--> statement-breakpoint')
      .map((x) => x.trim())
      .filter((x) => /"api_tokens"/.test(x) && !/CREATE INDEX/.test(x));
    expect(statements).toHaveLength(6);
    // The table as it was before 0007, with three tokens of that time.
    await db.execute(sql`delete from api_tokens`);
    await db.execute(sql`alter table api_tokens drop column scope, drop column expires_at, drop column revoked_reason`);
    const owner = await supplier();
    const insert = (userId: string, name: string, revoked: boolean) =>
      db.execute(
        sql`insert into api_tokens (user_id, name, token_hash, revoked_at) values (${userId}::uuid, ${name}, ${hashToken(name)}, ${revoked ? sql`now()` : null})`,
      );
    await insert(owner, 'cung-cap', false);
    await insert(t.user('viewer'), 'doc', false);
    await insert(owner, 'da-thu-hoi', true);
    for (const s of statements) await db.execute(sql.raw(s));
    const rows = rowsOf<{ name: string; scope: string; days: number | string; revoked_reason: string | null }>(
      await db.execute(
        sql`select name, scope, extract(epoch from (expires_at - now())) / 86400 as days, revoked_reason from api_tokens order by name`,
      ),
    );
    expect(rows.map((r) => [r.name, r.scope, Math.round(Number(r.days)), r.revoked_reason])).toEqual([
      ['cung-cap', 'figures:write', 90, null],
      ['da-thu-hoi', 'figures:write', 90, 'manual'],
      ['doc', 'results:read', 90, null],
    ]);
  });
});
