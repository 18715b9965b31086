// Supplied figures (000 Điều 8.3.d, 12.4; 002 Điều 7.2.b): a data supplier's system posts figures with
// its API token; they pre-fill units' items that the unit has not typed itself, never overwrite a unit's
// own entry, show beside it, and are audited one entry per figure. All or nothing with indexed problems;
// the file import gives row-numbered Vietnamese problems. Authorization for both routes.
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.ts';
import { suppliedFigures } from '../../src/db/schema/supply.ts';
import { bearer, issueToken } from '../support/bearer.ts';
import { type CampaignIds, addAccount, createCampaign, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let ids: CampaignIds;
let token: string;
const figuresUrl = () => `/api/v1/campaigns/${ids.campaignId}/figures`;
const SOURCE = 'Hệ thống thông tin giải quyết TTHC tỉnh';

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-01T03:00:00Z') });
  ids = await createOpenCampaign(t);
  const supplierId = await addAccount(t, 'mot-cua', 'data_supplier', 'P', true);
  await addAccount(t, 'supplier_s1', 'data_supplier', 'S1', true);
  token = (await issueToken(t, supplierId)).token;
});
afterAll(() => t.close());

const item = async (unit: string, code: string) => {
  const a = (await (await t.as('office')).get(`/api/v1/assessments/${ids.assessments[unit]}`)).json();
  return a.items.find((i: { code: string }) => i.code === code);
};
const suppliedCount = async () => Number((await t.database.db.select({ n: count() }).from(suppliedFigures))[0]!.n);

describe('supplying figures through the API', () => {
  it('pre-fills items the unit has not entered, recomputes the self-score, shows the supplied figure, audits each', async () => {
    const res = await bearer(t, token).post(figuresUrl(), {
      source: SOURCE,
      figures: [
        { unitCode: 'C1', itemCode: '2.1', inputs: { a: 30, b: 40 } },
        { unitCode: 'C2', itemCode: '1.2', inputs: { yes: 'có' } },
        { unitCode: 'C2', itemCode: '1.3', inputs: { choice: 'Vừa' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 3, prefilled: 3, kept: 0 });
    const c1 = await item('C1', '2.1');
    expect(c1).toMatchObject({
      inputs: { a: 30, b: 40 },
      selfScore: 15,
      version: 1,
      supplied: { inputs: { a: 30, b: 40 }, source: SOURCE },
    });
    expect(new Date(c1.supplied.suppliedAt).toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(await item('C2', '1.2')).toMatchObject({ inputs: { yes: true }, selfScore: 10 });
    expect(await item('C2', '1.3')).toMatchObject({ inputs: { choice: 'vua' }, selfScore: 10 });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'assessment.figure.supply'));
    expect(audit).toHaveLength(3);
    expect(audit.find((a) => a.objectId === ids.assessments.C1)).toMatchObject({
      unitId: t.unit('C1'),
      after: { code: '2.1', source: SOURCE, outcome: 'prefilled', selfScore: 15 },
    });
  });

  it("never overwrites a unit's own entry: the unit's values stay, the supplied ones are shown beside them", async () => {
    const rep = await t.as('rep_c3');
    const saved = await rep.put(`/api/v1/assessments/${ids.assessments.C3}/items/2.1`, {
      inputs: { a: 1, b: 2 },
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const res = await bearer(t, token).post(figuresUrl(), {
      source: SOURCE,
      figures: [{ unitCode: 'C3', itemCode: '2.1', inputs: { a: 30, b: 40 } }],
    });
    expect(res.json()).toMatchObject({ accepted: 1, prefilled: 0, kept: 1, items: [{ index: 0, outcome: 'kept' }] });
    expect(await item('C3', '2.1')).toMatchObject({
      inputs: { a: 1, b: 2 },
      selfScore: 10,
      version: 1,
      supplied: { inputs: { a: 30, b: 40 }, source: SOURCE },
    });
  });

  it('a newer figure replaces a pre-filled one the unit left alone; the same figure again changes nothing', async () => {
    const again = await bearer(t, token).post(figuresUrl(), {
      source: SOURCE,
      figures: [{ unitCode: 'C1', itemCode: '2.1', inputs: { a: 30, b: 40 } }],
    });
    expect(again.json()).toMatchObject({ unchanged: 1 });
    const newer = await bearer(t, token).post(figuresUrl(), {
      source: SOURCE,
      figures: [{ unitCode: 'C1', itemCode: '2.1', inputs: { a: 40, b: 40 } }],
    });
    expect(newer.json()).toMatchObject({ prefilled: 1 });
    expect(await item('C1', '2.1')).toMatchObject({ inputs: { a: 40, b: 40 }, selfScore: 20, version: 2 });
  });

  it('all or nothing: every problem listed with its index, nothing recorded', async () => {
    const before = await suppliedCount();
    const res = await bearer(t, token).post(figuresUrl(), {
      source: SOURCE,
      figures: [
        { unitCode: 'C2', itemCode: '2.2', inputs: { value: 6 } },
        { unitCode: 'S1', itemCode: '2.2', inputs: { value: 6 } },
        { unitCode: 'C2', itemCode: '9.9', inputs: { value: 6 } },
        { unitCode: 'C2', itemCode: '2', inputs: { value: 6 } },
        { unitCode: 'C2', itemCode: '2.1', inputs: { a: 'ba mươi', b: 40 } },
        { unitCode: 'C2', itemCode: '2.3', inputs: { zz: 1 } },
        { unitCode: 'C2', itemCode: '1.1', inputs: { score: 11 } },
      ],
    });
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json().error;
    expect(code).toBe('IMPORT_INVALID');
    expect(details.problems.map((p: { index: number }) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(details.problems[0].message).toContain('không tham gia');
    expect(details.problems[2].message).toContain('nhóm chỉ số');
    expect(details.problems[3]).toMatchObject({ input: 'a' });
    expect(await suppliedCount()).toBe(before);
    expect((await item('C2', '2.2')).version).toBe(0);
  });

  it('a campaign that is not open → 409 INVALID_STATE (a draft is not even visible to the supplier: 404)', async () => {
    const draft = await createCampaign(t, { draft: true, name: 'Kỳ nháp' });
    const body = { source: SOURCE, figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } }] };
    expect((await bearer(t, token).post(`/api/v1/campaigns/${draft.campaignId}/figures`, body)).statusCode).toBe(404);
    const res = await (await t.as('office')).post(`/api/v1/campaigns/${draft.campaignId}/figures`, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
  });
});

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['Mã đơn vị', 'Mã chỉ số', 'Tên số liệu', 'Giá trị', 'Nguồn']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing a figures file', () => {
  it('rows of one unit and item become one figure (a and b); values typed from text', async () => {
    const file = await sheet([
      ['C2', '2.3', 'a', 9, 'Sở Thông tin và Truyền thông'],
      ['C2', '2.3', 'B', '10', 'Sở Thông tin và Truyền thông'],
      ['C2', '2.2', 'value', '6', 'Sở Thông tin và Truyền thông'],
    ]);
    const res = await (await t.as('office')).upload(`${figuresUrl()}/import`, 'so-lieu.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, prefilled: 2 });
    expect(await item('C2', '2.3')).toMatchObject({
      inputs: { a: 9, b: 10 },
      selfScore: 10,
      supplied: { source: 'Sở Thông tin và Truyền thông' },
    });
  });

  it("a CSV with problems → 422 listing every problem at once (the file's and the campaign's), row by row; nothing recorded", async () => {
    const before = await suppliedCount();
    const csv = Buffer.from(
      [
        'Mã đơn vị,Mã chỉ số,Tên số liệu,Giá trị,Nguồn',
        'C1,1.2,yes,có,Sở TTTT',
        'C9,1.2,yes,có,Sở TTTT',
        'C1,2.1,a,nhiều,Sở TTTT',
        'C1,2.2,,3,Sở TTTT',
        'C1,2.2,value,3,',
      ].join('\n'),
    );
    const res = await bearer(t, token).upload(`${figuresUrl()}/import`, 'so-lieu.csv', csv);
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems as { row: number; column: string; message: string }[];
    // Issue 17: a unit not in the campaign and a non-numeric value used to show only after the blank
    // name and source were fixed and the file sent again.
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Mã đơn vị'],
      [4, 'Giá trị'],
      [5, 'Tên số liệu'],
      [6, 'Nguồn'],
    ]);
    expect(problems[1]!.message).toMatch(/phải là một số/);
    expect(await suppliedCount()).toBe(before);
  });

  it('a file that is not a table → 415', async () => {
    const res = await bearer(t, token).upload(
      `${figuresUrl()}/import`,
      'x.xlsx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
    );
    expect(res.statusCode).toBe(415);
  });
});

describe('who may supply figures', () => {
  const body = { source: SOURCE, figures: [{ unitCode: 'C1', itemCode: '1.2', inputs: { yes: true } }] };
  // The province's data supplier and DX office may; participants and overseers read the campaign but may
  // not (403); a supplier whose role reaches no participating unit does not see the campaign (404).
  const rows: [string, number][] = [
    ['admin', 200],
    ['office', 200],
    ['mot-cua', 200],
    ['d1office', 403],
    ['rep_c1', 403],
    ['lead_c1', 403],
    ['support', 403],
    ['viewer', 403],
    ['chair', 403],
    ['supplier_s1', 404],
    ['norole', 403], // holds no role that supplies figures: refused at the route's gate
  ];
  for (const [user, status] of rows) {
    it(`${user} → ${status} (JSON and file)`, async () => {
      const c = await t.as(user);
      expect((await c.post(figuresUrl(), body)).statusCode).toBe(status);
      const file = await sheet([['C1', '1.2', 'yes', 'Có', SOURCE]]);
      expect((await c.upload(`${figuresUrl()}/import`, 'f.xlsx', file)).statusCode).toBe(status);
    });
  }

  it('anonymous → 401; a revoked token → 401', async () => {
    expect((await t.anonymous.post(figuresUrl(), body)).statusCode).toBe(401);
    const issued = await issueToken(t, (await t.as('mot-cua')) && (await userId('mot-cua')));
    expect((await bearer(t, issued.token).post(figuresUrl(), body)).statusCode).toBe(200);
    expect(
      (await (await t.as('admin')).delete(`/api/v1/users/${await userId('mot-cua')}/tokens/${issued.id}`)).statusCode,
    ).toBe(204);
    expect((await bearer(t, issued.token).post(figuresUrl(), body)).statusCode).toBe(401);
    expect((await bearer(t, issued.token).upload(`${figuresUrl()}/import`, 'f.csv', Buffer.from('a'))).statusCode).toBe(
      401,
    );
  });
});

async function userId(username: string): Promise<string> {
  const me = (await (await t.as(username)).get('/api/v1/auth/me')).json();
  return me.user.id;
}
