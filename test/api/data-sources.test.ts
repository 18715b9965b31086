// Data sources (issue 15 §3): a DX office defines the 766 source (the national portal's service-quality
// index), runs it, and the pulled values become supplied figures with provenance — pre-filling items,
// never overwriting a unit's own entry. Every failure (unreachable, HTTP 500, unknown unit codes,
// malformed JSON, out-of-range values) changes nothing stored and is reported with its reason. The source
// is a local HTTP server started here, on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { keySecrets } from '../../src/app/publication/key-secret.ts';
import { scheduleDataSourcePulls } from '../../src/app/data-sources/schedule-pulls.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { assessmentItems } from '../../src/db/schema/campaigns.ts';
import { dataSources } from '../../src/db/schema/data-sources.ts';
import { suppliedFigures } from '../../src/db/schema/supply.ts';
import { type CampaignIds, createOpenCampaign } from '../support/campaign-fixture.ts';
import {
  type Record766,
  type SourceServer,
  groups766,
  response766,
  startSourceServer,
} from '../support/source-server.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

const ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  THUOCDO_DATA_DIR: 'test/.tmp/data',
  DATA_SOURCE_ALLOW_LOOPBACK_HTTP: 'true',
  DATA_SOURCE_RETRIES: '2',
  DATA_SOURCE_TIMEOUT_MS: '1500',
};
const TOKEN = 'Bearer bi-mat-cua-cong-dvc-0123456789';
const PATH = '/api/v1/reporting/evaluation/service-results';

let t: TestApp;
let ids: CampaignIds;
let src: SourceServer;
let office: Client;
const now = new Date('2026-11-01T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: () => now, env: ENV });
  ids = await createOpenCampaign(t);
  src = await startSourceServer();
  office = await t.as('office');
});
afterAll(async () => {
  await src.close();
  await t.close();
});

const waits: number[] = [];
async function runJobs() {
  const config = loadConfig(ENV);
  const ctx = {
    db: t.database.db,
    config,
    clock: () => now,
    realClock: () => new Date(),
    keySecrets: keySecrets(config),
    pullSleep: async (ms: number) => void waits.push(ms),
  };
  return createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
}

// H27 is Hà Tĩnh's code on the portal; its communes and departments are H27.<n>.
const HA_TINH = [
  { departmentCode: 'H27.101', departmentName: 'UBND xã Đức Đồng', groupScores: groups766(16) },
  { departmentCode: 'H27.102', departmentName: 'UBND xã Đức Lạng', groupScores: groups766(12.5) },
  { departmentCode: 'H27.103', departmentName: 'UBND xã Sơn Tây', groupScores: groups766(4) },
  { departmentCode: 'H27.12', departmentName: 'Sở Tư pháp tỉnh Hà Tĩnh', groupScores: groups766(18) },
];

async function create766(extra: Record<string, unknown> = {}) {
  const res = await office.post('/api/v1/data-sources', {
    ownerUnitId: t.unit('P'),
    name: 'Chỉ số 766',
    owningSystem: 'Cổng Dịch vụ công quốc gia',
    profile: '766',
    method: 'POST',
    urlTemplate: src.url(PATH),
    bodyTemplate:
      '{"timeType": {timeType}, "year": {year}, "quarter": {quarter}, "month": {month}, "pageSize": 5000, "currentPage": 1}',
    authHeader: 'Authorization',
    authToken: TOKEN,
    recordsPath: 'data.evaluation',
    unitIdField: 'departmentCode',
    unitNameField: 'departmentName',
    unitMapping: { 'H27.101': t.unit('C1'), 'H27.102': t.unit('C2'), 'H27.103': t.unit('C3'), 'H27.12': null },
    fieldMapping: [{ field: 'groupScores.CKMB', itemCode: '2.2', input: 'value' }],
    campaignId: ids.campaignId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function runNow(sourceId: string, period = '2026-10') {
  const res = await office.post(`/api/v1/data-sources/${sourceId}/runs`, { period });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ status: 'queued', period, trigger: 'manual' });
  await runJobs();
  const runs = (await office.get(`/api/v1/data-sources/${sourceId}/runs`)).json().items;
  return runs.find((r: { id: string }) => r.id === res.json().id);
}

/** What a pull may change: supplied figures and the units' items. */
async function stored() {
  const db = t.database.db;
  return {
    figures: Number((await db.select({ n: count() }).from(suppliedFigures))[0]!.n),
    items: (await db.select().from(assessmentItems))
      .map((i) => `${i.assessmentId} ${i.code} ${JSON.stringify(i.inputs)} ${i.version}`)
      .sort(),
  };
}

const item = async (unit: string, code: string) => {
  const a = (await office.get(`/api/v1/assessments/${ids.assessments[unit]}`)).json();
  return a.items.find((i: { code: string }) => i.code === code);
};

describe('a 766 source', () => {
  let source: { id: string };
  beforeAll(async () => {
    // The unit C3 typed its own value before any pull: it stays.
    const rep = await t.as('rep_c3');
    expect(
      (await rep.put(`/api/v1/assessments/${ids.assessments.C3}/items/2.2`, { inputs: { value: 1 }, version: 0 }))
        .statusCode,
    ).toBe(200);
    source = await create766();
  });
  beforeEach(() => (waits.length = 0));

  it('is saved with the token sealed: never returned, never stored in clear, not in the audit', async () => {
    const got = (await office.get(`/api/v1/data-sources/${source.id}`)).json();
    expect(got).toMatchObject({ hasToken: true, profile: '766', campaignId: ids.campaignId, lastRun: null });
    expect(JSON.stringify(got)).not.toContain('bi-mat');
    expect(got.fieldMapping[0]).toMatchObject({ min: 0, max: 18, label: 'Công khai, minh bạch' });
    const [row] = await t.database.db.select().from(dataSources).where(eq(dataSources.id, source.id));
    expect(row!.authTokenEncrypted).toMatch(/^v1:/);
    expect(row!.authTokenEncrypted).not.toContain('bi-mat');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'data_source.create'));
    expect(JSON.stringify(audit)).not.toContain('bi-mat');
  });

  it('refuses a URL that is not HTTPS (plain HTTP only to loopback, in tests) and an unknown placeholder', async () => {
    for (const [urlTemplate, code] of [
      ['http://dichvucong.example/api', 'URL_NOT_HTTPS'],
      ['https://dichvucong.example/{secret}', 'UNKNOWN_PLACEHOLDER'],
    ]) {
      const res = await office.post('/api/v1/data-sources', {
        ownerUnitId: t.unit('P'),
        name: 'x',
        owningSystem: 'y',
        profile: 'generic',
        urlTemplate,
        unitIdField: 'code',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ path: '/urlTemplate', code });
    }
  });

  it('runs now: one POST of the period with the token; values pre-fill items as supplied figures with provenance', async () => {
    const body = response766(HA_TINH);
    src.answer(() => ({ body }));
    src.seen.length = 0;
    const run = await runNow(source.id);
    expect(run).toMatchObject({
      status: 'ok',
      reason: null,
      urls: [src.url(PATH)],
      fetchedAt: now.toISOString(),
      responseSha256: createHash('sha256').update(body).digest('hex'),
      responseBytes: Buffer.byteLength(body),
      attempts: 1,
      counts: { records: 4, units: 3, ignored: 1, unknown: 0, figures: 3, prefilled: 2, kept: 1 },
    });
    expect(src.seen).toHaveLength(1);
    expect(src.seen[0]!.headers.authorization).toBe(TOKEN);
    expect(JSON.parse(src.seen[0]!.body)).toMatchObject({ timeType: 'month', year: 2026, month: 10, quarter: null });
    expect(await item('C1', '2.2')).toMatchObject({
      inputs: { value: 16 },
      supplied: { inputs: { value: 16 }, source: 'Chỉ số 766 — Tháng 10/2026' },
    });
    expect((await item('C2', '2.2')).inputs).toEqual({ value: 12.5 });
    // The unit's own entry stays; the system value is shown beside it.
    expect(await item('C3', '2.2')).toMatchObject({ inputs: { value: 1 }, supplied: { inputs: { value: 4 } } });
    const values = (await office.get(`/api/v1/data-sources/${source.id}/runs/${run.id}/values`)).json();
    expect(values.items).toHaveLength(4);
    expect(values.items[0]).toMatchObject({
      sourceUnitId: 'H27.101',
      unit: { code: 'C1' },
      known: true,
      raw: { departmentName: 'UBND xã Đức Đồng', groupScores: { CKMB: 16 } },
    });
    expect(values.items.find((v: { sourceUnitId: string }) => v.sourceUnitId === 'H27.12')).toMatchObject({
      unit: null,
      known: true,
    });
    const pulled = await t.database.db.select().from(suppliedFigures).where(isNotNull(suppliedFigures.dataSourceRunId));
    expect(pulled).toHaveLength(3);
    expect(new Set(pulled.map((p) => p.dataSourceRunId))).toEqual(new Set([run.id]));
  });

  it('unreachable: retried with backoff, then failed; nothing stored changes', async () => {
    const before = await stored();
    const closed = await startSourceServer();
    const gone = closed.url(PATH);
    await closed.close();
    const s = await create766({ name: 'Nguồn không tới được', urlTemplate: gone });
    const run = await runNow(s.id);
    expect(run).toMatchObject({ status: 'failed', reason: { code: 'UNREACHABLE' }, attempts: 3, responseSha256: null });
    expect(waits).toEqual([2000, 6000]);
    expect(await stored()).toEqual(before);
  });

  it('HTTP 500: retried, then failed with the status; a 404 is not retried', async () => {
    const before = await stored();
    src.answer(() => ({ status: 500, body: '{"code":"ERROR"}' }));
    expect(await runNow(source.id)).toMatchObject({
      status: 'failed',
      reason: { code: 'HTTP_ERROR', params: { status: 500 } },
      attempts: 3,
    });
    src.answer(() => ({ status: 404, body: '' }));
    expect(await runNow(source.id)).toMatchObject({
      status: 'failed',
      reason: { code: 'HTTP_ERROR', params: { status: 404 } },
      attempts: 1,
    });
    expect(await stored()).toEqual(before);
  });

  it('malformed JSON, or no records at the path: failed, nothing changes', async () => {
    const before = await stored();
    src.answer(() => ({ body: '{"code":"OK","data":{"evaluation":[{"departmentCode":"H27.101",' }));
    expect(await runNow(source.id)).toMatchObject({ status: 'failed', reason: { code: 'MALFORMED_JSON' } });
    src.answer(() => ({ body: '{"code":"OK","data":{}}' }));
    expect(await runNow(source.id)).toMatchObject({ status: 'failed', reason: { code: 'RECORDS_NOT_FOUND' } });
    expect(await stored()).toEqual(before);
  });

  it('out-of-range values: partial, every problem listed, nothing changes (all or nothing)', async () => {
    const before = await stored();
    src.answer(() => ({
      body: response766([
        { ...HA_TINH[0]!, groupScores: groups766(19) },
        HA_TINH[1]!,
        { ...HA_TINH[2]!, groupScores: groups766('n/a') },
      ]),
    }));
    const run = await runNow(source.id);
    expect(run.status).toBe('partial');
    expect(run.reason).toEqual({
      code: 'VALUE_OUT_OF_RANGE',
      params: { sourceUnit: 'H27.101', field: 'groupScores.CKMB', value: 19, min: 0, max: 18 },
    });
    expect(run.problems.map((p: { code: string }) => p.code)).toEqual(['VALUE_OUT_OF_RANGE', 'VALUE_NOT_NUMERIC']);
    expect(await stored()).toEqual(before);
  });

  it('unknown unit codes: partial, listed for review; once mapped or ignored, the next run passes', async () => {
    const before = await stored();
    src.answer(() => ({
      body: response766([
        ...HA_TINH,
        { departmentCode: 'H27.150', departmentName: 'UBND xã Kỳ Hoa', groupScores: groups766(9) },
        { departmentCode: 'H27.20', departmentName: 'Công an tỉnh', groupScores: groups766(9) },
      ]),
    }));
    const run = await runNow(source.id);
    expect(run).toMatchObject({
      status: 'partial',
      reason: { code: 'UNKNOWN_UNITS', params: { count: 2, examples: 'H27.150, H27.20' } },
    });
    expect(await stored()).toEqual(before);
    const unknown = (await office.get(`/api/v1/data-sources/${source.id}/unknown-units`)).json();
    expect(unknown).toEqual({
      runId: run.id,
      items: [
        { sourceUnitId: 'H27.150', sourceUnitName: 'UBND xã Kỳ Hoa' },
        { sourceUnitId: 'H27.20', sourceUnitName: 'Công an tỉnh' },
      ],
    });
    const mapped = await office.post(`/api/v1/data-sources/${source.id}/unit-mapping`, {
      entries: [
        { sourceUnitId: 'H27.150', unitId: null },
        { sourceUnitId: 'H27.20', unitId: null },
      ],
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect((await office.get(`/api/v1/data-sources/${source.id}/unknown-units`)).json().items).toEqual([]);
    expect(await runNow(source.id)).toMatchObject({
      status: 'ok',
      counts: { ignored: 3, unknown: 0, unchanged: 2, kept: 1 },
    });
  });

  it('a slow source hits the time limit (and is retried)', async () => {
    src.answer(() => 'hang');
    expect(await runNow(source.id)).toMatchObject({ status: 'failed', reason: { code: 'TIMEOUT' }, attempts: 3 });
  }, 20_000);
});

describe('a source answering in pages ({page})', () => {
  const paged = (size: number) =>
    create766({
      name: `Chỉ số 766 theo trang ${size}`,
      bodyTemplate: `{"timeType": {timeType}, "year": {year}, "month": {month}, "pageSize": ${size}, "currentPage": {page}}`,
    });

  it('is asked page after page until a short or empty page, and reads every record once', async () => {
    src.answer((r) => {
      const { pageSize, currentPage } = JSON.parse(r.body) as { pageSize: number; currentPage: number };
      return { body: response766(HA_TINH.slice((currentPage - 1) * pageSize, currentPage * pageSize)) };
    });
    src.seen.length = 0;
    const run = await runNow((await paged(3)).id, '2026-09');
    expect(run).toMatchObject({ status: 'ok', counts: { pages: 2, records: 4, units: 3, ignored: 1, unknown: 0 } });
    expect(src.seen.map((r) => JSON.parse(r.body).currentPage)).toEqual([1, 2]);
    expect(run.urls).toEqual([src.url(PATH)]);
  });

  it('a source that ignores the page gives everything at once: the repeated page ends the paging', async () => {
    const body = response766(HA_TINH);
    src.answer(() => ({ body }));
    src.seen.length = 0;
    const run = await runNow((await paged(4)).id, '2026-08');
    expect(run).toMatchObject({ status: 'ok', counts: { pages: 2, records: 4, units: 3 } });
    expect(src.seen).toHaveLength(2);
  });

  it('a failing page fails the whole run: nothing stored changes', async () => {
    src.answer((r) =>
      JSON.parse(r.body).currentPage === 1 ? { body: response766(HA_TINH.slice(0, 2)) } : { status: 404, body: '' },
    );
    const before = await stored();
    const run = await runNow((await paged(2)).id, '2026-07');
    expect(run).toMatchObject({ status: 'failed', reason: { code: 'HTTP_ERROR', params: { status: 404 } } });
    expect(await stored()).toEqual(before);
  });
});

describe('a refusal past the first slice of units (a pull is written 50 units at a time)', () => {
  // 122 identifiers ignored (known, not assessed here) put the last record in the third slice: the first
  // slice's figures (C1, C2) are written inside the run's transaction before the last slice is checked.
  const IGNORED = Array.from({ length: 120 }, (_, i) => `H27.${900 + i}`);
  const records = (last: Omit<Record766, 'departmentName'>): Record766[] => [
    { ...HA_TINH[0]!, groupScores: groups766(7) },
    { ...HA_TINH[1]!, groupScores: groups766(8) },
    ...IGNORED.map((code) => ({ departmentCode: code, departmentName: `Đơn vị ${code}`, groupScores: groups766(5) })),
    { departmentName: 'Đơn vị cuối', ...last },
  ];
  const auditRows = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n);
  let source: { id: string };
  beforeAll(async () => {
    source = await create766({
      name: 'Chỉ số 766 — nhiều đơn vị',
      unitMapping: {
        'H27.101': t.unit('C1'),
        'H27.102': t.unit('C2'),
        ...Object.fromEntries(IGNORED.map((code) => [code, null])),
        // A unit under the province that takes no part in the campaign: the figures check refuses it.
        'H27.500': t.unit('D1'),
        'H27.103': t.unit('C3'),
      },
    });
  });

  it('a unit the campaign refuses in the last slice: partial, the first slice undone, nothing stored changes', async () => {
    src.answer(() => ({ body: response766(records({ departmentCode: 'H27.500', groupScores: groups766(9) })) }));
    const before = await stored();
    const audits = await auditRows();
    const run = await runNow(source.id, '2026-06');
    expect(run).toMatchObject({
      status: 'partial',
      reason: { code: 'UNIT_NOT_IN_CAMPAIGN', params: { unit: 'D1', item: '2.2' } },
      counts: { records: 123, units: 3, ignored: 120, unknown: 0 },
    });
    expect(await stored()).toEqual(before);
    // Only the run itself is recorded (its raw values, for provenance): no audit entry of a figure stays.
    expect(await auditRows()).toBe(audits + 1);
    const values = (await office.get(`/api/v1/data-sources/${source.id}/runs/${run.id}/values`)).json();
    expect(values.items).toHaveLength(123);
  });

  it('a malformed value in the last slice: partial, nothing stored changes', async () => {
    src.answer(() => ({ body: response766(records({ departmentCode: 'H27.103', groupScores: groups766('n/a') })) }));
    const before = await stored();
    const run = await runNow(source.id, '2026-05');
    expect(run).toMatchObject({
      status: 'partial',
      reason: { code: 'VALUE_NOT_NUMERIC', params: { sourceUnit: 'H27.103' } },
    });
    expect(await stored()).toEqual(before);
  });
});

describe('a generic CSV source asked once per unit', () => {
  it('fills {unitCode} with our codes, reads CSV, and supplies the values', async () => {
    src.answer((r) => {
      const unit = new URL(r.url, 'http://x').searchParams.get('don_vi');
      return { body: `ma;so_diem_wifi\r\n${unit};${unit === 'C1' ? '6' : '2,0'}\r\n`, type: 'text/csv' };
    });
    src.seen.length = 0;
    const res = await office.post('/api/v1/data-sources', {
      ownerUnitId: t.unit('P'),
      name: 'Điểm wifi công cộng',
      owningSystem: 'Hệ thống quản lý hạ tầng số',
      profile: 'generic',
      urlTemplate: src.url('/wifi/{period}.csv?don_vi={unitCode}'),
      format: 'csv',
      unitIdField: 'ma',
      matchByCode: true,
      fieldMapping: [{ field: 'so_diem_wifi', itemCode: '2.2', input: 'value', min: 0, max: 1000 }],
      campaignId: ids.campaignId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = await runNow(res.json().id, '2026-Q3');
    expect(run).toMatchObject({ status: 'ok', counts: { records: 3, units: 3, figures: 3 } });
    expect(src.seen.map((r) => r.url).sort()).toEqual([
      '/wifi/2026-Q3.csv?don_vi=C1',
      '/wifi/2026-Q3.csv?don_vi=C2',
      '/wifi/2026-Q3.csv?don_vi=C3',
    ]);
    expect(run.urls).toHaveLength(3);
  });
});

describe('scheduled runs', () => {
  it('a daily source is enqueued once per Vietnamese date, whatever the ticks and processes', async () => {
    const s = await create766({ name: 'Chỉ số 766 hằng ngày', schedule: 'daily' });
    const count0 = (await office.get(`/api/v1/data-sources/${s.id}/runs`)).json().items.length;
    expect(await scheduleDataSourcePulls(t.database.db, now)).toBeGreaterThanOrEqual(1);
    await scheduleDataSourcePulls(t.database.db, new Date(now.getTime() + 60_000));
    const runs = (await office.get(`/api/v1/data-sources/${s.id}/runs`)).json().items;
    expect(runs.length - count0).toBe(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', period: '2026-11', status: 'queued' });
    await scheduleDataSourcePulls(t.database.db, new Date('2026-11-02T01:00:00Z'));
    expect((await office.get(`/api/v1/data-sources/${s.id}/runs`)).json().items.length - count0).toBe(2);
  });
});

describe('who may manage sources', () => {
  let id: string;
  let runId: string;
  beforeAll(async () => {
    id = (await create766({ name: 'Nguồn của tỉnh' })).id;
    runId = (await office.post(`/api/v1/data-sources/${id}/runs`, { period: '2026-10' })).json().id;
  });
  const CALLS: Record<string, (c: Client) => Promise<{ statusCode: number }>> = {
    'GET /data-sources/{id}': (c) => c.get(`/api/v1/data-sources/${id}`),
    'GET /data-sources/{id}/runs': (c) => c.get(`/api/v1/data-sources/${id}/runs`),
    'GET /data-sources/{id}/unknown-units': (c) => c.get(`/api/v1/data-sources/${id}/unknown-units`),
    'GET /data-sources/{id}/runs/{runId}/values': (c) => c.get(`/api/v1/data-sources/${id}/runs/${runId}/values`),
    'POST /data-sources/{id}/runs': (c) => c.post(`/api/v1/data-sources/${id}/runs`, { period: '2026-10' }),
    'POST /data-sources/{id}/unit-mapping': (c) =>
      c.post(`/api/v1/data-sources/${id}/unit-mapping`, { entries: [{ sourceUnitId: 'H27.999', unitId: null }] }),
  };
  // anonymous, admin, office (dx_office of the province), d1office (dx_office of a district), rep_c1, viewer, chair
  const MATRIX: [string, ...number[]][] = [
    ['GET /data-sources/{id}', 401, 200, 200, 404, 403, 403, 403],
    ['GET /data-sources/{id}/runs', 401, 200, 200, 404, 403, 403, 403],
    ['GET /data-sources/{id}/unknown-units', 401, 200, 200, 404, 403, 403, 403],
    ['GET /data-sources/{id}/runs/{runId}/values', 401, 200, 200, 404, 403, 403, 403],
    ['POST /data-sources/{id}/runs', 401, 202, 202, 404, 403, 403, 403],
    ['POST /data-sources/{id}/unit-mapping', 401, 200, 200, 404, 403, 403, 403],
  ];
  const CALLERS = ['anonymous', 'admin', 'office', 'd1office', 'rep_c1', 'viewer', 'chair'];
  for (const [route, ...want] of MATRIX)
    it(route, async () => {
      const got: number[] = [];
      for (const caller of CALLERS)
        got.push((await CALLS[route]!(caller === 'anonymous' ? t.anonymous : await t.as(caller))).statusCode);
      expect(got).toEqual(want);
    });

  it('a district office sees only sources its grant reaches, and cannot create one for the province', async () => {
    const d1 = await t.as('d1office');
    expect((await d1.get('/api/v1/data-sources')).json().items).toEqual([]);
    const res = await d1.post('/api/v1/data-sources', {
      ownerUnitId: t.unit('P'),
      name: 'x',
      owningSystem: 'y',
      profile: 'generic',
      urlTemplate: 'https://dulieu.example/{period}',
      unitIdField: 'code',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('changing a source', () => {
  it('keeps the sealed token when none is given, removes it with null, and refuses a stale version', async () => {
    const s = await create766({ name: 'Nguồn để sửa' });
    const {
      id,
      version,
      lastRun: _,
      ownerName: __,
      campaignName: ___,
      hasToken: ____,
      createdAt: _c,
      updatedAt: _u,
      ownerUnitId: _o,
      ...rest
    } = (await office.get(`/api/v1/data-sources/${s.id}`)).json();
    const renamed = await office.put(`/api/v1/data-sources/${id}`, { ...rest, name: 'Chỉ số 766 (tháng)', version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Chỉ số 766 (tháng)', hasToken: true, version: version + 1 });
    const stale = await office.put(`/api/v1/data-sources/${id}`, { ...rest, version });
    expect(stale.statusCode).toBe(409);
    const removed = await office.put(`/api/v1/data-sources/${id}`, { ...rest, authToken: null, version: version + 1 });
    expect(removed.json()).toMatchObject({ hasToken: false });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'data_source.update'));
    expect(JSON.stringify(audit)).not.toContain('bi-mat');
  });
});
