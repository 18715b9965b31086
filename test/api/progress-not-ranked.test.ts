// Issue 13 §1: a progress round is never ranked (000 Điều 7.2; 003 Điều 2.1.c "chỉ đánh giá mức độ thực
// hiện, không đánh giá xếp loại"). A 3-month round is opened, C1 submits on time, C3 three days late, C2
// never; it is appraised, approved and published. Its results, dashboards, exports and public pages carry
// no rank, no band, no band distribution and no late penalty — completion and the comparison with the
// annual campaign instead — while the annual campaign itself still ranks.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { acceptEverything, transition } from '../support/appraisal-fixture.ts';
import { type CampaignIds, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let annual: CampaignIds;
let round: { id: string; groupId: string; assessments: Record<string, string> };
let sixMonths: string;

type Row = {
  unit: { code: string };
  status: string;
  rank: number | null;
  band: unknown;
  bandByScore: unknown;
  penaltyPoints: number;
  lowestBandReason: string | null;
  rankable: boolean;
  timing: string;
  progress?: {
    completion: { complete: number; applicable: number };
    previous?: { campaignId: string; delta: number } | null;
    annual?: { campaignId: string; selfTotal: number } | null;
  };
};

async function ok(res: Promise<{ statusCode: number; body: string }>, expected: number, what: string) {
  const r = await res;
  if (r.statusCode !== expected) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

async function openRound(id: string, groupId: string, deadline: string) {
  const office = await t.as('office');
  await ok(
    office.post(`/api/v1/campaigns/${id}/transitions`, {
      action: 'open',
      deadlines: [{ groupId, selfAssessment: deadline }],
    }),
    200,
    'open round',
  );
  const list = (await office.get(`/api/v1/campaigns/${id}/assessments?pageSize=500`)).json().items as {
    assessmentId: string;
    unit: { code: string };
  }[];
  return Object.fromEntries(list.map((a) => [a.unit.code, a.assessmentId]));
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  annual = await createOpenCampaign(t, { name: 'Đánh giá DTI năm 2026', rules: { reportersMaySubmit: true } });
  await fillAll(t, annual.assessments.C1!, 'rep_c1');
  await fillAll(t, annual.assessments.C3!, 'rep_c3');
  const office = await t.as('office');
  const created = (await ok(office.post(`/api/v1/campaigns/${annual.campaignId}/progress-rounds`, {}), 201, 'rounds'))
    .body;
  const rounds = JSON.parse(created).created as { id: string; progressMonths: number; groups: { id: string }[] }[];
  const three = rounds.find((r) => r.progressMonths === 3)!;
  const six = rounds.find((r) => r.progressMonths === 6)!;
  sixMonths = six.id;
  round = {
    id: three.id,
    groupId: three.groups[0]!.id,
    assessments: await openRound(three.id, three.groups[0]!.id, '2026-11-12'),
  };
  // C1 on time; C3 three days late (the annual rule would take 100 points off); C2 never.
  await ok((await t.as('rep_c1')).post(`/api/v1/assessments/${round.assessments.C1}/submit`), 200, 'submit C1');
  now = new Date('2026-11-15T03:00:00Z');
  await ok((await t.as('rep_c3')).post(`/api/v1/assessments/${round.assessments.C3}/submit`), 200, 'submit C3');
  await transition(t, round.id, 'close_self_assessment');
  await transition(t, round.id, 'start_appraisal');
  const base = `/api/v1/campaigns/${round.id}/groups/${round.groupId}`;
  await ok(
    office.put(`${base}/body`, { kind: 'council', name: 'Hội đồng thẩm định', decisionRef: 'Quyết định số 3/QĐ-UBND' }),
    200,
    'body',
  );
  await ok(
    office.post(`${base}/members`, {
      userId: t.user('chair'),
      position: 'chair',
      assignment: { nodeCodes: [], domains: [], unitIds: [] },
    }),
    201,
    'chair',
  );
  const ids = { campaignId: round.id, groupId: round.groupId, frameworkId: '', assessments: round.assessments };
  await acceptEverything(t, ids);
  const chair = await t.as('chair');
  await ok(chair.post(`/api/v1/campaigns/${round.id}/close-appraisal`, { groupId: round.groupId }), 200, 'close');
  await ok(
    office.post(`/api/v1/campaigns/${round.id}/approve`, {
      groupId: round.groupId,
      decisionNumber: '300/QĐ-UBND',
      decisionDate: '2026-11-15',
      signer: 'Phó Chủ tịch UBND tỉnh',
    }),
    200,
    'approve',
  );
  await ok(office.post(`/api/v1/campaigns/${round.id}/publish`, {}), 201, 'publish');
});
afterAll(() => t.close());

const noRanking = (r: Row) => {
  expect(r.status).toBe('progress_report');
  expect([r.rank, r.band, r.bandByScore, r.lowestBandReason, r.rankable, r.penaltyPoints]).toEqual([
    null,
    null,
    null,
    null,
    false,
    0,
  ]);
};

describe('a progress round is never ranked (000 Điều 7.2)', () => {
  it('results: no rank, band, distribution or penalty; completion and the annual result instead', async () => {
    const res = (await (await t.as('office')).get(`/api/v1/campaigns/${round.id}/results`)).json();
    expect(res.kind).toBe('progress');
    expect(res.classification).toEqual({
      ranked: false,
      classified: false,
      latePenalised: false,
      publishedAs: 'progress_report',
    });
    expect(res.groups[0]).not.toHaveProperty('distribution');
    const rows = res.items as Row[];
    expect(rows.map((r) => r.unit.code)).toEqual(['C1', 'C2', 'C3']);
    rows.forEach(noRanking);
    const c3 = rows.find((r) => r.unit.code === 'C3')!;
    // Lateness is a fact, not a penalty: "late", never "late beyond the tolerance", no points off.
    expect(c3.timing).toBe('late');
    const c1 = rows.find((r) => r.unit.code === 'C1')!;
    expect(c1.progress!.completion.applicable).toBeGreaterThan(0);
    expect(c1.progress!.completion.complete).toBe(c1.progress!.completion.applicable);
    expect(c1.progress!.previous).toBeNull();
    // The annual campaign is still open: it has no result yet, and its work in progress is not shown.
    expect(c1.progress!.annual).toBeNull();
  });

  it('the late unit\u2019s assessment stores no penalty and no lowest band', async () => {
    const a = (await (await t.as('rep_c3')).get(`/api/v1/assessments/${round.assessments.C3}`)).json();
    expect([a.daysLate, a.penaltyPoints, a.lowestBand, a.timing]).toEqual([3, 0, false, 'late']);
    expect(a.timingNote).toEqual({ code: 'late', params: { days: 3 } });
  });

  it('the next round is compared with the previous one', async () => {
    const six = await openRound(
      sixMonths,
      (await (await t.as('office')).get(`/api/v1/campaigns/${sixMonths}`)).json().groups[0].id,
      '2026-11-30',
    );
    expect(six.C1).toBeDefined();
    const rows = (await (await t.as('office')).get(`/api/v1/campaigns/${sixMonths}/results`)).json().items as Row[];
    const c1 = rows.find((r) => r.unit.code === 'C1')!;
    noRanking(c1);
    expect(c1.progress!.previous).toMatchObject({ campaignId: round.id, delta: 0 });
  });

  it('dashboards: no band, rank, distribution or gap; no what-if (409 NOT_RANKED)', async () => {
    const office = await t.as('office');
    const unit = (await office.get(`/api/v1/dashboards/unit/${t.unit('C1')}?campaignId=${round.id}`)).json();
    expect(unit.result).toMatchObject({ band: null, bandByScore: null, rank: null, penaltyPoints: 0 });
    expect([unit.gap, unit.lastYear]).toEqual([null, null]);
    expect(unit.result.progress.completion.applicable).toBeGreaterThan(0);
    const district = (await office.get(`/api/v1/dashboards/district/${t.unit('D1')}?campaignId=${round.id}`)).json();
    expect(district.summary.distribution).toBeNull();
    for (const c of district.communes) {
      expect([c.band, c.rank, c.districtRank]).toEqual([null, null, null]);
      expect(c.progress.completion).toBeDefined();
    }
    const overview = (await office.get('/api/v1/dashboards/overview')).json();
    const mine = overview.results.find((r: { campaign: { id: string } }) => r.campaign.id === round.id);
    expect(mine.distribution).toEqual([]);
    const whatIf = await office.post(`/api/v1/campaigns/${round.id}/what-if`, {
      unitId: t.unit('C1'),
      changes: [{ code: '1.1', score: 10 }],
    });
    expect([whatIf.statusCode, whatIf.json().error.code]).toEqual([409, 'NOT_RANKED']);
  });

  it('public portal: published as a progress report, no rank or band', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/v1/campaigns' })).json();
    expect(list.items.find((c: { id: string }) => c.id === round.id)).toMatchObject({
      kind: 'progress',
      publishedAs: 'progress_report',
    });
    const g = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/campaigns/${round.id}/groups/${round.groupId}/results` })
    ).json();
    expect(g).toMatchObject({ publishedAs: 'progress_report', distribution: [], notRankable: 0 });
    for (const r of g.items) {
      expect([r.rank, r.band, r.rankable, r.lowestBandReason, r.penaltyPoints]).toEqual([null, null, false, null, 0]);
      expect(r.progress.completion).toBeDefined();
    }
    const page = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/units/${t.unit('C1')}?campaignId=${round.id}` })
    ).json();
    expect(page.result).toMatchObject({ publishedAs: 'progress_report', rank: null, band: null });
    const method = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/campaigns/${round.id}/methodology` })
    ).json();
    expect(method.rules.publishedAs).toBe('progress_report');
    expect(method.rules.ranking).toMatch(/không xếp loại, không xếp hạng/);
  });

  it('exports: a progress report workbook and annex, no band or rank column', async () => {
    const office = await t.as('office');
    const run = async (kind: string, unitId?: string) => {
      const res = await office.post(`/api/v1/campaigns/${round.id}/exports`, { kind, ...(unitId ? { unitId } : {}) });
      expect(res.statusCode, res.body).toBe(202);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
      const ctx = { db: t.database.db, config, clock: () => new Date(), realClock: () => new Date() };
      await createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
      const job = (await office.get(`/api/v1/jobs/${res.json().jobId}`)).json();
      expect(job.status).toBe('done');
      return office.get(job.result.downloadUrl);
    };
    const xlsx = await run('ranking_xlsx');
    expect(xlsx.headers['content-disposition']).toMatch(/Bao-cao-tien-do-DTI-2026\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('BÁO CÁO TIẾN ĐỘ CHUYỂN ĐỔI SỐ NĂM 2026');
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toContain('Chỉ tiêu đã báo cáo');
    expect(header).not.toContain('Xếp loại');
    expect(header).not.toContain('Xếp hạng');
    const docx = await run('annex_docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('BÁO CÁO TIẾN ĐỘ CHUYỂN ĐỔI SỐ NĂM 2026');
    expect(xml).not.toContain('Xếp hạng');
    expect(xml).not.toContain('Xếp loại');
    const card = new ExcelJS.Workbook();
    await card.xlsx.load((await run('scorecard_xlsx', t.unit('C1'))).rawPayload as unknown as ArrayBuffer);
    const text: string[] = [];
    card.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).toMatch(/Mức độ hoàn thành: \d+\/\d+ chỉ tiêu/);
    expect(text.join('\n')).not.toMatch(/Xếp hạng|Xếp loại/);
  });

  it('once the annual campaign is published, each unit is compared with its annual result', async () => {
    for (const code of ['C1', 'C3'])
      await ok(
        (await t.as(`rep_${code.toLowerCase()}`)).post(`/api/v1/assessments/${annual.assessments[code]}/submit`),
        200,
        `submit ${code}`,
      );
    await transition(t, annual.campaignId, 'close_self_assessment');
    await transition(t, annual.campaignId, 'start_appraisal');
    const office = await t.as('office');
    const base = `/api/v1/campaigns/${annual.campaignId}/groups/${annual.groupId}`;
    await ok(office.put(`${base}/body`, { kind: 'council', name: 'Hội đồng thẩm định năm' }), 200, 'body');
    await ok(
      office.post(`${base}/members`, {
        userId: t.user('chair'),
        position: 'chair',
        assignment: { nodeCodes: [], domains: [], unitIds: [] },
      }),
      201,
      'chair',
    );
    await acceptEverything(t, annual);
    const chair = await t.as('chair');
    await ok(
      chair.post(`/api/v1/campaigns/${annual.campaignId}/close-appraisal`, { groupId: annual.groupId }),
      200,
      'close',
    );
    await ok(
      office.post(`/api/v1/campaigns/${annual.campaignId}/approve`, {
        groupId: annual.groupId,
        decisionNumber: '301/QĐ-UBND',
        decisionDate: '2026-11-15',
      }),
      200,
      'approve',
    );
    await ok(office.post(`/api/v1/campaigns/${annual.campaignId}/publish`, {}), 201, 'publish annual');
    const rows = (await office.get(`/api/v1/campaigns/${round.id}/results`)).json().items as Row[];
    const c1 = rows.find((r) => r.unit.code === 'C1')!;
    noRanking(c1);
    expect(c1.progress!.annual).toMatchObject({ campaignId: annual.campaignId, delta: 0 });
    expect((c1.progress!.annual as unknown as { finalTotal: number }).finalTotal).toBe(c1.progress!.annual!.selfTotal);
  });

  it('the annual campaign still ranks: ranks, bands and a distribution', async () => {
    const res = (await (await t.as('office')).get(`/api/v1/campaigns/${annual.campaignId}/results`)).json();
    expect(res.classification).toMatchObject({ ranked: true, classified: true, publishedAs: 'ranking' });
    expect(res.groups[0].distribution.total).toBe(3);
    const rows = res.items as Row[];
    expect(rows.every((r) => typeof r.rank === 'number' && r.band !== null)).toBe(true);
    expect(rows.find((r) => r.unit.code === 'C2')).toMatchObject({ lowestBandReason: 'not_submitted' });
  });
});
