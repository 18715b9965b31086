// Dashboards by role scope. Campaigns (compact set, 100 points; C1, C3 submit, C2 never does):
// 2025 published on the compact set (C1 = C3 = 67.5); 2026 on another index set with no node mapping
// (the council raised C3's 1.1 to 10: C3 70 Khá, C1 67.5 Trung bình), first under appraisal then
// published; 2027 open (C1 submitted, C3 one item saved, C2 nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ItemScoreInput, computeUnitResult, gapAnalysis } from '../../src/core/results/index.ts';
import { frameworkMappings } from '../../src/db/schema/frameworks.ts';
import {
  COMPACT_FRAMEWORK,
  type CampaignIds,
  compactFrameworkId,
  createOpenCampaign,
  fillAll,
} from '../support/campaign-fixture.ts';
import { otherFramework, publishCampaign, runCampaign } from '../support/dashboard-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2025-11-10T03:00:00Z');
let t: TestApp;
let y2025: CampaignIds;
let y2026: CampaignIds;
let y2027: CampaignIds;
let fw2 = '';
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  const setNow = (d: Date) => (now = d);
  fw2 = await otherFramework(t);
  y2025 = await runCampaign(t, { name: 'DTI cấp xã 2025', year: 2025, setNow, until: 'published' });
  y2026 = await runCampaign(t, {
    name: 'DTI cấp xã 2026',
    year: 2026,
    frameworkId: fw2,
    setNow,
    finals: [{ unit: 'C3', code: '1.1', score: 10 }],
    until: 'appraisal',
  });
  y2027 = await createOpenCampaign(t, {
    name: 'DTI cấp xã 2027',
    year: 2027,
    deadline: '2027-11-15',
    rules: { reportersMaySubmit: true },
  });
  await fillAll(t, y2027.assessments.C1!, 'rep_c1');
  if ((await (await t.as('rep_c1')).post(`/api/v1/assessments/${y2027.assessments.C1}/submit`)).statusCode !== 200)
    throw new Error('submit');
  await (
    await t.as('rep_c3')
  ).put(`/api/v1/assessments/${y2027.assessments.C3}/items/1.1`, {
    inputs: {},
    selfScore: 5,
    explanation: 'Đang nhập',
    version: 0,
  });
});
afterAll(() => t.close());

const unitPage = (unit: string, c: CampaignIds) => `/api/v1/dashboards/unit/${t.unit(unit)}?campaignId=${c.campaignId}`;
const districtPage = (unit: string, c: CampaignIds) =>
  `/api/v1/dashboards/district/${t.unit(unit)}?campaignId=${c.campaignId}`;
const get = async (who: string, url: string) => (await t.as(who)).get(url);
const codes = (list: { unit: { code: string } }[]) => list.map((x) => x.unit.code);

describe('during appraisal', () => {
  it('the office sees the live, provisional result; the unit and a district office see none before publication', async () => {
    const c3 = (await get('office', unitPage('C3', y2026))).json();
    expect(c3).toMatchObject({
      source: 'live',
      provisional: true,
      result: { finalTotal: 10, complete: false },
      unavailable: null,
    });
    const mine = (await get('rep_c1', unitPage('C1', y2026))).json();
    expect(mine).toMatchObject({ result: null, gap: null, unavailable: { reason: 'not_published' } });
    expect(mine.history.map((h: { year: number; percent: number }) => [h.year, h.percent])).toEqual([[2025, 67.5]]);
    expect((await get('d1office', unitPage('C1', y2026))).json().unavailable.reason).toBe('not_published');
    expect((await get('d1office', districtPage('D1', y2026))).json()).toMatchObject({
      summary: null,
      unavailable: { reason: 'not_published' },
    });
  });

  it('publication of 2026', async () => {
    await publishCampaign(t, y2026, 2026);
  });
});

describe('overview', () => {
  it('open campaigns: submitted, not started, in progress per group and per district; published: bands and main-indicator averages', async () => {
    const o = (await get('office', '/api/v1/dashboards/overview')).json();
    const open = o.progress.find((p: { campaign: { id: string } }) => p.campaign.id === y2027.campaignId);
    expect(open.summary).toEqual({ total: 3, submitted: 1, late: 0, notStarted: 1, inProgress: 1, overdue: 0 });
    expect(open.groups).toEqual([expect.objectContaining({ total: 3, submitted: 1, notStarted: 1, inProgress: 1 })]);
    expect(
      open.districts.map(
        (d: {
          district: { code: string };
          total: number;
          submitted: number;
          notStarted: number;
          inProgress: number;
        }) => [d.district.code, d.total, d.submitted, d.notStarted, d.inProgress],
      ),
    ).toEqual([
      ['D1', 2, 1, 1, 0],
      ['D2', 1, 0, 0, 1],
    ]);
    expect(o.results.map((r: { campaign: { year: number } }) => r.campaign.year)).toEqual([2026, 2025]);
    const r2026 = o.results[0];
    expect(r2026.distribution[0].bands.map((b: { code: string; count: number }) => [b.code, b.count])).toEqual([
      ['tot', 0],
      ['kha', 1],
      ['tb', 1],
      ['yeu', 1],
    ]);
    // Indicator 1: C1 27.5/40, C2 0/40, C3 30/40 → (68.75 + 0 + 75) / 3; indicator 2: (66.67 + 0 + 66.67) / 3.
    expect(
      r2026.mainIndicatorAverages[0].indicators.map((i: { code: string; averagePercent: number }) => [
        i.code,
        i.averagePercent,
      ]),
    ).toEqual([
      ['1', 47.92],
      ['2', 44.44],
    ]);
  });

  it('year over year on another index set without a confirmed mapping: not comparable — no delta, no rank move, the reason', async () => {
    const o = (await get('office', '/api/v1/dashboards/overview')).json();
    const ly = o.results[0].lastYear;
    expect(ly.campaign.id).toBe(y2025.campaignId);
    expect(ly.groups[0]).toMatchObject({
      mappings: [{ mapping: 'none' }],
      units: 3,
      comparableUnits: 0,
      averageDelta: null,
      improved: 0,
      declined: 0,
      unchanged: 0,
      // C2 submitted neither year: that reason comes first; C1 and C3 stand on unrelated index sets.
      notComparable: [
        { reason: 'different_index_set', units: 2 },
        { reason: 'not_submitted', params: { side: 'current' }, units: 1 },
      ],
    });
    expect(
      ly.groups[0].indicators.map((i: { comparable: boolean; notComparableReasons: string[] }) => [
        i.comparable,
        i.notComparableReasons,
      ]),
    ).toEqual([
      [false, ['different_index_set', 'not_submitted']],
      [false, ['different_index_set', 'not_submitted']],
    ]);
    const c3 = (await get('office', unitPage('C3', y2026))).json().lastYear;
    expect(c3).toMatchObject({
      comparable: false,
      reason: 'different_index_set',
      previousPercent: 67.5,
      currentPercent: 70,
      deltaPercent: null,
      previousRank: 1,
      currentRank: 1,
      deltaRank: null,
      rank: { comparable: false, reason: 'different_index_set' },
    });
    expect(
      c3.indicators.every(
        (i: { comparable: boolean; reason: string; deltaPercent: number | null }) =>
          !i.comparable && i.reason === 'different_index_set' && i.deltaPercent === null,
      ),
    ).toBe(true);
  });

  it('once a mapping is confirmed: the percent and main indicators compare through it; the rank does not (index set changed); a non-submitter never', async () => {
    const pairs = COMPACT_FRAMEWORK.nodes
      .flatMap((n) => [n, ...(n.children ?? [])])
      .map((n) => ({ fromCode: n.code, toCode: n.code }));
    await t.database.db.insert(frameworkMappings).values({ fromId: await compactFrameworkId(t), toId: fw2, pairs });
    const c3 = (await get('office', unitPage('C3', y2026))).json().lastYear;
    expect(c3.mappings).toEqual([expect.objectContaining({ mapping: 'confirmed' })]);
    expect(c3).toMatchObject({
      comparable: true,
      deltaPercent: 2.5,
      deltaRank: null,
      rank: { comparable: false, reason: 'index_set_changed' },
    });
    expect(
      c3.indicators.map((i: { code: string; comparable: boolean; deltaPercent: number }) => [
        i.code,
        i.comparable,
        i.deltaPercent,
      ]),
    ).toEqual([
      ['1', true, 6.25],
      ['2', true, 0],
    ]);
    // C2 submitted neither year: its figures are not assessments.
    const c2 = (await get('office', unitPage('C2', y2026))).json().lastYear;
    expect(c2).toMatchObject({
      comparable: false,
      reason: 'not_submitted',
      params: { side: 'current' },
      deltaPercent: null,
    });
    const ly = (await get('office', '/api/v1/dashboards/overview')).json().results[0].lastYear;
    expect(ly.groups[0]).toMatchObject({
      mappings: [{ mapping: 'confirmed' }],
      comparableUnits: 2,
      averageDelta: 1.25,
      improved: 1,
      unchanged: 1,
      notComparable: [{ reason: 'not_submitted', params: { side: 'current' }, units: 1 }],
    });
  });
});

describe('scope', () => {
  it('a district DX office sees only its communes: overview, district page; another district or its commune → 404', async () => {
    const o = (await get('d1office', '/api/v1/dashboards/overview')).json();
    const open = o.progress.find((p: { campaign: { id: string } }) => p.campaign.id === y2027.campaignId);
    expect(open.summary.total).toBe(2);
    expect(open.districts.map((d: { district: { code: string } }) => d.district.code)).toEqual(['D1']);
    expect(o.results[0].distribution[0].total).toBe(2);
    const d1 = (await get('d1office', districtPage('D1', y2026))).json();
    expect(codes(d1.communes)).toEqual(['C1', 'C2']);
    expect((await get('d1office', districtPage('D2', y2026))).statusCode).toBe(404);
    expect((await get('d1office', unitPage('C3', y2026))).statusCode).toBe(404);
    expect((await get('rep_c1', unitPage('C3', y2026))).statusCode).toBe(404);
    expect((await get('rep_c1', '/api/v1/dashboards/overview')).statusCode).toBe(403);
  });
});

describe('district and unit pages', () => {
  it("district: mean of the communes' percents, lowest, highest, bands, list with ranks", async () => {
    const d1 = (await get('office', districtPage('D1', y2026))).json();
    expect(d1.summary).toMatchObject({
      averagePercent: 33.75,
      minPercent: 0,
      maxPercent: 67.5,
      counted: 2,
      total: 2,
      forcedLowestBand: 1,
    });
    expect(d1.summary.distribution.bands.map((b: { count: number }) => b.count)).toEqual([0, 0, 1, 1]);
    expect(
      d1.communes.map((c: { unit: { code: string }; rank: number; districtRank: number; groupSize: number }) => [
        c.unit.code,
        c.rank,
        c.districtRank,
        c.groupSize,
      ]),
    ).toEqual([
      ['C1', 2, 1, 3],
      ['C2', 3, 2, 3],
    ]);
  });

  it('unit: result from the snapshot, main indicators against the group, gap analysis as the engine computes it, history', async () => {
    const page = (await get('rep_c1', unitPage('C1', y2026))).json();
    expect(page).toMatchObject({
      source: 'snapshot',
      provisional: false,
      result: { finalTotal: 67.5, percent: 67.5, band: { code: 'tb' }, rank: 2, groupSize: 3 },
    });
    expect(
      page.mainIndicators.map((i: { code: string; final: number; percent: number; groupAveragePercent: number }) => [
        i.code,
        i.final,
        i.percent,
        i.groupAveragePercent,
      ]),
    ).toEqual([
      ['1', 27.5, 68.75, 47.92],
      ['2', 40, 66.67, 44.44],
    ]);
    expect(page.gap.nextBand).toMatchObject({
      band: { code: 'kha' },
      targetAfterPenalty: 70,
      pointsNeeded: 2.5,
      reachable: true,
    });
    expect(
      page.gap.targets.map((x: { band: { code: string }; pointsNeeded: number }) => [x.band.code, x.pointsNeeded]),
    ).toEqual([
      ['kha', 2.5],
      ['tot', 22.5],
    ]);
    expect(page.gap.items.map((i: { code: string; available: number }) => [i.code, i.available])).toEqual([
      ['1.3', 10],
      ['2.4', 10],
      ['2.1', 5],
      ['2.2', 5],
      ['1.1', 2.5],
    ]);

    // The same figures from the engine on the published snapshot's items.
    const snapId = page.snapshot.id;
    const snap = (await get('office', `/api/v1/snapshots/${snapId}`)).json().payload;
    const row = snap.results.find((r: { unit: { code: string } }) => r.unit.code === 'C1');
    const itemScores: Record<string, ItemScoreInput> = Object.fromEntries(
      row.items.map((i: { code: string; self: number; final: number; notApplicable: boolean }) => [
        i.code,
        { final: i.final, self: i.self, notApplicable: i.notApplicable },
      ]),
    );
    const result = computeUnitResult({
      definition: snap.groups[0].framework,
      itemScores,
      timing: { kind: 'on_time', penaltyPoints: 0, lowestBand: false },
      rules: snap.rules,
    });
    const gap = gapAnalysis(result, snap.rules);
    expect(page.gap.targets.map((x: { pointsNeeded: number }) => x.pointsNeeded)).toEqual(
      gap.targets.map((x) => x.pointsNeeded),
    );
    expect(page.gap.headroom).toBe(gap.headroom);
    expect(
      page.history.map((h: { year: number; rank: number; percent: number }) => [h.year, h.rank, h.percent]),
    ).toEqual([
      [2026, 2, 67.5],
      [2025, 1, 67.5],
    ]);
  });
});

describe('permission rows', () => {
  const CALLERS = [
    'admin',
    'office',
    'd1office',
    'rep_c1',
    'lead_c1',
    'rep_c3',
    'support',
    'member',
    'chair',
    'viewer',
    'norole',
  ];
  const routes: Record<string, { url: () => string; expected: Record<string, number> }> = {
    'GET /dashboards/overview': {
      url: () => '/api/v1/dashboards/overview',
      expected: {
        admin: 200,
        office: 200,
        d1office: 200,
        rep_c1: 403,
        lead_c1: 403,
        rep_c3: 403,
        support: 200,
        member: 200,
        chair: 200,
        viewer: 200,
        norole: 403,
      },
    },
    'GET /dashboards/district/{D1}': {
      url: () => districtPage('D1', y2026),
      expected: {
        admin: 200,
        office: 200,
        d1office: 200,
        rep_c1: 404,
        lead_c1: 404,
        rep_c3: 404,
        support: 200,
        member: 200,
        chair: 200,
        viewer: 200,
        norole: 404,
      },
    },
    'GET /dashboards/unit/{C1}': {
      url: () => unitPage('C1', y2026),
      expected: {
        admin: 200,
        office: 200,
        d1office: 200,
        rep_c1: 200,
        lead_c1: 200,
        rep_c3: 404,
        support: 200,
        member: 200,
        chair: 200,
        viewer: 200,
        norole: 404,
      },
    },
  };
  for (const [name, r] of Object.entries(routes)) {
    it(`${name}: anonymous 401, each role as expected`, async () => {
      expect((await t.anonymous.get(r.url())).statusCode).toBe(401);
      const got: Record<string, number> = {};
      for (const c of CALLERS) got[c] = (await get(c, r.url())).statusCode;
      expect(got).toEqual(r.expected);
    });
  }

  it('a campaign the unit does not take part in, or an unknown unit → 404', async () => {
    expect(
      (await get('office', `/api/v1/dashboards/unit/${t.unit('X1')}?campaignId=${y2026.campaignId}`)).statusCode,
    ).toBe(404);
    expect((await get('office', '/api/v1/dashboards/unit/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('office', '/api/v1/dashboards/unit/khong-hop-le')).statusCode).toBe(400);
  });
});

describe('rank moves only within the same group composition on the same index set', () => {
  it('2028 on the 2026 set, the same three communes: the rank delta is given (C1 2nd → 1st, tied with C3)', async () => {
    const y2028 = await runCampaign(t, {
      name: 'DTI cấp xã 2028',
      year: 2028,
      frameworkId: fw2,
      setNow: (d) => (now = d),
      until: 'published',
    });
    const c1 = (await get('office', unitPage('C1', y2028))).json().lastYear;
    expect(c1.campaign.id).toBe(y2026.campaignId);
    expect(c1).toMatchObject({
      comparable: true,
      deltaPercent: 0,
      previousRank: 2,
      currentRank: 1,
      deltaRank: 1,
      rank: { comparable: true },
    });
    expect(c1.mappings).toEqual([expect.objectContaining({ mapping: 'identity' })]);
  }, 120_000);
});
