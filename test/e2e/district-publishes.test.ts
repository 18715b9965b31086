// Browser journey (issue 13 §2; 000 Điều 8.2, 9.3–9.4): the competent authority alone appraises, approves
// and publishes. The demo is today's two-level Hà Tĩnh, so the province's DX office ('sokhcn') first builds
// a small three-level case through the API: two districts under HT (Huyện Thí Điểm with two communes,
// Huyện Đối Chứng with one), each district's own DX office, a reporter per commune, the compact index set
// and a commune campaign appraised by the units' parents. Then, in the browser:
// - the district's office accepts its communes' self scores in the appraisal workspace — its queue holds
//   only its own communes;
// - the province's office sees both districts "Chờ phê duyệt" on the authorities card and has no approve or
//   publish button for them; approving "for" the district through the API is refused (403
//   NOT_COMPETENT_AUTHORITY);
// - the district's office approves its part (decision, date, signer, "CHỦ TỊCH") and publishes it;
// - the public portal ranks the district's communes, not the other district's, and says the other
//   district's part is not yet published.
// Screenshots go to test/.tmp/screens/district-publishes-*.png. Set E2E_BASE_URL to run against a server
// holding a fresh demo seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Page } from 'playwright-core';
import { openSession } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';
import {
  COMPACT_FRAMEWORK,
  FIXTURE_OPEN_REASON,
  FULL_ENTRIES,
  SYSTEM_CLOCK_DEADLINE,
  TEST_RULES,
} from '../support/campaign-fixture.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;
const contexts: APIRequestContext[] = [];

const PASSWORD = 'demo1234';
const D1 = { code: 'HT.H.THIDIEM', name: 'Huyện Thí Điểm', office: 'thidiem.vp' };
const D2 = { code: 'HT.H.DOICHUNG', name: 'Huyện Đối Chứng', office: 'doichung.vp' };
const COMMUNES = [
  { code: 'HT.H.THIDIEM.X1', name: 'Xã Thí Điểm Đông', district: D1, reporter: 'tdd.nhaplieu' },
  { code: 'HT.H.THIDIEM.X2', name: 'Xã Thí Điểm Tây', district: D1, reporter: 'tdt.nhaplieu' },
  { code: 'HT.H.DOICHUNG.X1', name: 'Xã Đối Chứng', district: D2, reporter: 'dc.nhaplieu' },
];
const unitIds: Record<string, string> = {};
let campaignId = '';
let groupId = '';

interface Api {
  get: <T>(path: string) => Promise<T>;
  send: <T = { error?: { code: string } }>(
    method: 'POST' | 'PUT',
    path: string,
    data: unknown,
  ) => Promise<{ status: number; body: T }>;
}

/** A logged-in API client (cookie session + CSRF header) for the preparation steps. */
async function apiAs(username: string): Promise<Api> {
  const ctx = await pwRequest.newContext({ baseURL: baseUrl });
  contexts.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status(), `login ${username}`).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    get: async <T>(path: string) => {
      const r = await ctx.get(`/api/v1${path}`);
      expect(r.status(), `GET ${path}`).toBe(200);
      return (await r.json()) as T;
    },
    send: async <T>(method: 'POST' | 'PUT', path: string, data: unknown) => {
      const r = await ctx.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
      const text = await r.text();
      return { status: r.status(), body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** Sends and expects `status`, showing the answer when it differs; returns the body. */
async function ok<T = Record<string, unknown>>(
  api: Api,
  method: 'POST' | 'PUT',
  path: string,
  data: unknown,
  status = 200,
): Promise<T> {
  const r = await api.send<T>(method, path, data);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
  return r.body;
}

async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

/** Today in Vietnam as dd/mm/yyyy (the decision date the date picker accepts). */
function todayShown(): string {
  const [y, m, d] = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

async function typeDate(page: Page, testId: string, shown: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.click();
  await input.fill(shown);
  await input.press('Enter');
}

/** The authorities card's row of one authority (the table has one row per group and authority). */
const partRow = (page: Page, authority: string) =>
  page.getByTestId('adm-authorities').locator('.ant-table-tbody tr', { hasText: authority });

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'district-publishes', { width: 1440, height: 900 });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.dispose();
  await s?.close();
  await stopServer?.();
});

describe('a district appraises and publishes its communes; the province’s DX office is refused', () => {
  it('the province’s DX office builds a three-level case, and the communes submit (API preparation)', async () => {
    const office = await apiAs('sokhcn');
    const tree = await office.get<{ items: { id: string; code: string }[] }>('/org-units');
    const province = tree.items.find((u) => u.code === 'HT')!;
    expect(province).toBeDefined();
    for (const d of [D1, D2]) {
      const unit = await ok<{ id: string }>(
        office,
        'POST',
        '/org-units',
        { code: d.code, name: d.name, type: 'district', parentId: province.id },
        201,
      );
      unitIds[d.code] = unit.id;
    }
    for (const c of COMMUNES) {
      const unit = await ok<{ id: string }>(
        office,
        'POST',
        '/org-units',
        { code: c.code, name: c.name, type: 'commune', parentId: unitIds[c.district.code] },
        201,
      );
      unitIds[c.code] = unit.id;
    }
    const account = (username: string, fullName: string, role: string, unitId: string, subtree: boolean) =>
      ok(office, 'POST', '/users', { username, fullName, password: PASSWORD, roles: [{ role, unitId, subtree }] }, 201);
    await account(D1.office, 'Lê Văn Huyện', 'dx_office', unitIds[D1.code]!, true);
    await account(D2.office, 'Trần Thị Chứng', 'dx_office', unitIds[D2.code]!, true);
    for (const c of COMMUNES)
      await account(c.reporter, `Nhập liệu ${c.name}`, 'unit_reporter', unitIds[c.code]!, false);

    const group = await ok<{ id: string }>(
      office,
      'POST',
      '/unit-groups',
      { code: 'HT.G.THIDIEM', name: 'Xã thí điểm ba cấp' },
      201,
    );
    await ok(office, 'PUT', `/unit-groups/${group.id}/members`, { unitIds: COMMUNES.map((c) => unitIds[c.code]) });
    const framework = await ok<{ id: string }>(office, 'POST', '/frameworks', { definition: COMPACT_FRAMEWORK }, 201);
    await ok(office, 'POST', `/frameworks/${framework.id}/publish`, {});
    const campaign = await ok<{ id: string; groups: { id: string }[] }>(
      office,
      'POST',
      '/campaigns',
      {
        name: 'Đánh giá chuyển đổi số xã thí điểm năm 2026',
        year: 2026,
        kind: 'annual',
        ownerUnitId: province.id,
        rules: { ...TEST_RULES, reportersMaySubmit: true },
        groups: [
          {
            unitGroupId: group.id,
            frameworkId: framework.id,
            reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
            deadlines: { selfAssessment: SYSTEM_CLOCK_DEADLINE },
            appraiser: 'parent_unit',
          },
        ],
      },
      201,
    );
    campaignId = campaign.id;
    groupId = campaign.groups[0]!.id;
    await ok(office, 'POST', `/campaigns/${campaignId}/transitions`, { action: 'open', reason: FIXTURE_OPEN_REASON });

    for (const c of COMMUNES) {
      const reporter = await apiAs(c.reporter);
      const mine = await reporter.get<{ items: { id: string; unit: { code: string } }[] }>('/assessments/mine');
      const assessmentId = mine.items.find((a) => a.unit.code === c.code)!.id;
      const current = await reporter.get<{ rowVersion: number; items: { code: string; version: number }[] }>(
        `/assessments/${assessmentId}`,
      );
      await ok(reporter, 'PUT', `/assessments/${assessmentId}/info`, {
        values: { population: 2000 },
        rowVersion: current.rowVersion,
      });
      for (const [code, entry] of Object.entries(FULL_ENTRIES)) {
        await ok(reporter, 'PUT', `/assessments/${assessmentId}/items/${code}`, {
          ...entry,
          explanation: `Giải trình chỉ số ${code}`,
          version: current.items.find((i) => i.code === code)?.version ?? 0,
        });
      }
      await ok(reporter, 'POST', `/assessments/${assessmentId}/submit`, {});
    }
    await ok(office, 'POST', `/campaigns/${campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Các xã thí điểm đã nộp đủ',
    });
    await ok(office, 'POST', `/campaigns/${campaignId}/transitions`, { action: 'start_appraisal' });
  });

  it('the district’s office accepts its own communes’ self scores; the other district’s commune is not in its queue', async () => {
    const { page } = s;
    await login(page, D1.office);
    await page.goto(`/campaigns/${campaignId}/appraisal`);
    await page.getByTestId('apr-queue').waitFor();
    const rows = (code: string) => page.locator(`[data-testid^="apr-row-${code}-"]`);
    await expect.poll(() => rows(COMMUNES[0]!.code).count()).toBe(Object.keys(FULL_ENTRIES).length);
    expect(await rows(COMMUNES[1]!.code).count()).toBe(Object.keys(FULL_ENTRIES).length);
    expect(await rows(COMMUNES[2]!.code).count()).toBe(0);
    await page.getByTestId('apr-queue').locator('.ant-table-thead .ant-checkbox-input').click();
    await page.getByTestId('apr-bulk-accept').click();
    await page.getByTestId('apr-bulk-confirm').click();
    const count = (tid: string) => page.getByTestId(tid).locator('.ant-statistic-content-value').textContent();
    await expect.poll(() => count('apr-sum-final'), { timeout: 20_000 }).toBe(await count('apr-sum-total'));
    expect(await count('apr-sum-total')).toBe(String(2 * Object.keys(FULL_ENTRIES).length));
    await s.screenshot('district-accepted');

    // The other district's office accepts its commune (API), and the province's office closes the group.
    const other = await apiAs(D2.office);
    const queue = await other.get<{
      items: { assessmentId: string; code: string; version: number; unit: { code: string } }[];
    }>(`/appraisal/queue?campaignId=${campaignId}`);
    expect(new Set(queue.items.map((i) => i.unit.code))).toEqual(new Set([COMMUNES[2]!.code]));
    await ok(other, 'POST', '/appraisal/bulk-accept', {
      items: queue.items.map(({ assessmentId, code, version }) => ({ assessmentId, code, version })),
    });
    await ok(await apiAs('sokhcn'), 'POST', `/campaigns/${campaignId}/close-appraisal`, { groupId });
  });

  it('the province’s DX office sees both districts awaiting approval and has no button to act for them; the API refuses it', async () => {
    const { page } = s;
    await login(page, 'sokhcn');
    await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
    await page.getByTestId('adm-authorities').waitFor();
    for (const d of [D1, D2]) {
      await partRow(page, d.name).waitFor();
      await expect(partRow(page, d.name).locator('.ant-tag').textContent()).resolves.toBe('Chờ phê duyệt');
    }
    const card = page.getByTestId('adm-authorities');
    expect(await card.getByTestId('auth-approve').count()).toBe(0);
    expect(await card.getByTestId('auth-publish').count()).toBe(0);
    // Nor anywhere else on the page (the publication card's approve button would only be refused).
    for (const button of ['adm-approve', 'adm-publish']) expect(await page.getByTestId(button).count()).toBe(0);

    const refused = await (
      await apiAs('sokhcn')
    ).send<{ error: { code: string } }>('POST', `/campaigns/${campaignId}/approve`, {
      groupId,
      authorityUnitId: unitIds[D1.code],
      decisionNumber: '99/QĐ-UBND',
      decisionDate: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_COMPETENT_AUTHORITY']);
    await card.scrollIntoViewIfNeeded();
    await s.screenshot('province-refused');
  });

  it('the district’s office approves its part (decision, date, signer, position) and publishes it', async () => {
    const { page } = s;
    await login(page, D1.office);
    await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
    const mine = partRow(page, D1.name);
    await mine.waitFor();
    // Only its own part offers approval: the other district's does not. The group is closed already.
    expect(await page.getByTestId('adm-close').count()).toBe(0);
    expect(await partRow(page, D2.name).getByTestId('auth-approve').count()).toBe(0);
    await mine.getByTestId('auth-approve').click();
    await expect(page.getByTestId('approve-authority').inputValue()).resolves.toBe(D1.name);
    await page.getByTestId('approve-number').fill('125/QĐ-UBND');
    await typeDate(page, 'approve-date', todayShown());
    await page.getByTestId('approve-signer').fill('Nguyễn Văn Bình');
    await page.getByTestId('approve-signer-position').fill('CHỦ TỊCH');
    await page.getByTestId('approve-save').click();
    await page.getByTestId('approve-save').waitFor({ state: 'detached' });
    await expect.poll(() => mine.locator('.ant-tag').textContent()).toBe('Đã phê duyệt');
    await expect(partRow(page, D2.name).locator('.ant-tag').textContent()).resolves.toBe('Chờ phê duyệt');

    await mine.getByTestId('auth-publish').click();
    await page.getByTestId('auth-publish-confirm').click();
    await page
      .locator('.ant-message, .ant-notification')
      .getByText(`Đã công bố phần kết quả của ${D1.name}`, { exact: false })
      .waitFor();
    await expect.poll(() => mine.locator('.ant-tag').textContent()).toBe('Đã công bố');
    // The district reads what it works with — bodies, results, its publication — without a refusal.
    await page.getByTestId('adm-snapshots').waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await page.getByTestId('adm-authorities').scrollIntoViewIfNeeded();
    await s.screenshot('district-published');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('adm-authorities').scrollIntoViewIfNeeded();
    await s.screenshot('district-published-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the portal ranks the district’s communes, not the other district’s, and says that part is pending', async () => {
    const { page } = s;
    await page.context().clearCookies();
    await page.goto(`/cong-khai/ky/${campaignId}`);
    await page.getByTestId('ranking-table').waitFor();
    const ranked = await page
      .getByTestId('ranking-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    expect(ranked.sort()).toEqual([COMMUNES[0]!.code, COMMUNES[1]!.code]);
    await expect(page.getByTestId('portal-pending-parts').textContent()).resolves.toContain(
      'Ủy ban nhân dân huyện Đối Chứng',
    );
    await expect(page.getByTestId('portal-pending-parts').textContent()).resolves.toContain('Công bố một phần');
    expect(await page.getByTestId('portal-campaign-page').textContent()).not.toContain(COMMUNES[2]!.name);
    await s.screenshot('portal-partial');
  });
});
