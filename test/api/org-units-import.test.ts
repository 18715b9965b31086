// Importing units from real .xlsx and .csv files (all or nothing) and exporting them back.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'];

async function xlsx(rows: string[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importFile = (c: Client, name: string, data: Buffer) => c.upload('/api/v1/org-units/import', name, data);
const unitCount = async () => (await admin.get('/api/v1/org-units')).json().items.length as number;
const unitByCode = async (code: string) =>
  (await admin.get('/api/v1/org-units')).json().items.find((u: { code: string }) => u.code === code);

describe('import', () => {
  it('creates communes under the district from an .xlsx with Vietnamese type labels, parents defined later in the file', async () => {
    const d1office = await t.as('d1office');
    const file = await xlsx([
      ['D1.X1', 'Xã Đức Hòa', 'Xã', 'D1'],
      ['D1.C9.T1', 'Thôn Trung', 'Khác', 'D1.P1'],
      ['D1.P1', 'Phường Đức Thuận', 'Phường', 'D1'],
      ['D1.TT1', 'Thị trấn Đức Thọ', 'Thị trấn', 'D1'],
    ]);
    const res = await importFile(d1office, 'don-vi.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 4, updated: 0 });
    const byCode = new Map(
      (await admin.get('/api/v1/org-units')).json().items.map((u: { code: string }) => [u.code, u]),
    );
    expect(byCode.get('D1.X1')).toMatchObject({ name: 'Xã Đức Hòa', type: 'commune', parentId: t.unit('D1') });
    expect(byCode.get('D1.P1')).toMatchObject({ type: 'commune' });
    expect(byCode.get('D1.TT1')).toMatchObject({ type: 'commune' });
    expect(byCode.get('D1.C9.T1')).toMatchObject({
      type: 'other',
      parentId: (byCode.get('D1.P1') as { id: string }).id,
    });
    const audit = (await admin.get('/api/v1/audit?objectType=org_unit&actorId=' + t.user('d1office'))).json();
    expect(
      audit.items.filter(
        (e: { action: string; reason: string }) => e.action === 'org_unit.create' && e.reason === 'Nhập từ tệp',
      ),
    ).toHaveLength(4);
  });

  it('reads a .csv (UTF-8 with BOM, quoted cells with commas) the same way', async () => {
    const csv = '\uFEFFMã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\r\nD2.X1,"Xã Sơn Kim, mới",Xã,D2\r\n';
    const res = await importFile(admin, 'don-vi.csv', Buffer.from(csv, 'utf8'));
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(1);
    expect(await unitByCode('D2.X1')).toMatchObject({ name: 'Xã Sơn Kim, mới', type: 'commune' });
  });

  it('an unknown parent code → 422 IMPORT_INVALID naming the row and the column', async () => {
    const res = await importFile(
      admin,
      'a.xlsx',
      await xlsx([
        ['N1', 'Xã Một', 'Xã', 'D1'],
        ['N2', 'Xã Hai', 'Xã', 'KHONG-CO'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      {
        row: 3,
        code: 'PARENT_NOT_FOUND',
        params: { value: 'KHONG-CO' },
        column: 'Mã đơn vị cấp trên',
        message: expect.stringContaining('KHONG-CO'),
      },
    ]);
    expect(await unitByCode('N1')).toBeUndefined();
  });

  it('one bad row among 3,000 → 422, nothing imported, and the report names that row', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`BULK.${i + 1}`, `Xã số ${i + 1}`, 'Xã', 'D2']);
    rows[2499]![2] = 'Hành tinh';
    const before = await unitCount();
    const res = await importFile(admin, 'lon.xlsx', await xlsx(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toMatchObject([
      { row: 2501, column: 'Loại', message: expect.stringContaining('Hành tinh') },
    ]);
    expect(await unitCount()).toBe(before);
  });

  it('duplicate codes within the file are reported with both rows', async () => {
    const res = await importFile(
      admin,
      'a.xlsx',
      await xlsx([
        ['DUP1', 'Xã A', 'Xã', 'D1'],
        ['DUP1', 'Xã B', 'Xã', 'D1'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toMatchObject([
      { row: 3, column: 'Mã đơn vị', message: expect.stringMatching(/trùng với dòng 2/) },
    ]);
  });

  it('a cycle of parents within the file is reported, nothing imported', async () => {
    const before = await unitCount();
    const res = await importFile(
      admin,
      'a.xlsx',
      await xlsx([
        ['CY.A', 'A', 'Khác', 'CY.B'],
        ['CY.B', 'B', 'Khác', 'CY.C'],
        ['CY.C', 'C', 'Khác', 'CY.A'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems[0]).toMatchObject({
      column: 'Mã đơn vị cấp trên',
      message: expect.stringMatching(/Vòng lặp/),
    });
    expect(await unitCount()).toBe(before);
  });

  it('a file chaining 70,000 units under one another, or in one long cycle → 422 naming the row, not a 500', async () => {
    const before = await unitCount();
    const chain = (n: number, first: string) =>
      `Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\n${Array.from({ length: n }, (_, i) => `K${i + 1},Đơn vị ${i + 1},Khác,${i === 0 ? first : `K${i}`}`).join('\n')}\n`;
    const deep = await importFile(admin, 'chuoi.csv', Buffer.from(chain(70_000, 'P')));
    expect(deep.statusCode, deep.body.slice(0, 300)).toBe(422);
    expect(deep.json().error.details.problems).toMatchObject([
      {
        row: 13,
        column: 'Mã đơn vị cấp trên',
        message:
          'Đơn vị "K12" sẽ nằm ở cấp thứ 13, sâu quá 12 cấp; đơn vị này và các đơn vị trực thuộc nó không nhập được.',
      },
    ]);
    const cycle = await importFile(admin, 'vong.csv', Buffer.from(chain(70_000, 'K70000')));
    expect(cycle.statusCode, cycle.body.slice(0, 300)).toBe(422);
    expect(cycle.json().error.details.problems[0].message).toBe(
      'Vòng lặp cấp trên: K1 → K70000 → K69999 → K69998 → K69997 → … → K5 → K4 → K3 → K2 → K1.',
    );
    expect(await unitCount()).toBe(before);
  }, 120_000);

  it('bad names, codes and missing columns are reported per row', async () => {
    const res = await importFile(
      admin,
      'a.xlsx',
      await xlsx([
        ["x'; drop table org_units; --", 'Tên', 'Xã', 'D1'],
        ['OK1', '', 'Xã', 'D1'],
        ['OK2', 'y'.repeat(301), 'Xã', 'D1'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, 'Mã đơn vị'],
      [3, 'Tên đơn vị'],
      [4, 'Tên đơn vị'],
    ]);
    const noHeader = await importFile(admin, 'a.xlsx', await xlsx([['A', 'B']], ['Cột 1', 'Cột 2']));
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().error.details.problems[0].message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });

  it('a DX office importing under a unit outside its subtree → 422 naming the row', async () => {
    const d1office = await t.as('d1office');
    const res = await importFile(
      d1office,
      'a.xlsx',
      await xlsx([
        ['OUT1', 'Xã Trong', 'Xã', 'D1'],
        ['OUT2', 'Xã Ngoài', 'Xã', 'C3'],
        ['OUT3', 'Xã Tỉnh', 'Xã', 'P'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems;
    expect(problems.map((p: { row: number }) => p.row)).toEqual([3, 4]);
    // C3 is out of its reach: reported exactly like a code that does not exist; P is readable context only.
    expect(problems[0].message).toBe('Không tìm thấy đơn vị cấp trên có mã "C3" (trong tệp hoặc trong hệ thống).');
    expect(problems[1].message).toMatch(/Không có quyền thêm đơn vị trực thuộc "P"/);
    expect(await unitByCode('OUT1')).toBeUndefined();
  });

  it('a file that is not a spreadsheet → 415 UNSUPPORTED_FILE with a Vietnamese message', async () => {
    const noise = randomBytes(4096);
    noise[10] = 0;
    const docx = new JSZip();
    docx.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    docx.file(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    );
    const docxBytes = await docx.generateAsync({ type: 'nodebuffer' });
    for (const [name, data] of [
      ['hong.xlsx', noise],
      ['bao-cao.xlsx', docxBytes],
      ['rong.xlsx', Buffer.alloc(0)],
    ] as const) {
      const res = await importFile(admin, name, data);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
      expect(res.json().error.message).toMatch(/Tệp|Bảng tính/);
    }
  });

  it('a workbook with a header and no rows → 422', async () => {
    const res = await importFile(admin, 'a.xlsx', await xlsx([]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems[0].message).toMatch(/không có dòng dữ liệu/);
  });
});

describe('export', () => {
  async function exported(c: Client) {
    const res = await c.get('/api/v1/org-units/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="don-vi.xlsx"/);
    return res.rawPayload;
  }

  it('is an .xlsx whose first row is the import header, with one row per visible unit', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(await t.as('d1office'))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1, 5)).toEqual(HEADER);
    const codes = ws.getColumn(1).values.slice(2) as string[];
    expect(codes).toContain('C1');
    expect(codes).toContain('P');
    expect(codes).not.toContain('C3');
  });

  it('re-imports with nothing created or changed, for the administrator and for a district office', async () => {
    for (const who of ['admin', 'd1office']) {
      const c = await t.as(who);
      const before = await unitCount();
      const res = await importFile(c, 'don-vi.xlsx', await exported(c));
      expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.json()).toEqual({ created: 0, updated: 0 });
      expect(await unitCount()).toBe(before);
    }
  });

  it('an exported row whose name was edited by someone without the right to change it is refused', async () => {
    const d1office = await t.as('d1office');
    const res = await importFile(d1office, 'a.xlsx', await xlsx([['P', 'Tỉnh Đổi Tên', 'Tỉnh', '']]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems[0]).toMatchObject({
      row: 2,
      column: 'Mã đơn vị',
      message: expect.stringMatching(/Không có quyền sửa/),
    });
  });
});
