// Takes the user guide's screenshots (docs/user-guide/images/<name>.png, referenced by the Markdown pages)
// on the demo seed: one or two per role, 1280×800 for the staff app and phone size for the public portal.
// Run it after a visible change and commit the PNGs (each ≤ ~150 KB). E2E_BASE_URL runs it against a
// server holding a fresh demo seed. Last, each role's home page (the task inbox, issue 14 §1) at 390 and 1440
// px: the leader and the DX office while the demo campaign takes self-assessments, then — the DX office
// closes it and starts the appraisal, as from its inbox — the support team and a council member with their
// queues. The reporter's and the chair's homes are taken by home-inbox.test.ts (trang-chu-nhap-lieu-*,
// trang-chu-chu-tich-*: the chair once everything is decided).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { Page } from 'playwright-core';
import type { InboxTask } from '../../src/contract/inbox.ts';
import { launchBrowser, pickOption } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

// The committed images are refreshed only on request (UPDATE_GUIDE_SCREENS=1 npm run test:e2e), so that an
// ordinary test run never rewrites files in the repository; otherwise the pages are still exercised and
// the screenshots go to test/.tmp.
const OUT =
  process.env['UPDATE_GUIDE_SCREENS'] === '1'
    ? join(process.cwd(), 'docs', 'user-guide', 'images')
    : join(process.cwd(), 'test', '.tmp', 'guide-images');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const HOME_WIDTHS = [
  { name: 'dien-thoai', viewport: PHONE },
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

afterAll(async () => {
  await browser?.close();
  await stopServer?.();
});

async function pageAs(username: string | null, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (username) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
  }
  return page;
}

/** Saves the visible viewport (not the full page: keeps the PNGs small) and checks its size. */
async function shot(page: Page, name: string, wait = 300) {
  await page.waitForTimeout(wait);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  expect(statSync(path).size, `${name}.png`).toBeLessThanOrEqual(160 * 1024);
}

describe('user guide screenshots', () => {
  it('cán bộ nhập liệu: the self-assessment', async () => {
    const page = await pageAs('camb.nhaplieu');
    await page.getByTestId('mine-open').first().click();
    await page.getByTestId('as-header').waitFor();
    await shot(page, 'nhap-lieu-tu-danh-gia');
    await page.context().close();
  });

  it('lãnh đạo đơn vị: result, gap and what-if', async () => {
    const page = await pageAs('camb.lanhdao');
    await page.getByTestId('nav-my-result').click();
    await page.getByTestId('dash-gap').waitFor();
    await shot(page, 'lanh-dao-ket-qua', 1200);
    await page.getByTestId('dash-gap').scrollIntoViewIfNeeded();
    await shot(page, 'lanh-dao-khoang-cach');
    // The first item offered, picked once the dropdown has settled (and checked to be shown by the Select).
    await page.getByTestId('whatif-item').click();
    const first =
      (await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().textContent()) ?? '';
    await pickOption(page, page.getByTestId('whatif-item'), /^[\d.]*\d/.exec(first)?.[0] ?? first);
    // The item's maximum is not on the page: an out-of-range score makes the server name it (0…max).
    const score = page.locator('input[data-testid="whatif-score"], [data-testid="whatif-score"] input').first();
    await score.fill('1000');
    await page.getByTestId('whatif-run').click();
    const error = await page.getByTestId('whatif-error').textContent();
    const max = /…\s*([\d.,]+)/.exec(error ?? '')?.[1];
    expect(max, String(error)).toBeDefined();
    await score.fill(max!.replace(/\.$/, ''));
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-result').waitFor();
    await page.getByTestId('whatif').scrollIntoViewIfNeeded();
    await shot(page, 'lanh-dao-thu-thay-doi');
    await page.context().close();
  });

  it('quản trị nghiệp vụ: overview and exports', async () => {
    const page = await pageAs('sotttt');
    await page.getByTestId('nav-dashboards').click();
    await page.getByTestId('dash-progress-card').waitFor();
    await shot(page, 'quan-tri-tong-quan', 1200);
    const { items } = (await (await page.request.get('/api/public/v1/campaigns')).json()) as {
      items: { id: string }[];
    };
    await page.goto(`/campaigns/${items[0]!.id}/results`);
    await page.getByTestId('export-panel').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-ranking_xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'quan-tri-xuat-van-ban');
    await page.context().close();
  });

  it('tổ giúp việc and hội đồng: the appraisal queue', async () => {
    const page = await pageAs('togiupviec');
    await page.getByTestId('nav-appraisal').click();
    await page.getByTestId('apr-mine').waitFor();
    await shot(page, 'to-giup-viec-tham-dinh');
    await page.context().close();
    const chair = await pageAs('hd.chutich');
    await chair.getByTestId('nav-dashboards').click();
    await chair.getByTestId('dash-overview').waitFor();
    await chair.getByTestId('dash-results-card').first().scrollIntoViewIfNeeded();
    await shot(chair, 'hoi-dong-tong-quan', 1200);
    await chair.context().close();
  });

  it('người dân: ranking, unit page and open data on a phone', async () => {
    const page = await pageAs(null, PHONE);
    await page.goto('/cong-khai');
    await page.getByTestId('portal-group-link').filter({ hasText: 'xã' }).first().click();
    await page.getByTestId('portal-search').fill('cam binh');
    await page.getByTestId('portal-search').scrollIntoViewIfNeeded();
    await shot(page, 'cong-khai-xep-hang');
    await page.getByTestId('ranking-unit-link').first().click();
    await page.getByTestId('radar-chart').scrollIntoViewIfNeeded();
    await shot(page, 'cong-khai-don-vi');
    await page.goto('/cong-khai');
    await page.getByTestId('portal-open-data-link').first().click();
    await page.getByTestId('download-xlsx').waitFor();
    // The in-browser check of the publication, with its verdict (issue 14 §4).
    await page.getByTestId('verify-published-result').waitFor();
    await page.getByTestId('verify-panel').scrollIntoViewIfNeeded();
    await shot(page, 'cong-khai-du-lieu-mo');
    await page.context().close();
  });
});

/** The home page (task inbox) at both widths, saved as trang-chu-<name>-dien-thoai / -may-tinh. */
async function homeShots(username: string, name: string, expectTasks: boolean) {
  for (const w of HOME_WIDTHS) {
    const page = await pageAs(username, w.viewport);
    await page.getByTestId('home-inbox').waitFor();
    await page.locator('[data-testid="inbox-list"], [data-testid="inbox-empty"]').first().waitFor();
    if (expectTasks) await page.getByTestId('inbox-list').waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${username} at ${w.viewport.width} px`).toBeLessThanOrEqual(w.viewport.width);
    await shot(page, `trang-chu-${name}-${w.name}`);
    await page.context().close();
  }
}

describe('each role’s home page at 390 and 1440 px', () => {
  it('lãnh đạo đơn vị and the DX office while the campaign takes self-assessments', async () => {
    await homeShots('camb.lanhdao', 'lanh-dao', true);
    await homeShots('sokhcn', 'so-khcn', true);
  });

  it('tổ giúp việc and a council member once the appraisal has started', async () => {
    const ctx = await pwRequest.newContext({ baseURL: baseUrl });
    try {
      const login = await ctx.post('/api/v1/auth/login', { data: { username: 'sokhcn', password: 'demo1234' } });
      const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
      const { items } = (await (await ctx.get('/api/v1/me/inbox')).json()) as { items: InboxTask[] };
      const close = items.find((i) => i.kind === 'campaign_step' && i.action === 'close_self_assessment');
      expect(close, 'the DX office’s step “close self-assessment”').toBeDefined();
      const transitions = `/api/v1/campaigns/${close!.campaign.id}/transitions`;
      for (const data of [
        { action: 'close_self_assessment', reason: 'Kết thúc tự đánh giá để chụp ảnh hướng dẫn' },
        { action: 'start_appraisal' },
      ]) {
        const r = await ctx.post(transitions, { data, headers });
        expect(r.status(), await r.text()).toBeLessThan(300);
      }
    } finally {
      await ctx.dispose();
    }
    await homeShots('togiupviec', 'to-giup-viec', true);
    await homeShots('hd.thanhvien', 'thanh-vien-hoi-dong', true);
  });
});
