// API tokens: issued once (only the SHA-256 is stored), listed without their value, revoked at once;
// who may manage them; bearer requests skip CSRF while cookie requests keep it; the CLI prints a token.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { apiTokens } from '../../src/db/schema/supply.ts';
import { bearer, issueToken } from '../support/bearer.ts';
import { addAccount } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let supplierId: string;
const tokensUrl = () => `/api/v1/users/${supplierId}/tokens`;

beforeAll(async () => {
  t = await createTestApp();
  supplierId = await addAccount(t, 'he-thong-mot-cua', 'data_supplier', 'P', true);
});
afterAll(() => t.close());

describe('issuing and revoking', () => {
  it('the administrator issues a token: shown once, stored as SHA-256, audited without its value', async () => {
    const created = await issueToken(t, supplierId, 'Hệ thống một cửa');
    expect(created.token).toMatch(/^tdo_[A-Za-z0-9_-]{40,}$/);
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.token.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(created.token);
    const list = await (await t.as('admin')).get(tokensUrl());
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.id, name: 'Hệ thống một cửa', active: true, revokedAt: null }),
    ]);
    expect(list.body).not.toContain(created.token);
  });

  it('a bearer token acts as its account: no CSRF header needed; last use recorded', async () => {
    const { id, token } = await issueToken(t, supplierId);
    const me = await bearer(t, token).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('he-thong-mot-cua');
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.lastUsedAt).not.toBeNull();
    // A state-changing request reaches the route (404 here: no such campaign) instead of 403 CSRF.
    const post = await bearer(t, token).post('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/figures', {
      source: 'x',
      figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } }],
    });
    expect(post.statusCode).toBe(404);
  });

  it('a revoked, unknown or malformed token → 401; a token cannot change its account (auth routes) → 403', async () => {
    const { id, token } = await issueToken(t, supplierId);
    const office = await t.as('office');
    expect((await office.delete(`${tokensUrl()}/${id}`)).statusCode).toBe(204);
    expect((await office.delete(`${tokensUrl()}/${id}`)).statusCode).toBe(204); // idempotent
    const after = await bearer(t, token).get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    expect((await bearer(t, 'tdo_' + 'x'.repeat(43)).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer' } })).statusCode,
    ).toBe(401);
    const live = await issueToken(t, supplierId);
    const pw = await bearer(t, live.token).post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'y' });
    expect(pw.statusCode).toBe(403);
    const revokes = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.token.revoke'));
    expect(revokes).toHaveLength(1);
  });

  it('cookie requests are unchanged: a state change without the CSRF header → 403', async () => {
    const office = await t.as('office');
    const res = await t.app.inject({
      method: 'POST',
      url: tokensUrl(),
      headers: { cookie: office.cookie },
      payload: { name: 'x', scope: 'figures:write' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('a blank name → 400; an unknown token id → 404', async () => {
    const admin = await t.as('admin');
    expect((await admin.post(tokensUrl(), { name: '  ', scope: 'figures:write' })).statusCode).toBe(400);
    expect((await admin.delete(`${tokensUrl()}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe('who manages tokens', () => {
  // [user, POST, GET, DELETE]: DX office of the province manages the supplier (all roles within its reach);
  // a district office and unit staff do not see the account (404); anonymous → 401.
  const rows: [string, number, number][] = [
    ['admin', 201, 200],
    ['office', 201, 200],
    ['d1office', 404, 404],
    ['rep_c1', 404, 404],
    ['viewer', 404, 404],
    ['support', 404, 404],
  ];
  for (const [user, post, get] of rows) {
    it(`${user}: create ${post}, list ${get}`, async () => {
      const c = await t.as(user);
      expect((await c.post(tokensUrl(), { name: `của ${user}`, scope: 'figures:write' })).statusCode).toBe(post);
      expect((await c.get(tokensUrl())).statusCode).toBe(get);
      const { id } = await issueToken(t, supplierId);
      expect((await c.delete(`${tokensUrl()}/${id}`)).statusCode).toBe(post === 201 ? 204 : 404);
    });
  }

  it('anonymous → 401; the supplier cannot issue tokens for itself (403) — only its managers can', async () => {
    expect((await t.anonymous.get(tokensUrl())).statusCode).toBe(401);
    expect((await t.anonymous.post(tokensUrl(), { name: 'x', scope: 'figures:write' })).statusCode).toBe(401);
    const self = await t.as('he-thong-mot-cua');
    expect((await self.post(tokensUrl(), { name: 'tự cấp', scope: 'figures:write' })).statusCode).toBe(403);
    const { token } = await issueToken(t, supplierId);
    expect((await bearer(t, token).post(tokensUrl(), { name: 'tự cấp', scope: 'figures:write' })).statusCode).toBe(403);
  });
});

// Embedded-database behaviour only (a real data directory): the PostgreSQL pass skips it.
describe.skipIf(process.env.THUOCDO_TEST_DB === 'postgres')('thuocdo token create', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-token-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['bin/thuocdo.mjs', ...args], {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        THUOCDO_DATA_DIR: dir,
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
      },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('prints a token whose SHA-256 is stored for the account; an unknown account fails with one line', async () => {
    expect(run(['admin', 'create', '--username', 'quantri', '--password', 'Matkhau2026']).status).toBe(0);
    const res = run(['token', 'create', '--username', 'quantri', '--name', 'Hệ thống một cửa']);
    expect(res.status, res.stderr).toBe(0);
    const token = res.stdout.trim();
    expect(token).toMatch(/^tdo_/);
    const unknown = run(['token', 'create', '--username', 'khongco', '--name', 'x']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('khongco');
    const database = await openPglite({ dir });
    try {
      const rows = await database.db.select().from(apiTokens);
      expect(rows.map((r) => r.tokenHash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
