// XSS payloads stored verbatim in text fields stay inert when the pages render them: the org tree and the
// unit detail, the user list, the audit log, the assessment form (an item's explanation) and the public
// portal. Each payload would set window.__xss or insert an element with data-xss if it ever executed or
// were parsed as HTML; neither may happen, and the payload text must be visible as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const PAYLOAD = `<img src=x data-xss onerror="window.__xss=1"><script>window.__xss=2</script>"'><svg onload=window.__xss=3>`;
const CODE = 'TEST.XSS.1';

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let s: BrowserSession;

async function api(page: Page, method: string, url: string, body?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'thuocdo_csrf')?.value ?? '';
  const res = await page.request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status() >= 400) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

async function assertInert(page: Page) {
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('[data-xss]').count()).toBe(0);
  expect(await page.locator('body').innerText()).toContain('window.__xss');
}

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'xss-inert');
});

afterAll(async () => {
  await s?.close();
  await stopServer?.();
});

describe('stored XSS payloads render as text', () => {
  it('in the org tree, the unit detail, the user list and the audit log', async () => {
    const { page } = s;
    await login(page, 'admin', 'admin123');
    const tree = (await api(page, 'GET', '/api/v1/org-units')) as { items: { id: string; code: string }[] };
    const province = tree.items.find((u) => u.code === 'HT')!;
    await api(page, 'POST', '/api/v1/org-units', {
      code: CODE,
      name: `Xã ${PAYLOAD}`,
      type: 'commune',
      parentId: province.id,
    });
    await api(page, 'POST', '/api/v1/users', {
      username: 'xss.user',
      fullName: `Người ${PAYLOAD}`,
      password: 'Matkhau2026',
    });

    await page.goto('/org-units');
    await page.getByTestId('unit-search').fill('TEST.XSS');
    await page.getByTestId(`unit-node-${CODE}`).click();
    await assertInert(page);

    await page.goto('/users');
    await page.getByTestId('user-search').fill('xss.user');
    await page.getByText('window.__xss', { exact: false }).first().waitFor();
    await assertInert(page);

    // The audit log shows before → after when a row is expanded: open the newest entry.
    await page.goto('/audit');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    // In words (issue 14 §6): no action code or id in the table (before a row is expanded to its raw diff).
    const table = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(table).not.toMatch(/\b(org_unit|user|campaign|appraisal)\.[a-z_]+/);
    await s.screenshot('audit');
    await page.locator('.ant-table-row-expand-icon').first().click({ timeout: 15_000 });
    // …and the expanded diff in words too: fields under their labels, ids as names (an account's entry).
    const diff = (await page.getByTestId('audit-diff').first().textContent()) ?? '';
    expect(diff).toContain('Họ và tên');
    expect(diff).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(diff).not.toMatch(/\b(fullName|username|unitCode|null)\b/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-xss]').count()).toBe(0);
  });

  it("in the assessment form: an item's explanation", async () => {
    const { page } = s;
    await page.context().clearCookies();
    await login(page, 'camb.nhaplieu', 'demo1234');
    const mine = (await api(page, 'GET', '/api/v1/assessments/mine')) as { items: { id: string; status: string }[] };
    const open = mine.items.find((a) => a.status === 'draft') ?? mine.items[0]!;
    const assessment = (await api(page, 'GET', `/api/v1/assessments/${open.id}`)) as {
      items: { code: string; version: number; inputs: object }[];
      framework: { nodes: { code: string; children?: { code: string; method?: { kind: string } }[] }[] };
    };
    const yesno = assessment.framework.nodes.flatMap((n) => n.children ?? []).find((c) => c.method?.kind === 'yesno')!;
    const item = assessment.items.find((i) => i.code === yesno.code);
    await api(page, 'PUT', `/api/v1/assessments/${open.id}/items/${yesno.code}`, {
      inputs: { yes: true },
      explanation: `Giải trình ${PAYLOAD}`,
      version: item?.version ?? 0,
    });
    await page.goto(`/assessments/${open.id}`);
    await page.getByTestId('as-search').fill(yesno.code);
    await page
      .getByText('window.__xss', { exact: false })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-xss]').count()).toBe(0);
  });
});
