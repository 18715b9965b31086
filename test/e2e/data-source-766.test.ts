// Browser journey (issue 15 §3): the DX office (sokhcn) defines the 766 source from its profile, pointing at a
// local stand-in of the national portal's service-results API (127.0.0.1, started here), and pulls a month: the
// first pull is refused — unmapped unit codes, nothing stored — and says so in words; the office maps Cẩm Bình's
// code and marks the department as not assessed, pulls again, and the commune's reporter sees the system value
// on the item, with its source and time. Then the source also reports Cẩm Xuyên (which submitted with its own
// figure); once appraisal starts, the council's queue flags "Khác số liệu hệ thống" on that item.
// A pull runs in the job worker (woken by the request) and the page polls its runs every 2 s: seconds alone,
// but CI runs journeys side by side on 2 cores, hence waits of 30 s.
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
      .poll(() => page.getByTestId('ds-run-reason').first().textContent(), { timeout: 30_000 })
      .toContain('2 mã đơn vị chưa được ghép');
    // The list's latest run and the panel's newest run are the same run, read by two polls; here both began
    // with the click, in step. When they are not (a source opened while its run is pending), the one behind
    // is read again as soon as the other sees the change (useLatestRunAgreement), not at its next 2 s poll.
    const statuses = page.getByTestId('ds-run-status');
    await expect
      .poll(async () => [await statuses.first().textContent(), await statuses.nth(1).textContent()], {
        timeout: 5_000,
      })
      .toEqual(['Chưa ghi nhận (dữ liệu thiếu/sai)', 'Chưa ghi nhận (dữ liệu thiếu/sai)']);
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
      .poll(() => page.getByTestId('ds-run-status').first().textContent(), { timeout: 30_000 })
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

  it('the council sees the flag where a submitted commune’s figure differs from the system’s', async () => {
    const api = await pwRequest.newContext({ baseURL: baseUrl });
    const signedIn = await api.post('/api/v1/auth/login', { data: { username: 'sokhcn', password: 'demo1234' } });
    const csrf = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
    const campaigns = (await (await api.get('/api/v1/campaigns')).json()) as {
      items: { id: string; year: number; status: string }[];
    };
    const campaign = campaigns.items.find((c) => c.year === 2026 && c.status === 'open')!;
    const progress = (await (await api.get(`/api/v1/campaigns/${campaign.id}/progress?q=cam xuyen`)).json()) as {
      items: { assessmentId: string; unit: { code: string } }[];
    };
    const camXuyen = progress.items.find((r) => r.unit.code === 'HT.X.CAMXUYEN')!;
    const typed = (
      (await (await api.get(`/api/v1/assessments/${camXuyen.assessmentId}`)).json()) as {
        items: { code: string; inputs: Record<string, unknown> }[];
      }
    ).items.find((i) => i.code === '1.4')!.inputs['value'];
    const system = typed === 5 ? 6 : 5;
    src.answer(() => ({
      body: response766([
        { departmentCode: 'H27.18685', departmentName: 'UBND xã Cẩm Bình', groupScores: groups766(16) },
        { departmentCode: 'H27.18571', departmentName: 'UBND xã Cẩm Xuyên', groupScores: groups766(system) },
        { departmentCode: 'H27.12', departmentName: 'Sở Tư pháp tỉnh Hà Tĩnh', groupScores: groups766(11) },
      ]),
    }));
    const { page } = s;
    await page.context().clearCookies(); // the reporter's session of the step before
    await login(page, 'sokhcn');
    await page.goto('/data-sources');
    await page.getByText('Cổng Dịch vụ công quốc gia').first().click();
    await page.getByTestId('ds-run-period').fill('2026-11');
    await page.getByTestId('ds-run-now').click();
    await page.getByTestId('ds-map-H27.18571').waitFor({ timeout: 30_000 });
    await pick(page, 'ds-map-H27.18571', 'HT.X.CAMXUYEN');
    await page.getByTestId('ds-map-save').click();
    await page.getByText('Không có mã đơn vị nào chưa ghép.').waitFor();
    await page.getByTestId('ds-run-now').click();
    await expect
      .poll(() => page.getByTestId('ds-run-status').first().textContent(), { timeout: 30_000 })
      .toBe('Thành công');
    await page.getByTestId('logout-button').click();

    // Self-assessment closes early (with its reason) and appraisal starts.
    for (const body of [
      { action: 'close_self_assessment', reason: 'Kết thúc sớm để thử thẩm định' },
      { action: 'start_appraisal' },
    ]) {
      const res = await api.post(`/api/v1/campaigns/${campaign.id}/transitions`, {
        data: body,
        headers: { 'x-csrf-token': csrf },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    await api.dispose();

    await login(page, 'hd.chutich');
    await page.goto(`/campaigns/${campaign.id}/appraisal`);
    await page.getByTestId('apr-flag').click();
    await page.getByTitle('Khác số liệu hệ thống').click();
    const flag = page.getByTestId('flag-tags').getByText('Khác số liệu hệ thống').first();
    await flag.waitFor({ timeout: 30_000 });
    await expect(page.getByText('Cẩm Xuyên').first().isVisible()).resolves.toBe(true);
    await s.screenshot('council-flag');
  });
});
