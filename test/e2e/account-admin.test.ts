// Browser journey of account administration after issue 11: the district office creates an account with
// its first role in the one "create user" form; the province office issues an API token with a scope and
// a lifetime and sees them, in Vietnamese, in the token list. Screenshots go to test/.tmp/screens/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToOpen, openSession, pickOption, type BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let stopServer: (() => Promise<void>) | null = null;
let s: BrowserSession;

beforeAll(async () => {
  const server = await serverForJourney();
  stopServer = server.stop;
  s = await openSession(server.baseUrl, 'account-admin');
}, 180_000);

afterAll(async () => {
  await s?.close();
  await stopServer?.();
});

async function login(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

async function api(page: Page, method: string, url: string, body?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'thuocdo_csrf')?.value ?? '';
  const res = await page.request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status() >= 400) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

describe('account administration', () => {
  it('the district office creates an account with its first role in one form', async () => {
    const { page } = s;
    await login(page, 'cx.vhtt', 'demo1234');
    await page.goto('/users');
    await clickToOpen(page.getByTestId('user-create'), page.getByTestId('user-form-username'));
    await page.getByTestId('user-form-username').fill('camb.nhaplieu2');
    await page.getByTestId('user-form-fullname').fill('Nguyễn Thị Hoa');
    await page.getByTestId('user-form-password').fill('Matkhau2026');
    await pickOption(page, page.getByTestId('user-form-role-select'), 'Cán bộ nhập liệu');
    await page.getByTestId('user-form-role-unit').click();
    await page.getByTestId('user-form-role-unit').locator('input').fill('cam binh');
    await pickOption(page, page.getByTestId('user-form-role-unit'), 'Cẩm Bình');
    await s.screenshot('create-form');
    await page.getByTestId('user-form-submit').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.getByTestId('user-search').fill('camb.nhaplieu2');
    const row = page.locator('tr.ant-table-row', { hasText: 'camb.nhaplieu2' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('Cán bộ nhập liệu');
    await s.screenshot('created-with-role');
  }, 120_000);

  it('the province office issues a token with a scope and a lifetime; the list shows both in Vietnamese', async () => {
    const { page } = s;
    await login(page, 'sotttt', 'demo1234');
    const tree = (await api(page, 'GET', '/api/v1/org-units')) as { items: { id: string; code: string }[] };
    await api(page, 'POST', '/api/v1/users', {
      username: 'he.thong.mot.cua',
      fullName: 'Hệ thống một cửa tỉnh',
      password: 'Matkhau2026',
      roles: [{ role: 'data_supplier', unitId: tree.items.find((u) => u.code === 'HT')!.id, subtree: true }],
    });
    await page.goto('/users');
    await page.getByTestId('user-search').fill('he.thong.mot.cua');
    // Wait for the search to apply (the list refetches after a deferred query): a click on a row of the list
    // being replaced can be lost — the step once timed out waiting for the drawer in CI.
    await expect.poll(() => page.locator('tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('tr.ant-table-row', { hasText: 'he.thong.mot.cua' }).getByTestId('user-tokens').click();
    await page.getByTestId('tokens-drawer').waitFor();
    await page.getByTestId('token-name').fill('Cổng dịch vụ công tỉnh');
    await page.getByTestId('token-days').fill('30');
    await s.screenshot('token-form');
    await page.getByTestId('token-create').click();
    await page.getByTestId('token-value').waitFor();
    await expect(page.getByTestId('token-value').innerText()).resolves.toMatch(/^tdo_/);
    await s.screenshot('token-created');
    await page.getByTestId('token-done').click();
    const table = page.getByTestId('tokens-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain('Cung cấp số liệu');
    expect(text).toContain('Đang dùng');
    const expiry = new Date(Date.now() + 30 * 86_400_000);
    // The app shows dates on Vietnam's clock (UTC+7), whatever the test machine's zone: after 17:00 UTC it is
    // already the next day there.
    const ddmmyyyy = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(expiry);
    expect(text).toContain(ddmmyyyy);
    expect(text).not.toMatch(/figures:write|results:read/);
    await s.screenshot('token-list');
  }, 120_000);
});
