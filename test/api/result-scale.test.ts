// Issue 15 §4: results shown as points, a percent, or an index from 0 to 1, chosen per campaign — the
// 100-point index set of the fixtures (as Hồ Chí Minh City's 2025 sets) run end to end to publication.
// The choice changes how the number is written (portal, ranking .xlsx), never the bands or the ranks: the
// same assessments published once on the index scale and once on points rank and classify identically.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const P = '/api/public/v1';
let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let onIndex: PublishedIds;
let onPoints: PublishedIds;
const clock = { set: (d: Date) => (now = d) };

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  onIndex = await publishedCampaign(t, clock, { name: 'DTI cấp xã — chỉ số 0–1', rules: { resultScale: 'index' } });
  onPoints = await publishedCampaign(t, clock, {
    name: 'DTI cấp xã — điểm',
    rules: { resultScale: 'points' },
    publishAt: new Date('2026-11-18T03:00:00Z'),
  });
});
afterAll(() => t.close());

type Row = { unit: { code: string }; rank: number | null; band: { label: string } | null; percent: number | null };
const ranking = async (ids: PublishedIds) =>
  (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`)).json();

describe('the scale of a campaign', () => {
  it('the 100-point set publishes on the index scale; the rules say so in words', async () => {
    const detail = (await t.anonymous.get(`${P}/campaigns/${onIndex.campaignId}`)).json();
    expect(detail.rules.resultScale).toBe('index');
    const r = await ranking(onIndex);
    expect(r.resultScale).toBe('index');
    expect(r.items.every((i: { applicableMax: number }) => i.applicableMax <= 100)).toBe(true);
    const unit = (await t.anonymous.get(`${P}/units/${t.unit('C1')}?campaignId=${onIndex.campaignId}`)).json();
    expect(unit.result.resultScale).toBe('index');
    // The staff results page shows an index column for it.
    const staff = (await (await t.as('office')).get(`/api/v1/campaigns/${onIndex.campaignId}/results`)).json();
    expect(staff.resultScale).toBe('index');
  });

  it('bands and ranks do not depend on the scale', async () => {
    const shape = (rows: Row[]) => rows.map((i) => [i.unit.code, i.rank, i.band?.label ?? null, i.percent]);
    expect(shape((await ranking(onIndex)).items)).toEqual(shape((await ranking(onPoints)).items));
    expect((await ranking(onPoints)).resultScale).toBe('points');
  });

  it('the ranking .xlsx prints the index (percent ÷ 100, 4 decimals) under "Chỉ số (0–1)"', async () => {
    const office = await t.as('office');
    const res = await office.post(`/api/v1/campaigns/${onIndex.campaignId}/exports`, { kind: 'ranking_xlsx' });
    expect(res.statusCode, res.body).toBe(202);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
    const ctx = { db: t.database.db, config, clock: () => new Date(), realClock: () => new Date() };
    await createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
    const file = await office.get(`/api/v1/exports/${res.json().jobId}/download`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(5).getCell(5).value).toBe('Chỉ số (0–1)');
    const rows = (await ranking(onIndex)).items as Row[];
    const first = rows[0]!;
    expect(ws.getRow(6).getCell(2).value).toBe(
      (await t.anonymous.get(`${P}/units/${t.unit(first.unit.code)}`)).json().unit.name,
    );
    expect(ws.getRow(6).getCell(5).value).toBeCloseTo(first.percent! / 100, 6);
    expect(ws.getRow(6).getCell(5).numFmt).toBe('0.0000');
  });
});
