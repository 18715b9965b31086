// Issue 15 §2 through the API: a DX office records a merger, split or rename with its legal basis; the checks
// answer 422 LINEAGE_INVALID with codes and parameters (cycle, duplicate, dates); predecessors end the day
// before; removing a row a published derived view used is allowed and audited. The derived ranking of a
// published group (portal and staff) reads the snapshot, follows today's lineage (or the date asked) and
// leaves the signed snapshot as it was.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => (now = d) };
let t: TestApp;
let ids: PublishedIds;
let office: Client;
const P = '/api/public/v1';
const BASIS = { legalBasis: '1665/NQ-UBTVQH15', legalBasisDate: '2025-06-16' };

// A published campaign is read by every account holding a role within the province (as GET /campaigns/{id}/results).
const OBSERVED = Object.fromEntries(
  ['admin', 'office', 'd1office', 'rep_c1', 'lead_c1', 'rep_c3', 'support', 'member', 'chair'].map((w) => [w, 200]),
);

let seq = 0;
async function freshUnit(parent = 'C1', activeFrom: string | null = null): Promise<string> {
  const res = await (
    await t.as('admin')
  ).post('/api/v1/org-units', {
    code: `LN${++seq}`,
    name: `Đơn vị thử ${seq}`,
    type: 'other',
    parentId: t.unit(parent),
    ...(activeFrom ? { activeFrom } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const problems = (res: { body: string }) =>
  (JSON.parse(res.body).error.details.lineageProblems as { code: string }[]).map((p) => p.code);

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, clock);
  office = await t.as('office');
});
afterAll(() => t.close());

describe('recording lineage', () => {
  it('records a merger with its legal basis, ends the absorbed unit the day before, shows it on the unit', async () => {
    const [target, absorbed] = [await freshUnit(), await freshUnit()];
    const res = await office.post(`/api/v1/org-units/${target}/lineage/merger`, {
      predecessorIds: [absorbed],
      effectiveDate: '2025-07-01',
      ...BASIS,
      note: 'Sáp nhập thử',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'merger', ended: [{ id: absorbed, activeTo: '2025-06-30' }] });
    const detail = (await office.get(`/api/v1/org-units/${target}`)).json();
    expect(detail.lineage.predecessors).toEqual([
      expect.objectContaining({
        id: absorbed,
        effectiveDate: '2025-07-01',
        kind: 'merger',
        legalBasis: '1665/NQ-UBTVQH15',
        legalBasisDate: '2025-06-16',
      }),
    ]);
    expect((await office.get(`/api/v1/org-units/${absorbed}`)).json()).toMatchObject({
      activeTo: '2025-06-30',
      active: false,
    });
    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`select action from audit_log where object_id in (${target}, ${absorbed}) order by id`,
      ),
    ).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['org_unit.lineage.merger', 'org_unit.deactivate']));
  });

  it('records a split into two units and a rename', async () => {
    const [old, a, b] = [await freshUnit(), await freshUnit(), await freshUnit()];
    const split = await office.post(`/api/v1/org-units/${old}/lineage/split`, {
      successorIds: [a, b],
      effectiveDate: '2026-01-01',
      ...BASIS,
    });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().rows).toHaveLength(2);
    const [former, renamed] = [await freshUnit(), await freshUnit()];
    const rename = await office.post(`/api/v1/org-units/${renamed}/lineage/rename`, {
      predecessorId: former,
      effectiveDate: '2026-01-01',
      ...BASIS,
    });
    expect(rename.statusCode, rename.body).toBe(201);
    expect((await office.get(`/api/v1/org-units/${former}`)).json().lineage.successors[0]).toMatchObject({
      id: renamed,
      kind: 'rename',
    });
  });

  it('refuses a cycle, a duplicate, a date before the predecessor’s start and a basis after the effect, as codes', async () => {
    const [a, b] = [await freshUnit(), await freshUnit()];
    const merge = (on: string, from: string, effectiveDate: string, basis = BASIS) =>
      office.post(`/api/v1/org-units/${on}/lineage/merger`, { predecessorIds: [from], effectiveDate, ...basis });
    expect((await merge(a, b, '2026-01-01')).statusCode).toBe(201);
    const cycle = await merge(b, a, '2026-02-01');
    expect(cycle.statusCode).toBe(422);
    expect(JSON.parse(cycle.body).error.code).toBe('LINEAGE_INVALID');
    expect(problems(cycle)).toContain('LINEAGE_CYCLE');
    expect(problems(await merge(a, b, '2026-01-01'))).toEqual(['LINEAGE_DUPLICATE']);
    const young = await freshUnit('C1', '2026-03-01');
    const c = await freshUnit();
    expect(problems(await merge(c, young, '2026-03-01'))).toEqual(['LINEAGE_BEFORE_PREDECESSOR_START']);
    expect(problems(await merge(c, young, '2026-04-01', { ...BASIS, legalBasisDate: '2026-05-01' }))).toEqual([
      'LINEAGE_BASIS_AFTER_EFFECT',
    ]);
    // Nothing of a refused change is kept: c has no predecessor, young is still active.
    expect((await office.get(`/api/v1/org-units/${c}`)).json().lineage.predecessors).toEqual([]);
    expect((await office.get(`/api/v1/org-units/${young}`)).json().activeTo).toBeNull();
  });

  it('refuses a missing legal basis and a split into one unit (400), a unit out of reach (404)', async () => {
    const [a, b] = [await freshUnit(), await freshUnit()];
    const noBasis = await office.post(`/api/v1/org-units/${a}/lineage/merger`, {
      predecessorIds: [b],
      effectiveDate: '2026-01-01',
      legalBasis: ' ',
      legalBasisDate: '2025-06-16',
    });
    expect(noBasis.statusCode).toBe(400);
    const one = await office.post(`/api/v1/org-units/${a}/lineage/split`, {
      successorIds: [b],
      effectiveDate: '2026-01-01',
      ...BASIS,
    });
    expect(one.statusCode).toBe(400);
    // The DX office of district D1 reaches C1's subtree, not C3 (district D2).
    const d1 = await t.as('d1office');
    const out = await d1.post(`/api/v1/org-units/${a}/lineage/merger`, {
      predecessorIds: [t.unit('C3')],
      effectiveDate: '2026-01-01',
      ...BASIS,
    });
    expect(out.statusCode).toBe(404);
    const reporter = await t.as('rep_c1');
    expect(
      (
        await reporter.post(`/api/v1/org-units/${a}/lineage/merger`, {
          predecessorIds: [b],
          effectiveDate: '2026-01-01',
          ...BASIS,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('derived ranking of the published group', () => {
  const url = (asOf?: string) =>
    `${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/derived-ranking${asOf ? `?asOf=${asOf}` : ''}`;
  const original = async () =>
    (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`)).json();

  it('ranks today’s units from the predecessors’ published percents, method and lineage stated', async () => {
    const before = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/snapshot.json`)).body;
    const groupResults = await original();
    const percentOf = (code: string) =>
      groupResults.items.find((u: { unit: { code: string } }) => u.unit.code === code)?.percent ?? null;
    // X1 was formed from C1 and C2 on 1/7/2025 (fixture); C1 and C2 are ended here, as the merger says.
    for (const code of ['C1', 'C2'])
      expect(
        (
          await office.post(`/api/v1/org-units/${t.unit(code)}/deactivate`, {
            activeTo: '2025-06-30',
            reason: 'Hợp nhất thành X1',
          })
        ).statusCode,
      ).toBe(200);
    const res = await t.anonymous.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ derived: true, differs: true, method: 'equal' });
    expect(d.methodLabel).toContain('trọng số bằng nhau');
    const x1 = d.rows.find((r: { unit: { code: string } }) => r.unit.code === 'X1');
    const expected = [percentOf('C1'), percentOf('C2')].filter((p): p is number => p !== null);
    expect(x1.predecessors.map((p: { unit: { code: string } }) => p.unit.code)).toEqual(['C1', 'C2']);
    expect(x1.percent).toBeCloseTo(expected.reduce((s, p) => s + p, 0) / expected.length, 2);
    expect(d.rows.map((r: { unit: { code: string } }) => r.unit.code).sort()).toEqual(['C3', 'X1']);
    expect(d.lineage).toEqual(
      expect.arrayContaining([expect.objectContaining({ effectiveDate: '2025-07-01', kind: 'merger' })]),
    );
    // Seen on 1/1/2025 the merger is not in force: the original units, as published.
    const then = (await t.anonymous.get(url('2025-01-01'))).json();
    expect(then.differs).toBe(false);
    expect(then.rows.map((r: { unit: { code: string } }) => r.unit.code).sort()).toEqual(['C1', 'C2', 'C3']);
    // The signed snapshot is as it was.
    expect((await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/snapshot.json`)).body).toBe(before);
    expect((await t.anonymous.get(url('2025-13-01'))).statusCode).toBe(400);
  });

  it('serves the staff view of every changed group, to who may read the campaign', async () => {
    const staff = `/api/v1/campaigns/${ids.campaignId}/derived-ranking`;
    expect((await t.anonymous.get(staff)).statusCode).toBe(401);
    const viewer = await (await t.as('viewer')).get(staff);
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(viewer.json().groups).toHaveLength(1);
    expect(viewer.json().groups[0].rows.some((r: { unit: { code: string } }) => r.unit.code === 'X1')).toBe(true);
    expect((await (await t.as('norole')).get(staff)).statusCode).toBe(404);
    // Who reads the published campaign reads its derived ranking (its figures are public once published).
    const got: Record<string, number> = {};
    for (const who of [
      'admin',
      'office',
      'd1office',
      'rep_c1',
      'lead_c1',
      'rep_c3',
      'support',
      'member',
      'chair',
    ] as const)
      got[who] = (await (await t.as(who)).get(staff)).statusCode;
    expect(got).toEqual(OBSERVED);
  });

  it('adds a "Quy đổi" sheet to the ranking workbook, labelled as derived, with method and lineage', async () => {
    const res = await office.post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'ranking_xlsx' });
    expect(res.statusCode, res.body).toBe(202);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' });
    const ctx = { db: t.database.db, config, clock: () => new Date(), realClock: () => new Date() };
    await createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce();
    const job = (await office.get(`/api/v1/jobs/${res.json().jobId}`)).json();
    const file = await office.get(job.result.downloadUrl);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(2);
    const ws = wb.worksheets[1]!;
    expect(ws.name).toMatch(/^Quy đổi/);
    expect(String(ws.getCell('A1').value)).toContain('XẾP HẠNG QUY ĐỔI THEO ĐƠN VỊ HIỆN NAY');
    expect(ws.getRow(5).getCell(6).value).toBe('Đơn vị tiền thân (tỷ lệ % đã công bố)');
    const names = [6, 7].map((r) => ws.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['Xã Sơn Tây', 'Xã Đức Đồng Mới']);
    const notes: string[] = [];
    ws.eachRow((row) => notes.push(String(row.getCell(1).value ?? '')));
    expect(notes.join('\n')).toMatch(/Cách tính: Trung bình cộng/);
    expect(notes.join('\n')).toMatch(/hiệu lực từ 01\/07\/2025/);
  });

  it('removes a lineage row the published derived view used, audited with the campaign', async () => {
    const res = await office.post(`/api/v1/org-units/${t.unit('X1')}/lineage/${t.unit('C2')}/remove`, {
      reason: 'Nhập sai đơn vị tiền thân',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().usedBy.map((c: { campaignId: string }) => c.campaignId)).toEqual([ids.campaignId]);
    const [entry] = rowsOf<{ after: { usedByPublishedDerivedViews: { campaignId: string }[] }; reason: string }>(
      await t.database.db.execute(
        sql`select after, reason from audit_log where action = 'org_unit.lineage.remove' order by id desc limit 1`,
      ),
    );
    expect(entry?.reason).toBe('Nhập sai đơn vị tiền thân');
    expect(entry?.after.usedByPublishedDerivedViews[0]?.campaignId).toBe(ids.campaignId);
    const x1 = (await t.anonymous.get(url())).json().rows.find((r: { unit: { code: string } }) => r.unit.code === 'X1');
    expect(x1.predecessors.map((p: { unit: { code: string } }) => p.unit.code)).toEqual(['C1']);
    expect(
      (await office.post(`/api/v1/org-units/${t.unit('X1')}/lineage/${t.unit('C2')}/remove`, { reason: 'lần hai' }))
        .statusCode,
    ).toBe(404);
  });
});
