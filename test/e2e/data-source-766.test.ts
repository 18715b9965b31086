// Browser journey (issue 15 §3): the DX office (sokhcn) defines the 766 source from its profile, pointing at a
// local stand-in of the national portal's service-results API (127.0.0.1, started here), and pulls a month: the
// first pull is refused — unmapped unit codes, nothing stored — and says so in words; the office maps Cẩm Bình's
// code and marks the department as not assessed, pulls again, and the commune's reporter sees the system value
// on the item, with its source and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { Page } from 'playwright-core';
import { openSession } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';
import { type SourceServer, groups766, response766, startSourceServer } from '../support/source-server.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;
let src: SourceServer;

beforeAll(async () => {
  process.env['DATA_SOURCE_ALLOW_LOOPBACK_HTTP'] = 'true'; // the started server inherits it: HTTP to 127.0.0.1 only
  src = await startSourceServer();
  src.answer(() => ({
    body: response766([
      { departmentCode: 'H27.18685', departmentName: 'UBND xã Cẩm Bình', groupScores: groups766(16) },
      { departmentCode: 'H27.12', departmentName: 'Sở Tư pháp tỉnh Hà Tĩnh', groupScores: groups766(11) },
    ]),
  }));
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'data-source-766');
}, 180_000);

afterAll(async () => {
  await s?.close();
  await stopServer?.();
  await src?.close();
  delete process.env['DATA_SOURCE_ALLOW_LOOPBACK_HTTP'];
});

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

async function pick(page: Page, testId: string, typed: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
}

describe('the 766 source, from definition to the commune', () => {
  it('the DX office defines the source from the 766 profile', async () => {
    const { page } = s;
    await login(page, 'sokhcn');
    await page.goto('/data-sources');
    await page.getByTestId('ds-create').click();
    await expect.poll(() => page.getByTestId('ds-url').inputValue()).toContain('dichvucong.gov.vn');
    await page.getByTestId('ds-url').fill(src.url('/api/v1/reporting/evaluation/service-results'));
    await page.getByTestId('ds-item-0').fill('1.4'); // Công khai, minh bạch → tin, bài về chuyển đổi số (illustrative)
    await pick(page, 'ds-campaign', '2026');
    await page.getByTestId('ds-save').click();
    await page.getByText('Cổng Dịch vụ công quốc gia').first().waitFor();
    await s.screenshot('defined');
  });

  it('the first pull is refused for unmapped codes, in words, and changes nothing', async () => {
    const { page } = s;
    await page.getByText('Cổng Dịch vụ công quốc gia').first().click();
    await page.getByTestId('ds-run-period').fill('2026-11');
    await page.getByTestId('ds-run-now').click();
    await expect
      .poll(() => page.getByTestId('ds-run-reason').first().textContent(), { timeout: 10_000 })
      .toContain('2 mã đơn vị chưa được ghép');
    await expect(page.getByTestId('ds-run-status').first().textContent()).resolves.toBe(
      'Chưa ghi nhận (dữ liệu thiếu/sai)',
    );
    await page.getByTestId('ds-map-H27.18685').waitFor();
    await s.screenshot('unmapped');
  });

  it('once Cẩm Bình is mapped and the department ignored, the pull succeeds', async () => {
    const { page } = s;
    await pick(page, 'ds-map-H27.18685', 'HT.X.CAMBINH');
    await pick(page, 'ds-map-H27.12', 'Không đánh giá');
    await page.getByTestId('ds-map-save').click();
    await page.getByText('Không có mã đơn vị nào chưa ghép.').waitFor();
    await page.getByTestId('ds-run-now').click();
    await expect
      .poll(() => page.getByTestId('ds-run-status').first().textContent(), { timeout: 10_000 })
      .toBe('Thành công');
    await s.screenshot('pulled');
    await page.getByTestId('logout-button').click();
  });

  it("the commune's reporter sees the system value on the item, with its source", async () => {
    const api = await pwRequest.newContext({ baseURL: baseUrl });
    await api.post('/api/v1/auth/login', { data: { username: 'camb.nhaplieu', password: 'demo1234' } });
    const mine = (await (await api.get('/api/v1/assessments/mine')).json()) as {
      items: { id: string; campaign: { year: number; status: string } }[];
    };
    const open = mine.items.find((a) => a.campaign.year === 2026 && a.campaign.status === 'open')!;
    const detail = (await (await api.get(`/api/v1/assessments/${open.id}`)).json()) as {
      items: { code: string; inputs: Record<string, unknown>; supplied: { inputs: Record<string, unknown> } | null }[];
    };
    await api.dispose();
    const item = detail.items.find((i) => i.code === '1.4')!;
    expect(item.supplied?.inputs).toEqual({ value: 16 });
    const { page } = s;
    await login(page, 'camb.nhaplieu');
    await page.goto(`/assessments/${open.id}`);
    const badge = page.getByTestId('item-1.4-supplied');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toContain(
      'Chỉ số phục vụ người dân, doanh nghiệp (766) — Tháng 11/2026',
    );
    // Pre-filled when the unit had typed nothing there; else the unit's own value stays, the system's offered beside it.
    if (item.inputs['value'] !== 16) await page.getByTestId('item-1.4-use-supplied').waitFor();
    await s.screenshot('commune');
  });
});
