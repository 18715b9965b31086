// The official self-assessment form as .xlsx: export in the print layout (header fields, bold groups with
// subtotals, A4 fit to width, repeated header row), filled offline with exceljs and imported back through
// the item-save operation — a row changed online since the export is a problem, bad values give
// row-numbered problems, and any problem leaves everything as it was. Authorization for both routes.
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.ts';
import { bearer, issueToken } from '../support/bearer.ts';
import { type CampaignIds, addAccount, createOpenCampaign } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let ids: CampaignIds;
let supplierToken: string;
const url = (unit = 'C1') => `/api/v1/assessments/${ids.assessments[unit]}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-02T03:00:00Z') });
  ids = await createOpenCampaign(t);
  const supplier = await addAccount(t, 'mot-cua', 'data_supplier', 'P', true);
  supplierToken = (await issueToken(t, supplier)).token;
  const rep = await t.as('rep_c1');
  await rep.put(`${url()}/info`, { values: { population: 2000 }, rowVersion: 1 });
  await rep.put(`${url()}/items/1.2`, { inputs: { yes: false }, explanation: 'Chưa có kế hoạch', version: 0 });
});
afterAll(() => t.close());

async function exportForm(unit = 'C1', as = 'rep_c1'): Promise<ExcelJS.Workbook> {
  const res = await (await t.as(as)).get(`${url(unit)}/export.xlsx`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const sheetOf = (wb: ExcelJS.Workbook) => wb.getWorksheet('Tự đánh giá')!;
function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(1).value === code) found = r;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}
async function importForm(wb: ExcelJS.Workbook, unit = 'C1', as = 'rep_c1') {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return (await t.as(as)).upload(`${url(unit)}/import`, 'tu-danh-gia.xlsx', buf);
}
const items = async (unit = 'C1') => {
  const a = (await (await t.as('office')).get(url(unit))).json();
  return new Map<
    string,
    { inputs: Record<string, unknown>; selfScore: number | null; explanation: string; version: number }
  >(a.items.map((i: { code: string }) => [i.code, i]));
};
const auditCount = async () =>
  Number(
    (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'assessment.item.save')))[0]!
      .n,
  );

describe('export', () => {
  it('the official layout: header fields, table columns, bold groups with subtotals, print setup, hidden version', async () => {
    const ws = sheetOf(await exportForm());
    expect(ws.getCell('A1').value).toBe('BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ');
    const fields = Object.fromEntries([3, 4, 5, 6, 7].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value]));
    expect(fields).toEqual({
      'Tên đơn vị:': 'Xã Đức Đồng',
      'Kỳ đánh giá:': 'Đánh giá DTI cấp xã năm 2026',
      'Thời gian số liệu:': 'Từ ngày 15/11/2025 đến ngày 14/11/2026',
      'Người lập:': 'Người dùng rep_c1',
      'Ngày xuất:': '02/11/2026',
    });
    const header = ws.getRow(9).values as string[];
    expect(header.slice(1, 9)).toEqual([
      'STT',
      'Chỉ số',
      'Điểm tối đa',
      'Phương pháp xác định và cách cho điểm',
      'Điểm tự chấm',
      'Giải trình kết quả',
      'Số liệu',
      'Phiên bản',
    ]);
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '9:9' });
    const group = rowOf(ws, '1');
    expect(group.getCell(2).font?.bold).toBe(true);
    expect(group.getCell(5).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(E\d+,E\d+,E\d+\)$/) });
    const yes = rowOf(ws, '1.2');
    expect([yes.getCell(5).value, yes.getCell(6).value, yes.getCell(7).value, yes.getCell(8).value]).toEqual([
      0,
      'Chưa có kế hoạch',
      'yes=Không',
      1,
    ]);
    expect(String(rowOf(ws, '2.1').getCell(4).value)).toContain('a = Hồ sơ trực tuyến; b = Tổng hồ sơ');
  });
});

describe('import', () => {
  it('round trip: a form filled offline is saved through the item operation, scores recomputed; re-importing changes nothing', async () => {
    const wb = await exportForm();
    const ws = sheetOf(wb);
    rowOf(ws, '1.1').getCell(5).value = 7.5;
    rowOf(ws, '1.1').getCell(6).value = 'Lãnh đạo tự đánh giá';
    rowOf(ws, '1.2').getCell(7).value = 'Có';
    rowOf(ws, '1.3').getCell(7).value = 'choice=Vừa';
    rowOf(ws, '2.1').getCell(7).value = 'a=30; b=40';
    rowOf(ws, '2.1').getCell(5).value = 99; // ignored: the server computes computed methods
    rowOf(ws, '2.3').getCell(7).value = 'a = 9,5 ; B=10';
    const res = await importForm(wb);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 5, unchanged: 2 });
    const now = await items();
    expect(now.get('1.1')).toMatchObject({ selfScore: 7.5, explanation: 'Lãnh đạo tự đánh giá', version: 1 });
    expect(now.get('1.2')).toMatchObject({
      inputs: { yes: true },
      selfScore: 10,
      explanation: 'Chưa có kế hoạch',
      version: 2,
    });
    expect(now.get('1.3')).toMatchObject({ inputs: { choice: 'vua' }, selfScore: 10 });
    expect(now.get('2.1')).toMatchObject({ inputs: { a: 30, b: 40 }, selfScore: 15 });
    expect(now.get('2.3')).toMatchObject({ inputs: { a: 9.5, b: 10 }, selfScore: 10 });
    const again = await importForm(await exportForm());
    expect(again.json()).toEqual({ updated: 0, unchanged: 7 });
  });

  it('a row changed online since the export → problem for that row; the other rows are not saved either', async () => {
    const wb = await exportForm();
    const rep = await t.as('rep_c1');
    const online = await rep.put(`${url()}/items/2.2`, { inputs: { value: 1 }, version: 0 });
    expect(online.statusCode).toBe(200);
    const ws = sheetOf(wb);
    rowOf(ws, '2.2').getCell(7).value = 'value=6';
    rowOf(ws, '2.4').getCell(7).value = 'so_diem=2';
    const before = await auditCount();
    const res = await importForm(wb);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      {
        row: rowOf(ws, '2.2').number,
        column: 'Phiên bản',
        item: '2.2',
        code: 'CHANGED_SINCE_EXPORT',
        params: { item: '2.2', by: 'Người dùng rep_c1' },
        message: expect.stringContaining('đã được sửa trên hệ thống bởi Người dùng rep_c1'),
      },
    ]);
    const now = await items();
    expect(now.get('2.2')).toMatchObject({ inputs: { value: 1 }, version: 1 });
    expect(now.get('2.4')).toMatchObject({ version: 0 });
    expect(await auditCount()).toBe(before);
  });

  it('bad values → 422 with row-numbered Vietnamese problems; valid rows of the same file are rolled back', async () => {
    const wb = await exportForm();
    const ws = sheetOf(wb);
    rowOf(ws, '2.4').getCell(7).value = 'so_diem=3'; // valid, must not stay saved
    rowOf(ws, '2.1').getCell(7).value = 'a=ba mươi; b=40';
    rowOf(ws, '1.1').getCell(5).value = 11;
    rowOf(ws, '1.3').getCell(7).value = 'choice=Rất cao';
    rowOf(ws, '2.2').getCell(7).value = 'nhiều điểm wifi; b';
    const res = await importForm(wb);
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems as {
      row: number;
      column: string;
      code: string;
      params?: Record<string, unknown>;
      message: string;
    }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [rowOf(ws, '1.1').number, 'Điểm tự chấm'],
      [rowOf(ws, '1.3').number, 'Số liệu'],
      [rowOf(ws, '2.1').number, 'Số liệu'],
      [rowOf(ws, '2.2').number, 'Số liệu'],
    ]);
    expect(problems[2]!.message).toMatch(/phải là một số/);
    expect(problems[3]!.message).toMatch(/tên=giá trị/);
    // Codes and parameters for the staff app to word in the reader's language (issue 14 §6).
    expect(problems[0]).toMatchObject({ code: 'SCORE_OUT_OF_RANGE', params: { item: '1.1' } });
    expect(problems[3]).toMatchObject({ code: 'INPUT_NOT_NAME_VALUE', params: { value: 'nhiều điểm wifi' } });
    expect((await items()).get('2.4')).toMatchObject({ version: 0 });
  });

  it("another unit's form → 422; not a workbook → 415", async () => {
    const wb = await exportForm('C3', 'rep_c3');
    const res = await importForm(wb, 'C1');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems[0].message).toContain('đơn vị hoặc kỳ đánh giá khác');
    expect(res.json().error.details.problems[0].code).toBe('OTHER_ASSESSMENT');
    const rep = await t.as('rep_c1');
    expect((await rep.upload(`${url()}/import`, 'x.xlsx', Buffer.from('STT;Điểm tự chấm'))).statusCode).toBe(415);
  });
});

describe('who may export and import', () => {
  // [user, export, import]: unit staff both (and the system administrator); overseers export only (403 on import); others' units 404.
  const rows: [string, number, number][] = [
    ['rep_c1', 200, 200],
    ['lead_c1', 200, 200],
    ['office', 200, 403],
    ['admin', 200, 200], // the system administrator may do anything saveItem allows
    ['viewer', 200, 403],
    ['support', 200, 403],
    ['rep_c3', 404, 404],
    ['norole', 404, 403], // import: no unit-staff role anywhere → refused at the route's gate
    ['mot-cua', 404, 403],
  ];
  for (const [user, exp, imp] of rows) {
    it(`${user}: export ${exp}, import ${imp}`, async () => {
      const c = await t.as(user);
      expect((await c.get(`${url()}/export.xlsx`)).statusCode).toBe(exp);
      const file = Buffer.from(await (await exportForm()).xlsx.writeBuffer());
      expect((await c.upload(`${url()}/import`, 'f.xlsx', file)).statusCode).toBe(imp);
    });
  }

  it('anonymous → 401; a data supplier token → 403 (its scope, supplying figures, does not reach assessments)', async () => {
    expect((await t.anonymous.get(`${url()}/export.xlsx`)).statusCode).toBe(401);
    expect((await t.anonymous.upload(`${url()}/import`, 'f.xlsx', Buffer.from('x'))).statusCode).toBe(401);
    expect((await bearer(t, supplierToken).get(`${url()}/export.xlsx`)).statusCode).toBe(403);
    expect((await bearer(t, supplierToken).upload(`${url()}/import`, 'f.xlsx', Buffer.from('x'))).statusCode).toBe(403);
  });
});
