// Issue 14 §1: each role's home page is a task inbox. On the demo seed, the reporter's home while the
// campaign is open, then (the DX office closes self-assessment and starts the appraisal from its own inbox
// task, the chair decides every item of the one submitted unit) the chair's home with "Kết thúc thẩm định",
// at phone (390 px) and desktop (1440 px) widths: tasks are links, the page never scrolls sideways. Screenshots go to test/.tmp/home-inbox (docs/user-guide/images with
// UPDATE_GUIDE_SCREENS=1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Page } from 'playwright-core';
import type { InboxTask } from '../../src/contract/inbox.ts';
import { launchBrowser } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const OUT =
  process.env['UPDATE_GUIDE_SCREENS'] === '1'
    ? join(process.cwd(), 'docs', 'user-guide', 'images')
    : join(process.cwd(), 'test', '.tmp', 'home-inbox');
const WIDTHS = [
  { name: 'dien-thoai', viewport: { width: 390, height: 844 } },
  { name: 'may-tinh', viewport: { width: 1440, height: 900 } },
];

let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  browser = await launchBrowser();
});

const contexts: APIRequestContext[] = [];

/** A logged-in API client (cookie session + CSRF header) for the preparation steps. */
async function apiAs(username: string) {
  const ctx = await pwRequest.newContext({ baseURL: baseUrl });
  contexts.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password: 'demo1234' } });
  expect(login.status(), `login ${username}`).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    get: async <T>(path: string) => {
      const r = await ctx.get(`/api/v1${path}`);
      expect(r.status(), `GET ${path}`).toBe(200);
      return (await r.json()) as T;
    },
    post: async (path: string, data: unknown) => {
      const r = await ctx.fetch(`/api/v1${path}`, { method: 'POST', data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), `POST ${path}: ${await r.text()}`).toBeLessThan(300);
    },
  };
}

afterAll(async () => {
  for (const c of contexts) await c.dispose();
  await browser?.close();
  await stopServer?.();
});

async function homeAs(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
  await page.getByTestId('home-inbox').waitFor();
  await page.locator('[data-testid="inbox-list"], [data-testid="inbox-empty"]').first().waitFor();
  return page;
}

async function noSidewaysScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(width);
}

describe('the home page is a task inbox', () => {
  for (const w of WIDTHS) {
    it(`the reporter at ${w.viewport.width} px: tasks with deadlines, the unit's forms below`, async () => {
      const page = await homeAs('camb.nhaplieu', w.viewport);
      const tasks = page.locator('[data-testid="inbox-list"] a');
      expect(await tasks.count()).toBeGreaterThan(0);
      // Each task names its deadline (or says there is none), in dd/mm/yyyy.
      const first = (await page.getByTestId('inbox-deadline').first().textContent()) ?? '';
      expect(first).toMatch(/^(Hạn \d{2}\/\d{2}\/\d{4}|Không có hạn)$/);
      await page.getByTestId('home-mine').waitFor();
      await noSidewaysScroll(page, w.viewport.width);
      await page.screenshot({ path: join(OUT, `trang-chu-nhap-lieu-${w.name}.png`), animations: 'disabled' });
      // A task opens the page where it is done.
      const href = await tasks.first().getAttribute('href');
      expect(href).toMatch(/^\/(assessments|campaigns)\//);
      await page.context().close();
    });
  }

  it('the DX office takes its inbox step: close self-assessment, start the appraisal; the chair decides everything', async () => {
    const office = await apiAs('sokhcn');
    const steps = (await office.get<{ items: InboxTask[] }>('/me/inbox')).items;
    const close = steps.find((i) => i.kind === 'campaign_step' && i.action === 'close_self_assessment')!;
    expect(close).toBeDefined();
    const campaignId = close.campaign.id;
    await office.post(`/campaigns/${campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Kết thúc sớm để chụp ảnh hướng dẫn',
    });
    await office.post(`/campaigns/${campaignId}/transitions`, { action: 'start_appraisal' });
    const chair = await apiAs('hd.chutich');
    const before = (await chair.get<{ items: InboxTask[] }>('/me/inbox')).items;
    expect(before.find((i) => i.kind === 'appraise_queue')?.counts.toDecide).toBeGreaterThan(0);
    const queue = await chair.get<{ items: { assessmentId: string; code: string; version: number; status: string }[] }>(
      `/appraisal/queue?campaignId=${campaignId}`,
    );
    const open = queue.items.filter((i) => i.status !== 'final');
    await chair.post('/appraisal/bulk-accept', {
      items: open.map(({ assessmentId, code, version }) => ({ assessmentId, code, version })),
    });
    const after = (await chair.get<{ items: InboxTask[] }>('/me/inbox')).items;
    expect(after.filter((i) => i.kind === 'close_appraisal')).toHaveLength(1);
  });

  for (const w of WIDTHS) {
    it(`the chair at ${w.viewport.width} px: "Kết thúc thẩm định" leads to the appraisal admin page`, async () => {
      const page = await homeAs('hd.chutich', w.viewport);
      const task = page.getByTestId('inbox-close_appraisal');
      await task.waitFor();
      await noSidewaysScroll(page, w.viewport.width);
      await page.screenshot({ path: join(OUT, `trang-chu-chu-tich-${w.name}.png`), animations: 'disabled' });
      await task.click();
      await page.waitForURL(/\/campaigns\/[^/]+\/appraisal-admin$/);
      await page.context().close();
    });
  }
});
