// Browser journey of the appraisal loop on the demo campaign: Cẩm Bình completes and submits its
// self-assessment (API); the DX office (sotttt) makes sure of the councils (seeded; API), closes the self-assessment and
// starts the appraisal (UI); the support team (togiupviec) proposes a score; a council member (hd.thanhvien)
// adjusts one item with a reason and a comment and asks for evidence on another; the unit (camb.nhaplieu)
// replies with a file, and supplements another item on its own (001 II.3.b) — the member sees it flagged
// "Bổ sung từ lần xem trước" and on the item's thread; the member accepts that item with the keyboard and accepts the rest in bulk; the chair
// (hd.chutich) closes both groups; the DX office approves and publishes, and the snapshot digest is shown.
// Screenshots go to test/.tmp/screens/. Set E2E_BASE_URL to run against a server holding a fresh demo seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import type { FrameworkNode } from '../../src/core/framework/index.ts';
import { demoEntry } from '../../src/seed/demo-item-inputs.ts';
import { clickToOpen, openSession, pickOption } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;
const contexts: APIRequestContext[] = [];

const UNIT = 'HT.X.CAMBINH';
let campaignId = '';
let assessmentId = '';
let adjusted: { code: string; self: number } = { code: '', self: 0 };
let asked = '';
let supplemented = '';

interface Api {
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'POST' | 'PUT', path: string, data: unknown) => Promise<{ status: number; body: T }>;
}

/** A logged-in API client (cookie session + CSRF header) for the preparation steps. */
async function apiAs(username: string, password = 'demo1234'): Promise<Api> {
  const ctx = await pwRequest.newContext({ baseURL: baseUrl });
  contexts.push(ctx);
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password } });
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

async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

function leaves(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  return nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
}

/** yyyy-mm-dd and dd/mm/yyyy of today + days in Vietnam. */
function vnDate(days: number): { iso: string; shown: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, shown: `${d}/${m}/${y}` };
}

async function typeDate(page: Page, testId: string, shown: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.click();
  await input.fill(shown);
  await input.press('Enter');
}

/**
 * Waits for `done` (what success shows) unless the page shows a refusal first (any of `refusals`): then
 * fails with the refusal's words, not a bare timeout. Each refusal is watched a second longer than `done`
 * can take, so a step that neither succeeds nor is refused still fails on `done`.
 */
async function doneOrRefused(done: Promise<unknown>, refusals: { shown: Locator; says: string }[], timeout: number) {
  done.catch(() => undefined); // the race below reports it; no unhandled rejection if a refusal wins
  const refused = await Promise.race([
    done.then(() => null),
    ...refusals.map((r) =>
      r.shown.waitFor({ timeout: timeout + 1000 }).then(
        () => r,
        () => null,
      ),
    ),
  ]);
  if (refused) throw new Error(`${refused.says}: ${await refused.shown.textContent()}`);
  await done;
}

/**
 * Closes the first group still open and waits until `closed` groups show as closed (30 s: closing settles
 * the group's results, slow on a loaded CI machine), or fails with the refusal the page shows (items
 * without a final score, an error).
 */
async function closeGroup(page: Page, closed: number) {
  await page.getByTestId('adm-close').first().click();
  await page.getByTestId('adm-close-confirm').click();
  await doneOrRefused(
    expect.poll(() => page.getByTestId('adm-closed').count(), { timeout: 30_000 }).toBe(closed),
    [
      { shown: page.getByTestId('adm-missing'), says: 'the close was refused, items without a final score' },
      { shown: page.locator('.ant-notification-notice-error').first(), says: 'the close failed' },
    ],
    30_000,
  );
}

/** Saves a dialog and waits for it to close, or fails with the refusal shown in the dialog. */
async function saveDialog(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await doneOrRefused(
    page.getByTestId(testId).waitFor({ state: 'detached', timeout: 30_000 }),
    [{ shown: page.locator('.ant-modal .ant-alert-error').first(), says: 'the dialog refused' }],
    30_000,
  );
}

async function openWorkspace(page: Page, search: string) {
  await page.goto(`/campaigns/${campaignId}/appraisal`);
  await page.getByTestId('apr-queue').waitFor();
  await page.getByTestId('apr-search').fill(search);
}

const row = (page: Page, code: string) => page.getByTestId(`apr-row-${UNIT}-${code}`);

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'appraisal-loop');
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.dispose();
  await s?.close();
  await stopServer?.();
});

describe('appraisal loop', () => {
  it('Cẩm Bình completes and submits its self-assessment (API preparation)', async () => {
    const reporter = await apiAs('camb.nhaplieu');
    const mine = await reporter.get<{ items: { id: string; unit: { code: string } }[] }>('/assessments/mine');
    assessmentId = mine.items.find((a) => a.unit.code === UNIT)!.id;
    const a = await reporter.get<{
      unit: { id: string };
      campaign: { id: string };
      framework: { nodes: FrameworkNode[] };
      items: { code: string; version: number }[];
    }>(`/assessments/${assessmentId}`);
    campaignId = a.campaign.id;
    const library = await reporter.get<{ items: { id: string }[] }>(`/units/${a.unit.id}/evidence`);
    for (const node of leaves(a.framework.nodes)) {
      const item = a.items.find((i) => i.code === node.code);
      const entry = demoEntry(node, 1);
      const r = await reporter.send('PUT', `/assessments/${assessmentId}/items/${encodeURIComponent(node.code)}`, {
        ...entry,
        explanation: 'Theo báo cáo chuyển đổi số của xã.',
        evidenceIds: [library.items[0]!.id],
        version: item?.version ?? 0,
      });
      expect(r.status, `item ${node.code}`).toBe(200);
    }
    const leader = await apiAs('camb.lanhdao');
    const submitted = await leader.send('POST', `/assessments/${assessmentId}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const review = await reporter.get<{ items: { code: string; selfScore: number | null; maxPoints?: number }[] }>(
      `/assessments/${assessmentId}`,
    );
    const scored = review.items.filter((i) => (i.selfScore ?? 0) >= 1);
    adjusted = { code: scored[0]!.code, self: scored[0]!.selfScore! };
    asked = scored[1]!.code;
    supplemented = review.items.find((i) => i.code !== adjusted.code && i.code !== asked)!.code;
  });

  it('the DX office makes sure of the councils (API), closes the self-assessment and starts the appraisal (UI)', async () => {
    const admin = await apiAs('admin', 'admin123');
    const office = await apiAs('sotttt');
    const userId = async (username: string) =>
      (await admin.get<{ items: { id: string; username: string }[] }>(`/users?q=${username}`)).items.find(
        (u) => u.username === username,
      )!.id;
    const bodies = await office.get<{ items: { groupId: string }[] }>(`/campaigns/${campaignId}/bodies`);
    const progress = await office.get<{ items: { unit: { code: string }; groupId: string }[] }>(
      `/campaigns/${campaignId}/progress`,
    );
    const communeGroup = progress.items.find((p) => p.unit.code === UNIT)!.groupId;
    const all = { nodeCodes: [], domains: [], unitIds: [] };
    for (const g of bodies.items) {
      const members =
        g.groupId === communeGroup
          ? [
              ['togiupviec', 'support'],
              ['hd.thanhvien', 'member'],
              ['hd.chutich', 'chair'],
            ]
          : [['hd.chutich', 'chair']];
      for (const [username, position] of members) {
        // The demo seed sets up the same council; 409 ALREADY_MEMBER then.
        const r = await office.send<{ error?: { code: string } }>(
          'POST',
          `/campaigns/${campaignId}/groups/${g.groupId}/members`,
          { userId: await userId(username!), position, assignment: all },
        );
        expect(r.status === 201 || r.body?.error?.code === 'ALREADY_MEMBER', JSON.stringify(r.body)).toBe(true);
      }
    }
    const { page } = s;
    await login(page, 'sotttt');
    await page.goto(`/campaigns/${campaignId}`);
    for (const action of ['close_self_assessment', 'start_appraisal']) {
      await page.getByTestId(`camp-action-${action}`).click();
      // The demo's deadline is three weeks ahead: closing early states the unsubmitted units and needs a reason.
      if (action === 'close_self_assessment')
        await page.getByTestId('camp-action-reason').fill('Kết thúc sớm để trình diễn thẩm định');
      await page.getByTestId('camp-action-confirm').click();
      await page.getByTestId(`camp-action-${action}`).waitFor({ state: 'detached' });
    }
    await page.getByTestId('camp-appraisal').waitFor();
    await s.screenshot('appraisal-started');
  });

  it('the support team proposes a score', async () => {
    const { page } = s;
    await login(page, 'togiupviec');
    await openWorkspace(page, 'cam binh');
    await row(page, adjusted.code).click();
    await page.getByTestId('apr-propose-score').fill(String(adjusted.self - 0.5).replace('.', ','));
    await pickOption(page, page.getByTestId('apr-propose-reason'), 'Tài liệu kiểm chứng chưa đủ');
    await page.getByTestId('apr-propose-comment').fill('Biên bản chưa có chữ ký.');
    await page.getByTestId('apr-propose-save').click();
    await expect.poll(() => row(page, adjusted.code).getByTestId('apr-row-status').textContent()).toBe('Đã đề xuất');
    await s.screenshot('proposed');
  });

  it('a council member adjusts one item and asks for evidence on another', async () => {
    const { page } = s;
    await login(page, 'hd.thanhvien');
    await openWorkspace(page, 'cam binh');
    await row(page, adjusted.code).click();
    await page.getByTestId('apr-shortcuts').waitFor();
    await page.getByTestId('apr-appraise-score').fill(String(adjusted.self - 1).replace('.', ','));
    await page.getByTestId('apr-appraise-save').click();
    await page.getByText('Điểm khác điểm tự chấm: cần chọn lý do.').waitFor(); // checked in the browser first
    await pickOption(page, page.getByTestId('apr-appraise-reason'), 'Tính điểm chưa đúng');
    await page.getByTestId('apr-appraise-comment').fill('Số liệu không khớp báo cáo năm.');
    await page.getByTestId('apr-appraise-save').click();
    await expect.poll(() => row(page, adjusted.code).getByTestId('apr-row-status').textContent()).toBe('Đã thẩm định');
    await row(page, adjusted.code).click();
    await expect(page.getByTestId('apr-delta-final').textContent()).resolves.toBe('−1');

    await row(page, asked).click();
    await page.getByTestId('apr-request-message').fill('Đề nghị bổ sung quyết định ban hành kế hoạch.');
    await typeDate(page, 'apr-request-deadline', vnDate(7).shown);
    await page.getByTestId('apr-request-send').click();
    await expect.poll(() => row(page, asked).getByTestId('apr-row-status').textContent()).toBe('Chờ bổ sung');
    await s.screenshot('adjusted-and-asked');
  });

  it('the unit replies with a file', async () => {
    const { page } = s;
    await login(page, 'camb.nhaplieu');
    await page.goto(`/assessments/${assessmentId}`);
    const req = page.getByTestId('req-item').filter({ hasText: 'Đề nghị bổ sung quyết định' });
    await req.waitFor();
    await req.getByTestId('req-reply-text').fill('Xã gửi bổ sung Quyết định số 15/QĐ-UBND.');
    await req
      .getByTestId('req-reply-upload')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]')
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'quyet-dinh-15.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(
          '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
          'latin1',
        ),
      });
    await expect.poll(() => req.getByTestId('req-reply-library').textContent()).toContain('quyet-dinh-15.pdf');
    await req.getByTestId('req-reply-send').click();
    await req.getByTestId('request-reply').waitFor();
    await s.screenshot('unit-replied');
  });

  it('the unit supplements an item nobody asked about; the member sees the flag and the thread', async () => {
    const { page } = s;
    await page.getByTestId('as-search').fill(supplemented);
    const card = page.getByTestId(`item-${supplemented}`);
    await card.getByTestId(`item-${supplemented}-supplement`).click();
    await card.getByTestId('supplement-text-input').fill('Xã bổ sung giải trình: số liệu theo báo cáo quý IV.');
    await card.getByTestId('supplement-send').click();
    await card.getByTestId('supplement-entry').waitFor();
    await s.screenshot('unit-supplemented');

    await login(page, 'hd.thanhvien');
    await openWorkspace(page, 'cam binh');
    await pickOption(page, page.getByTestId('apr-flag'), 'Bổ sung từ lần xem trước');
    await row(page, supplemented).getByTestId('flag-supplemented_since_last_look').waitFor();
    await row(page, supplemented).click();
    await expect(page.getByTestId('apr-panel').getByTestId('supplement-text').textContent()).resolves.toBe(
      'Xã bổ sung giải trình: số liệu theo báo cáo quý IV.',
    );
    await s.screenshot('council-sees-supplement');
    // Looked at: the flag clears for this member.
    await expect.poll(() => row(page, supplemented).getByTestId('flag-supplemented_since_last_look').count()).toBe(0);
  });

  it('the council accepts the answered item with the keyboard and the rest in bulk', async () => {
    const { page } = s;
    await login(page, 'hd.thanhvien');
    await openWorkspace(page, 'cam binh');
    await row(page, asked).click();
    await page.getByTestId('apr-panel').getByTestId('request-reply').waitFor();
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expect.poll(() => row(page, asked).getByTestId('apr-row-status').textContent()).toBe('Đã thẩm định');
    await page.getByTestId('apr-search').fill('');
    await page.getByTestId('apr-queue').locator('.ant-table-thead .ant-checkbox-input').click();
    await page.getByTestId('apr-bulk-accept').click();
    await page.getByTestId('apr-bulk-confirm').click();
    const count = (tid: string) => page.getByTestId(tid).locator('.ant-statistic-content-value').textContent();
    await expect.poll(() => count('apr-sum-final'), { timeout: 20_000 }).toBe(await count('apr-sum-total'));
    await s.screenshot('all-final');
  });

  it('the chair closes the appraisal of both groups', async () => {
    const { page } = s;
    await login(page, 'hd.chutich');
    await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
    await page.getByTestId('adm-page').waitFor();
    const closers = page.getByTestId('adm-close');
    await expect.poll(() => closers.count()).toBe(2);
    for (let i = 0; i < 2; i++) await closeGroup(page, i + 1);
    await s.screenshot('closed');
  });

  it('the authority approves and publishes; the snapshot digest is shown', async () => {
    const { page } = s;
    await login(page, 'sotttt');
    await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
    const groups = ['Xã', 'Sở'];
    for (const g of groups) {
      await page.getByTestId('adm-approve').click();
      await pickOption(page, page.getByTestId('approve-group'), g);
      await page.getByTestId('approve-number').fill(`${groups.indexOf(g) + 101}/QĐ-UBND`);
      await typeDate(page, 'approve-date', vnDate(0).shown);
      await saveDialog(page, 'approve-save');
    }
    await clickToOpen(page.getByTestId('adm-publish'), page.getByTestId('adm-publish-confirm'));
    await page.getByTestId('adm-publish-confirm').click();
    await page.getByTestId('adm-published').waitFor();
    await expect(page.getByTestId('snapshot-digest').first().textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await s.screenshot('published');
    await page.goto(`/campaigns/${campaignId}/results`);
    await page.getByTestId(`res-row-${UNIT}`).waitFor();
    await expect(page.getByTestId(`res-row-${UNIT}`).getByTestId('res-percent').textContent()).resolves.toMatch(
      /^\d+,\d{2}%$/,
    );
    await s.screenshot('results');
  });

  it('once published, the unit reads on its own form why its score changed (self, final, change, reason, comment)', async () => {
    const { page } = s;
    await login(page, 'camb.nhaplieu');
    await page.goto(`/assessments/${assessmentId}`);
    // The published totals first (self, final, percent, band, rank; per main indicator), then each item.
    await page.getByTestId('as-result').waitFor();
    await expect(page.getByTestId('as-result-final').textContent()).resolves.toMatch(/^\d/);
    await s.screenshot('unit-reads-result');
    const box = page.getByTestId(`item-${adjusted.code}-appraisal`);
    await box.waitFor();
    await expect(box.getByTestId(`item-${adjusted.code}-apr-final`).textContent()).resolves.toBe(
      String(adjusted.self - 1).replace('.', ','),
    );
    await expect(box.getByTestId(`item-${adjusted.code}-apr-reason`).textContent()).resolves.toBe(
      'Tính điểm chưa đúng',
    );
    await expect(box.getByTestId(`item-${adjusted.code}-apr-comment`).textContent()).resolves.toBe(
      'Số liệu không khớp báo cáo năm.',
    );
    await expect(box.getByTestId(`item-${adjusted.code}-apr-delta`).textContent()).resolves.toContain('−1');
    // The proposed score stays with the council: the demo campaign does not show proposals to units.
    expect(await box.getByTestId(`item-${adjusted.code}-apr-proposed`).count()).toBe(0);
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('unit-reads-appraisal');
    await page.setViewportSize({ width: 390, height: 844 });
    await box.scrollIntoViewIfNeeded();
    await s.screenshot('unit-reads-appraisal-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/assessments/${assessmentId}/print`);
    await expect(page.getByTestId(`print-final-${adjusted.code}`).textContent()).resolves.toBe(
      String(adjusted.self - 1).replace('.', ','),
    );
    await expect(page.getByTestId(`print-reason-${adjusted.code}`).textContent()).resolves.toBe(
      'Tính điểm chưa đúng. Số liệu không khớp báo cáo năm.',
    );
  });
});
