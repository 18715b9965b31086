// Browser journey of an objection (kiến nghị, issue 14 §1) on the demo province. Prepared through the API as
// the DX office and the unit would do it: a campaign for Cẩm Bình whose rules take objections for 5 working
// days after publication; the unit fills and submits; the council lowers one item with a reason and a
// comment, accepts the rest and closes; the office approves and publishes. Then in Chromium: the unit reads
// its final score, the reason and the comment on its own form and objects to that item with text; its home
// shows the objection waiting; the chair, led by the home inbox to the appraisal admin page, upholds it with
// a reason and the unit's score back; the DX office publishes the corrected version with a reason; the
// portal's in-browser check of the corrected publication (version 2) reads "Hợp lệ"; the unit reads
// "Được chấp nhận" on its form, the outcome on its home and "Chấp nhận — điểm mới n" on its print view. At 390
// and 1440 px: the unit's item says what the council decided and offers a new objection (the window is still
// open), the objections list takes the admin page's full width, and neither page scrolls sideways.
// Screenshots go to test/.tmp/screens/objection-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext, Page } from 'playwright-core';
import type { FrameworkNode } from '../../src/core/framework/index.ts';
import { demoEntry, demoInfo } from '../../src/seed/demo-item-inputs.ts';
import { type BrowserSession, openSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

const UNIT = 'HT.X.CAMBINH';
let baseUrl = '';
let stopServer: (() => Promise<void>) | null = null;
let s: BrowserSession;
const contexts: APIRequestContext[] = [];
let campaignId = '';
let groupId = '';
let assessmentId = '';
let item = { code: '', self: 0 };
const shown = (n: number) => String(n).replace('.', ',');

interface Api {
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'POST' | 'PUT', path: string, data: unknown, status?: number) => Promise<T>;
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
      expect(r.status(), `${method} ${path}: ${text}`).toBeLessThan(300);
      return (text ? JSON.parse(text) : null) as T;
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

/** yyyy-mm-dd of today + days in Vietnam. */
const vnIso = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The home inbox's task of this kind that links to `href`. */
const inboxTask = (page: Page, kind: string, href: string) =>
  page.locator(`a[data-testid="inbox-${kind}"][href="${href}"]`);

async function openItem(page: Page) {
  await page.goto(`/assessments/${assessmentId}`);
  await page.getByTestId('as-search').fill(item.code);
  await page.getByTestId(`item-${item.code}-appraisal`).waitFor();
}

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'objection');
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.dispose();
  await s?.close();
  await stopServer?.();
});

describe('an objection, end to end', () => {
  it('preparation (API): a campaign taking objections after publication, appraised, approved and published', async () => {
    const office = await apiAs('sokhcn');
    const reporter = await apiAs('camb.nhaplieu');
    // The demo campaign's commune group gives the index set, the unit group and the reporting period.
    const demoId = (
      await reporter.get<{ items: { campaign: { id: string }; unit: { code: string } }[] }>('/assessments/mine')
    ).items.find((a) => a.unit.code === UNIT)!.campaign.id;
    const demo = await office.get<{
      year: number;
      ownerUnit: { id: string };
      rules: Record<string, unknown>;
      groups: {
        unitGroupId: string;
        frameworkId: string;
        reportingPeriod: { from: string; to: string };
        name: string;
      }[];
    }>(`/campaigns/${demoId}`);
    const communes = demo.groups.find((g) => g.name.includes('xã') || g.name.includes('Xã'))!;
    const unit = (await office.get<{ items: { id: string; code: string }[] }>(`/org-units?q=${UNIT}`)).items.find(
      (u) => u.code === UNIT,
    )!;
    const created = await office.send<{ id: string }>('POST', '/campaigns', {
      name: `Kỳ đánh giá có kiến nghị năm ${demo.year} (trình diễn)`,
      year: demo.year,
      kind: 'annual',
      ownerUnitId: demo.ownerUnit.id,
      rules: {
        ...demo.rules,
        unitResults: { visibility: 'after_publication', showProposed: false },
        objectionWindowDays: 5,
        objectionsFrom: 'publication',
      },
      groups: [
        {
          unitGroupId: communes.unitGroupId,
          frameworkId: communes.frameworkId,
          reportingPeriod: communes.reportingPeriod,
          deadlines: { selfAssessment: vnIso(14) },
          appraiser: 'council',
          unitIds: [unit.id],
        },
      ],
    });
    campaignId = created.id;
    // Cẩm Bình is also in the demo's annual campaign of the year: opening states why.
    await office.send('POST', `/campaigns/${campaignId}/transitions`, {
      action: 'open',
      reason: 'Kỳ trình diễn kiến nghị, không thay kỳ đánh giá năm',
    });

    const mine = await reporter.get<{ items: { id: string; campaign: { id: string } }[] }>('/assessments/mine');
    assessmentId = mine.items.find((a) => a.campaign.id === campaignId)!.id;
    const a = await reporter.get<{
      unit: { id: string };
      group: { id: string };
      framework: { nodes: FrameworkNode[]; infoFields?: { key: string }[] };
      items: { code: string; version: number }[];
      rowVersion: number;
    }>(`/assessments/${assessmentId}`);
    groupId = a.group.id;
    // The general information first (households, population, …): ratio items are computed from it.
    const keys = (a.framework.infoFields ?? []).map((f) => f.key);
    if (keys.length > 0)
      await reporter.send('PUT', `/assessments/${assessmentId}/info`, {
        values: demoInfo(keys, 1),
        rowVersion: a.rowVersion,
      });
    const library = await reporter.get<{ items: { id: string }[] }>(`/units/${a.unit.id}/evidence`);
    for (const node of leaves(a.framework.nodes)) {
      await reporter.send('PUT', `/assessments/${assessmentId}/items/${encodeURIComponent(node.code)}`, {
        ...demoEntry(node, 1),
        explanation: 'Theo báo cáo chuyển đổi số của xã.',
        evidenceIds: [library.items[0]!.id],
        version: a.items.find((i) => i.code === node.code)?.version ?? 0,
      });
    }
    await (await apiAs('camb.lanhdao')).send('POST', `/assessments/${assessmentId}/submit`, {});
    const filled = await reporter.get<{ items: { code: string; selfScore: number | null }[] }>(
      `/assessments/${assessmentId}`,
    );
    const scored = filled.items.find((i) => (i.selfScore ?? 0) >= 1)!;
    item = { code: scored.code, self: scored.selfScore! };

    await office.send('POST', `/campaigns/${campaignId}/transitions`, {
      action: 'close_self_assessment',
      reason: 'Đơn vị đã nộp, kết thúc sớm để trình diễn kiến nghị',
    });
    await office.send('POST', `/campaigns/${campaignId}/transitions`, { action: 'start_appraisal' });
    const admin = await apiAs('admin', 'admin123');
    const userId = async (username: string) =>
      (await admin.get<{ items: { id: string; username: string }[] }>(`/users?q=${username}`)).items.find(
        (u) => u.username === username,
      )!.id;
    const base = `/campaigns/${campaignId}/groups/${groupId}`;
    await office.send('PUT', `${base}/body`, {
      kind: 'council',
      name: 'Hội đồng thẩm định chỉ số chuyển đổi số tỉnh',
      decisionRef: 'Quyết định số 5/QĐ-UBND',
    });
    const all = { nodeCodes: [], domains: [], unitIds: [] };
    for (const [username, position] of [
      ['hd.chutich', 'chair'],
      ['hd.thanhvien', 'member'],
    ] as const)
      await office.send('POST', `${base}/members`, { userId: await userId(username), position, assignment: all });

    // The council lowers one item with a reason and a comment, and accepts the rest.
    const chair = await apiAs('hd.chutich');
    const review = await chair.get<{ items: { code: string; version: number }[] }>(
      `/assessments/${assessmentId}/review`,
    );
    await chair.send('PUT', `/assessments/${assessmentId}/items/${encodeURIComponent(item.code)}/appraisal`, {
      finalScore: item.self - 1,
      reason: 'insufficient_evidence',
      comment: 'Biên bản chưa có chữ ký.',
      version: review.items.find((i) => i.code === item.code)?.version ?? 0,
    });
    const queue = await chair.get<{ items: { assessmentId: string; code: string; version: number; status: string }[] }>(
      `/appraisal/queue?campaignId=${campaignId}`,
    );
    await chair.send('POST', '/appraisal/bulk-accept', {
      items: queue.items
        .filter((i) => i.status !== 'final')
        .map(({ assessmentId: id, code, version }) => ({ assessmentId: id, code, version })),
    });
    await chair.send('POST', `/campaigns/${campaignId}/close-appraisal`, { groupId });
    await office.send('POST', `/campaigns/${campaignId}/approve`, {
      groupId,
      decisionNumber: '55/QĐ-UBND',
      decisionDate: vnIso(0),
    });
    await office.send('POST', `/campaigns/${campaignId}/publish`, {});
  });

  it('the unit reads its final score, the reason and the comment on its form, and objects to that item', async () => {
    const { page } = s;
    await login(page, 'camb.nhaplieu');
    // Its home says the window is open, until when.
    await inboxTask(page, 'objection_window', `/assessments/${assessmentId}`).waitFor();
    await openItem(page);
    const box = page.getByTestId(`item-${item.code}-appraisal`);
    await expect(box.getByTestId(`item-${item.code}-apr-final`).textContent()).resolves.toBe(shown(item.self - 1));
    await expect(box.getByTestId(`item-${item.code}-apr-reason`).textContent()).resolves.toBe(
      'Tài liệu kiểm chứng chưa đủ',
    );
    await expect(box.getByTestId(`item-${item.code}-apr-comment`).textContent()).resolves.toBe(
      'Biên bản chưa có chữ ký.',
    );
    await page.getByTestId(`item-${item.code}-object`).click();
    const form = page.getByTestId(`item-${item.code}-objection-form`);
    await form.getByTestId('objection-text-input').fill('Biên bản đã được ký ngày 15/10, đơn vị gửi kèm bản chụp.');
    await form.getByTestId('objection-send').click();
    const entry = page.getByTestId(`item-${item.code}-objection`);
    await entry.getByTestId('objection-status-open').waitFor();
    await expect(entry.getByTestId('objection-status-open').textContent()).resolves.toBe('Đang chờ trả lời');
    // One open objection per item: none more is offered while it waits.
    await expect(page.getByTestId(`item-${item.code}-object`).count()).resolves.toBe(0);
    await entry.scrollIntoViewIfNeeded();
    await s.screenshot('unit-objected');
    await page.goto('/');
    await expect(
      inboxTask(page, 'objections_pending', `/assessments/${assessmentId}`).textContent(),
    ).resolves.toContain('1 kiến nghị đang chờ Hội đồng thẩm định trả lời');
  });

  it('the chair, led by the inbox, upholds the objection with a reason and the score back', async () => {
    const { page } = s;
    await login(page, 'hd.chutich');
    const task = inboxTask(page, 'campaign_objections', `/campaigns/${campaignId}/appraisal-admin`);
    await expect(task.textContent()).resolves.toContain('1 kiến nghị của 1 đơn vị chờ trả lời');
    await task.click();
    await page.waitForURL(/\/appraisal-admin$/);
    await page.getByTestId(`objection-answer-${item.code}`).click();
    await page.getByTestId('objection-uphold').click();
    await page.getByTestId('objection-score').fill(shown(item.self));
    await page.getByTestId('objection-reason').fill('Biên bản bổ sung có đủ chữ ký: giữ điểm tự chấm.');
    await page.getByTestId('objection-answer-send').click();
    await expect.poll(() => page.getByTestId('adm-objections').getByTestId('objection-status-upheld').count()).toBe(1);
    await s.screenshot('council-upheld');
  });

  it('the DX office publishes the corrected version with a reason; the portal verifies it in the browser', async () => {
    const { page } = s;
    await login(page, 'sokhcn');
    await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
    await page.getByTestId('adm-correction-due').waitFor();
    await page
      .getByTestId('adm-publish-reason')
      .fill(`Đính chính theo kiến nghị của xã Cẩm Bình về chỉ số ${item.code}`);
    await page.getByTestId('adm-publish').click();
    await page.getByTestId('adm-publish-confirm').click();
    await expect.poll(() => page.getByTestId('adm-correction-due').count()).toBe(0);
    await s.screenshot('corrected');

    await page.goto(`/cong-khai/ky/${campaignId}/du-lieu-mo`);
    await page.getByTestId('verify-panel').waitFor();
    await expect(page.getByTestId('portal-open-data').textContent()).resolves.toContain('phiên bản 2');
    await expect.poll(() => page.getByTestId('verify-published-result').textContent()).toBe('Hợp lệ');
    await expect(page.getByTestId('portal-open-data').textContent()).resolves.toContain(
      `Đính chính theo kiến nghị của xã Cẩm Bình về chỉ số ${item.code}`,
    );
    await s.screenshot('portal-verified');
  });

  it('the unit reads "Được chấp nhận" on its form, the outcome on its home and on its print view', async () => {
    const { page } = s;
    await login(page, 'camb.nhaplieu');
    await expect(
      inboxTask(page, 'objections_answered', `/assessments/${assessmentId}`).textContent(),
    ).resolves.toContain('1 kiến nghị được chấp nhận');
    await openItem(page);
    const entry = page.getByTestId(`item-${item.code}-objection`);
    await expect(entry.getByTestId('objection-status-upheld').textContent()).resolves.toBe('Được chấp nhận');
    await expect(
      page.getByTestId(`item-${item.code}-appraisal`).getByTestId(`item-${item.code}-apr-final`).textContent(),
    ).resolves.toBe(shown(item.self));
    await entry.scrollIntoViewIfNeeded();
    await s.screenshot('unit-reads-upheld');
    await page.goto(`/assessments/${assessmentId}/print`);
    await expect(page.getByTestId(`print-objection-${item.code}`).textContent()).resolves.toBe(
      `Chấp nhận — điểm mới ${shown(item.self)}`,
    );
    await s.screenshot('print');
  });
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    it(`at ${viewport.width} px: the answer and a new objection on the unit's item; the list at full width`, async () => {
      const w = await openSession(baseUrl, `objection-${viewport.width}`, viewport);
      try {
        const { page } = w;
        const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
        await login(page, 'camb.nhaplieu');
        await openItem(page);
        await expect(page.getByTestId(`item-${item.code}-objection-outcome`).textContent()).resolves.toContain(
          `Hội đồng chấp nhận kiến nghị — điểm thẩm định mới: ${shown(item.self)}`,
        );
        // Answered, within the window: a new objection is offered, and said to be one.
        const offer = page.getByTestId(`item-${item.code}-object-offer`);
        await expect(offer.getByTestId(`item-${item.code}-object`).textContent()).resolves.toBe('Gửi kiến nghị mới');
        await expect(offer.textContent()).resolves.toContain('Kiến nghị trước đã được trả lời');
        await offer.scrollIntoViewIfNeeded();
        expect(await pageWidth(), 'the unit’s page width').toBeLessThanOrEqual(viewport.width);
        await w.screenshot('unit-answered');

        await login(page, 'hd.chutich');
        await page.goto(`/campaigns/${campaignId}/appraisal-admin`);
        const card = page.getByTestId('adm-objections');
        await card.getByTestId('objection-status-upheld').waitFor();
        const [cardBox, pageBox] = [(await card.boundingBox())!, (await page.getByTestId('adm-page').boundingBox())!];
        expect(cardBox.width, 'the objections list takes the page’s width').toBeGreaterThanOrEqual(pageBox.width - 1);
        expect(await pageWidth(), 'the admin page width').toBeLessThanOrEqual(viewport.width);
        await w.screenshot('admin-objections');
      } finally {
        await w.close();
      }
    });
  }
});
