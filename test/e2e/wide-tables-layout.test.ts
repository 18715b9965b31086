// Issue 14 §6 (layout): the DX office's progress table and the appraisal queue at a desktop width (1440×900)
// and on a phone (390×844): the page never scrolls sideways (document.scrollingElement.scrollWidth <=
// innerWidth), the progress table's action column is on screen — not clipped by the table's own scroll nor
// covered — and the queue shows every column at 1440 px (nothing scrolled off), its status column on a phone.
// The demo campaign is taken to appraisal first (API, as the DX office does from its inbox). Screenshots go
// to test/.tmp/screens/layout-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Page } from 'playwright-core';
import type { InboxTask } from '../../src/contract/inbox.ts';
import { type BrowserSession, openSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const WIDTHS = [
  { name: '1440', viewport: { width: 1440, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 } },
];

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let campaignId = '';
const sessions: BrowserSession[] = [];
const contexts: APIRequestContext[] = [];

async function apiAs(username: string) {
  const ctx = await pwRequest.newContext({ baseURL: baseUrl });
  contexts.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password: 'demo1234' } });
  expect(login.status(), `login ${username}`).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    get: async <T>(path: string) => (await (await ctx.get(`/api/v1${path}`)).json()) as T,
    post: async (path: string, data: unknown) => {
      const r = await ctx.fetch(`/api/v1${path}`, { method: 'POST', data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), `POST ${path}: ${await r.text()}`).toBeLessThan(300);
    },
  };
}

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  const office = await apiAs('sokhcn');
  const steps = (await office.get<{ items: InboxTask[] }>('/me/inbox')).items;
  const close = steps.find((i) => i.kind === 'campaign_step' && i.action === 'close_self_assessment');
  if (close) {
    campaignId = close.campaign.id;
    await office.post(`/campaigns/${campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Kết thúc sớm để kiểm tra bố cục',
    });
    await office.post(`/campaigns/${campaignId}/transitions`, { action: 'start_appraisal' });
  } else {
    // Already under appraisal (a server given by E2E_BASE_URL and used before).
    campaignId = steps.find((i) => i.kind === 'campaign_step' && i.action === 'approve')!.campaign.id;
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

/** The page itself never scrolls sideways. */
async function noPageOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'page scroll width').toBeLessThanOrEqual(innerWidth);
}

/**
 * The element is on screen without scrolling anything sideways: inside the viewport, inside every scrolling
 * ancestor's visible box, and the topmost element at its centre (not covered by a fixed column).
 */
async function onScreen(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return [`${sel}: not found`];
    // Bring it into view vertically only: the page, never a table's horizontal scroll.
    const r0 = el.getBoundingClientRect();
    window.scrollBy(0, r0.top - window.innerHeight / 2);
    const r = el.getBoundingClientRect();
    const problems: string[] = [];
    if (r.left < 0 || r.right > window.innerWidth) problems.push(`outside the viewport: ${r.left}–${r.right}`);
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible') continue;
      const b = p.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5)
        problems.push(`clipped by ${p.className || p.tagName}: ${r.left}–${r.right} outside ${b.left}–${b.right}`);
    }
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (!hit || !(el === hit || el.contains(hit))) problems.push(`covered by ${hit?.className ?? 'nothing'}`);
    return problems;
  }, selector);
}

describe('wide tables at 1440 and 390 px', () => {
  for (const w of WIDTHS) {
    it(`the DX office's progress table at ${w.name} px: the action column on screen`, async () => {
      const s = await openSession(baseUrl, `layout-${w.name}`, w.viewport);
      sessions.push(s);
      await login(s.page, 'sokhcn');
      await s.page.goto(`/campaigns/${campaignId}/progress`);
      await s.page.locator('[data-testid^="prog-row-"]').first().waitFor();
      await noPageOverflow(s.page);
      expect(await onScreen(s.page, '[data-testid^="prog-row-"] [data-testid="prog-open"]')).toEqual([]);
      expect(await onScreen(s.page, '.ant-table-thead th:last-child')).toEqual([]);
      await s.screenshot('progress');
    });

    it(`the appraisal queue at ${w.name} px: ${w.name === '1440' ? 'every column' : 'the status column'} on screen`, async () => {
      const s = sessions.find((x) => x.page.viewportSize()?.width === w.viewport.width)!;
      await login(s.page, 'hd.chutich');
      await s.page.goto(`/campaigns/${campaignId}/appraisal`);
      await s.page.locator('[data-testid^="apr-row-"]').first().waitFor();
      await noPageOverflow(s.page);
      expect(await onScreen(s.page, '[data-testid^="apr-row-"] [data-testid="apr-row-status"]')).toEqual([]);
      if (w.name === '1440') {
        expect(await onScreen(s.page, '[data-testid="apr-queue"] .ant-table-thead th:last-child')).toEqual([]);
        const inner = await s.page.evaluate(() => {
          const body = document.querySelector('[data-testid="apr-queue"] .ant-table-body')!;
          return { scrollWidth: body.scrollWidth, clientWidth: body.clientWidth };
        });
        expect(inner.scrollWidth, 'the queue scrolls sideways').toBeLessThanOrEqual(inner.clientWidth);
      }
      await s.screenshot('queue');
    });
  }
});
