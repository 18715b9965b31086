// Issue 14 §6 (layout): evidence with a long address and a long file name on the reporter's form, at a phone
// width (390×844) and a desktop one (1440×900). The unit's library gets both documents (API, as the reporter
// would add them); in Chromium the reporter opens the evidence library from an item: the dialog lies inside the
// viewport and its list never scrolls sideways; attached, each name keeps to two lines with the whole of it in
// the tooltip; the page never scrolls sideways (document.documentElement.scrollWidth ≤ the viewport's width).
// Screenshots go to test/.tmp/screens/phone-layout-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Page } from 'playwright-core';
import { type BrowserSession, animationsDone, clickToOpen, openSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const WIDTHS = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1440', viewport: { width: 1440, height: 900 } },
];
const ITEM = '8.1';
const LONG_URL =
  'https://congthongtin.hatinh.gov.vn/van-ban-chi-dao-dieu-hanh/quyet-dinh-ve-viec-phe-duyet-ke-hoach-chuyen-doi-so-' +
  'giai-doan-2026-2030-cua-xa-cam-binh-huyen-cam-xuyen-tinh-ha-tinh?id=12345678901234567890';
const LONG_FILE =
  'bien-ban-hop-ban-chi-dao-chuyen-doi-so-xa-cam-binh-quy-iii-nam-2026-co-chu-ky-day-du-cua-cac-thanh-vien.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let assessmentId = '';
const sessions: BrowserSession[] = [];
const contexts: APIRequestContext[] = [];

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  const ctx = await pwRequest.newContext({ baseURL: baseUrl });
  contexts.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { username: 'camb.nhaplieu', password: 'demo1234' } });
  expect(login.status()).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const mine = (await (await ctx.get('/api/v1/assessments/mine')).json()) as {
    items: { id: string; status: string; unit: { id: string } }[];
  };
  const form = mine.items.find((a) => a.status === 'draft')!;
  expect(form, 'the reporter’s open form').toBeDefined();
  assessmentId = form.id;
  const headers = { 'x-csrf-token': csrf };
  // One pair per width: the library lists only what the item does not hold yet.
  for (let i = 0; i < WIDTHS.length; i++) {
    const link = await ctx.post(`/api/v1/units/${form.unit.id}/evidence/link`, { data: { url: LONG_URL }, headers });
    expect(link.status(), await link.text()).toBe(201);
    const file = await ctx.post(`/api/v1/units/${form.unit.id}/evidence`, {
      multipart: { file: { name: LONG_FILE, mimeType: 'application/pdf', buffer: PDF } },
      headers,
    });
    expect(file.status(), await file.text()).toBe(201);
  }
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.dispose();
  for (const s of sessions) await s.close();
  await stopServer?.();
});

async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

describe('long evidence names at 390 and 1440 px', () => {
  for (const w of WIDTHS) {
    it(`at ${w.name} px: the library dialog fits, attached names keep to two lines, the page never scrolls sideways`, async () => {
      const s = await openSession(baseUrl, `phone-layout-${w.name}`, w.viewport);
      sessions.push(s);
      const { page } = s;
      await login(page, 'camb.nhaplieu');
      await page.goto(`/assessments/${assessmentId}`);
      await page.getByTestId('as-search').fill(ITEM);
      await page.getByTestId(`item-${ITEM}`).waitFor();

      // The evidence library: inside the viewport, its list not scrolled sideways. The attach button waits for
      // the library (the names of the documents already attached arrive with it and move the button: at 1440 px,
      // where the item already holds the 390 run’s documents, the attach click could miss under load, CI).
      const dialog = page.locator('.library-dialog');
      await clickToOpen(page.getByTestId(`item-${ITEM}-attach`), dialog);
      const table = page.getByTestId('library-table');
      await expect.poll(() => table.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
      await table.locator('tr.ant-table-row', { hasText: 'congthongtin' }).first().waitFor();
      await animationsDone(dialog); // measured once the opening zoom is over
      const box = (await dialog.boundingBox())!;
      expect(box.x, 'dialog left').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'dialog right').toBeLessThanOrEqual(w.viewport.width);
      const inner = await table.evaluate((el) => {
        const t = el.querySelector('.ant-table-content, .ant-table-body') ?? el;
        return { scrollWidth: t.scrollWidth, clientWidth: t.clientWidth };
      });
      expect(inner.scrollWidth, 'the library list scrolls sideways').toBeLessThanOrEqual(inner.clientWidth);
      expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(w.viewport.width);
      await s.screenshot('library');

      for (const text of ['congthongtin', 'bien-ban-hop-ban-chi-dao']) {
        const row = table.locator('tr.ant-table-row', { hasText: text }).first();
        await expect
          .poll(async () => {
            if ((await row.getAttribute('class'))?.includes('ant-table-row-selected')) return true;
            await row.click();
            return (await row.getAttribute('class'))?.includes('ant-table-row-selected') ?? false;
          })
          .toBe(true);
      }
      await page.getByTestId('library-attach').click();
      await dialog.waitFor({ state: 'hidden' });

      // Attached: the whole name in the tooltip, at most two lines shown.
      const panel = page.getByTestId(`item-${ITEM}-evidence`);
      await expect.poll(() => panel.getByTestId('evidence-row').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      const link = panel.getByTestId('evidence-link').filter({ hasText: 'congthongtin' }).first();
      await expect(link.getAttribute('title')).resolves.toBe(LONG_URL);
      const file = panel.getByTestId('evidence-link').filter({ hasText: 'bien-ban-hop-ban-chi-dao' }).first();
      await expect(file.getAttribute('title')).resolves.toBe(LONG_FILE);
      const lines = await panel.getByTestId('evidence-link').evaluateAll((els) =>
        els.map((el) => {
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 22;
          return Math.round(el.getBoundingClientRect().height / lineHeight);
        }),
      );
      expect(Math.max(...lines), 'lines shown').toBeLessThanOrEqual(2);
      await panel.scrollIntoViewIfNeeded();
      const { scrollWidth } = await pageWidth(page);
      expect(scrollWidth, 'page width').toBeLessThanOrEqual(w.viewport.width);
      await s.screenshot('evidence');
      await expect
        .poll(() => page.getByTestId('save-indicator').getAttribute('data-state'), { timeout: 15_000 })
        .toBe('saved');
    });
  }
});
