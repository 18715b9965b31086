// Browser journey (issue 13 §1; 000 Điều 7.2 "chỉ đánh giá mức độ thực hiện, không đánh giá xếp loại"):
// the DX office creates the 3/6/9-month rounds of the demo's open annual campaign and opens the first;
// its results page is a "Báo cáo tiến độ" — completion, points reported, the annual result — with no
// band and no rank column, and its export button offers a progress report, not a ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as pwRequest } from 'playwright-core';
import type { APIRequestContext } from 'playwright-core';
import { openSession } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';
import { SYSTEM_CLOCK_DEADLINE } from '../support/campaign-fixture.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;
let api: APIRequestContext;
let csrf = '';
let roundId = '';

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'progress-report');
  api = await pwRequest.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'sotttt', password: 'demo1234' } });
  expect(login.status()).toBe(200);
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
}, 180_000);

afterAll(async () => {
  await api?.dispose();
  await s?.close();
  await stopServer?.();
});

const post = async (path: string, data: unknown) => {
  const r = await api.fetch(`/api/v1${path}`, { method: 'POST', data, headers: { 'x-csrf-token': csrf } });
  return { status: r.status(), body: JSON.parse((await r.text()) || 'null') };
};

describe('a progress round is a progress report', () => {
  it('the office creates and opens the 3-month round of the open annual campaign (API preparation)', async () => {
    const list = (await (await api.get('/api/v1/campaigns?pageSize=100')).json()) as {
      items: { id: string; kind: string; status: string }[];
    };
    const annual = list.items.find((c) => c.kind === 'annual' && c.status === 'open')!;
    expect(annual).toBeDefined();
    const rounds = await post(`/campaigns/${annual.id}/progress-rounds`, { months: [3] });
    expect(rounds.status, JSON.stringify(rounds.body)).toBe(201);
    const round = rounds.body.created[0] as { id: string; groups: { id: string }[] };
    roundId = round.id;
    const opened = await post(`/campaigns/${roundId}/transitions`, {
      action: 'open',
      reason: 'Báo cáo tiến độ quý I',
      deadlines: round.groups.map((g) => ({ groupId: g.id, selfAssessment: SYSTEM_CLOCK_DEADLINE })),
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  });

  it('its results page shows completion and the annual result, and no band or rank', async () => {
    const { page } = s;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('sotttt');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.goto(`/campaigns/${roundId}/results`);
    await page.getByTestId('res-not-ranked').waitFor();
    await expect(page.getByRole('heading', { level: 3 }).first().textContent()).resolves.toBe('Báo cáo tiến độ');
    const table = page.locator('[data-testid^="res-progress-table-"]').first();
    await table.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Mức độ hoàn thành', 'Điểm tự chấm', 'Kỳ trước', 'Kết quả năm']));
    expect(headers).not.toContain('Xếp loại');
    expect(headers).not.toContain('Xếp hạng');
    expect(await page.locator('[data-testid^="res-table-"]').count()).toBe(0);
    await expect(page.getByTestId('res-completion').first().textContent()).resolves.toMatch(/^\d+\/\d+ chỉ tiêu$/);
    await expect(page.getByTestId('export-ranking_xlsx').textContent()).resolves.toBe('Báo cáo tiến độ (.xlsx)');
    await s.screenshot('results');
  });
});
