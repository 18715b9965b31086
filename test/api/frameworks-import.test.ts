// POST /frameworks/import with real files built here: appendix workbooks as people make them (merged
// cells, blank lines, roman sections, formulas, hyperlinks, metadata above the header), big ones, and
// broken ones — each broken file gives a precise message and saves nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/test-app.ts';
import { INFO_ROWS, appendixRows, sampleDefinition, workbook, type Row } from './frameworks-fixtures.ts';
import { bigCellBomb } from '../support/spreadsheet-bombs.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
});
afterAll(() => t.close());

const upload = (buf: Buffer, name = 'phu-luc.xlsx') => office.upload('/api/v1/frameworks/import', name, buf);
const count = async () => (await office.get('/api/v1/frameworks?pageSize=500')).json().total as number;
const info = (code: string): Row[] => INFO_ROWS.map((r) => (r[0] === 'Mã bộ chỉ số' ? ['Mã bộ chỉ số', code] : r));

async function expectRejected(buf: Buffer, status: number, pattern: RegExp, name?: string) {
  const before = await count();
  const res = await upload(buf, name);
  expect(res.statusCode, res.body).toBe(status);
  const err = res.json().error;
  const messages = [
    err.message,
    ...((err.details?.problems ?? []) as { message: string }[]).map((p) => p.message),
  ].join('\n');
  expect(messages).toMatch(pattern);
  expect(await count()).toBe(before);
  return err;
}

describe('importing appendix workbooks', () => {
  it('imports a 500-node workbook as a draft with the right structure', async () => {
    const buf = await workbook(appendixRows(20, 24), { info: info('lon-500') });
    const res = await upload(buf);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'lon-500',
      status: 'draft',
      mainIndicators: 20,
      subIndicators: 480,
      leafCount: 480,
      totalPoints: 960,
    });
    const got = (await office.get(`/api/v1/frameworks/${res.json().id}`)).json();
    expect(got.definition.decision).toEqual({
      number: '2878/QĐ-UBND',
      date: '2023-11-07',
      issuer: 'UBND tỉnh Hà Tĩnh',
    });
    expect(got.definition.nodes[0].children[1]).toMatchObject({
      code: '1.2',
      method: { kind: 'manual', step: 0.5 },
      guidance: 'Hướng dẫn chấm 1.2',
    });
    expect(got.definition.nodes[9].code).toBe('10');
  });

  it('reads a real-looking appendix: metadata above the header, roman sections without points, "1." and "a)" numbering, blank lines, merged cells, formulas, hyperlinks, a total row', async () => {
    const rows: Row[] = [
      ['I.', 'NHÓM CHỈ SỐ NỀN TẢNG', null],
      [null],
      ['1.', 'Hạ tầng số', { formula: 'C6+C7', result: 10 }],
      [
        '1.1',
        'Tỷ lệ cán bộ có máy tính',
        6,
        'Tính theo tỷ lệ',
        { text: 'Danh sách máy tính', hyperlink: 'https://example.vn/ds' },
        null,
        null,
        'ratio',
      ],
      ['1.2', 'Mạng nội bộ', 4, 'Dòng thứ nhất', null, null, null, 'yesno'],
      [null, null, null, 'Dòng thứ hai của hướng dẫn'],
      ['II', 'NHÓM CHỈ SỐ HOẠT ĐỘNG', null],
      ['1', 'Dịch vụ công', 5],
      ['a)', 'Hồ sơ trực tuyến', 3, null, null, null, null, 'manual'],
      ['b)', 'Thanh toán trực tuyến', 2, null, null, null, null, 'manual'],
      [null, 'Tổng cộng', 15],
    ];
    const buf = await workbook(rows, {
      info: null,
      above: [
        ['PHỤ LỤC III'],
        ['Mã bộ chỉ số: thuc-te-xa'],
        ['Tên bộ chỉ số', 'Bộ chỉ số đánh giá chuyển đổi số cấp xã'],
        ['Đối tượng áp dụng', 'Xã'],
        ['(Kèm theo Quyết định số 2878/QĐ-UBND ngày 07/11/2023 của UBND tỉnh Hà Tĩnh)'],
      ],
      build(sheet) {
        // "1.2" spans two rows (STT and title merged down); its second row adds guidance.
        // Rows: 5 above, header on 6, data from 7.
        sheet.mergeCells('A11:A12');
        sheet.mergeCells('B11:B12');
        sheet.mergeCells('C11:C12');
        sheet.mergeCells('B7:H7'); // a section title merged across
      },
    });
    const res = await upload(buf);
    expect(res.statusCode, res.body.slice(0, 800)).toBe(201);
    const def = (await office.get(`/api/v1/frameworks/${res.json().id}`)).json().definition;
    expect(def).toMatchObject({
      code: 'thuc-te-xa',
      name: 'Bộ chỉ số đánh giá chuyển đổi số cấp xã',
      appliesTo: { unitTypes: ['commune'] },
      decision: { number: '2878/QĐ-UBND', date: '2023-11-07', issuer: 'UBND tỉnh Hà Tĩnh' },
    });
    const flat = (nodes: { code: string; maxPoints: number; children?: unknown[] }[]): string[] =>
      nodes.flatMap((n) => [`${n.code}:${n.maxPoints}`, ...flat((n.children ?? []) as never)]);
    expect(flat(def.nodes)).toEqual(['I:10', 'I.1:10', 'I.1.1:6', 'I.1.2:4', 'II:5', 'II.1:5', 'II.1.a:3', 'II.1.b:2']);
    const n12 = def.nodes[0].children[0].children[1];
    expect(n12.guidance).toBe('Dòng thứ nhất\nDòng thứ hai của hướng dẫn');
    expect(def.nodes[0].children[0].children[0].evidence).toBe('Danh sách máy tính');
  });

  it('accepts header variants ("TT", "Tên chỉ số", "Điểm", "Minh chứng")', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['TT', 'Tên chỉ số', 'Điểm\ntối đa', 'Minh chứng']);
    s.addRow(['1', 'Chỉ số A', 5, 'Văn bản']);
    const i = wb.addWorksheet('Thông tin');
    for (const r of info('bien-the')) i.addRow(r);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings.map((w: { rule: string }) => w.rule)).toContain('LEAF_WITHOUT_METHOD');
  });

  it('imports YAML and JSON with the same checks', async () => {
    const def = sampleDefinition('yaml-json');
    const json = await upload(Buffer.from(JSON.stringify(def)), 'a.json');
    expect(json.statusCode, json.body).toBe(201);
    const yaml = await upload(
      Buffer.from(
        'code: yaml-2\nname: Bộ\ndecision: { number: "1", issuer: UBND }\nappliesTo: { unitTypes: [commune] }\nnodes:\n  - code: "1"\n    title: A\n    maxPoints: -1\n',
      ),
      'a.yaml',
    );
    expect(yaml.statusCode).toBe(422);
    expect(yaml.json().error.details.problems[0]).toMatchObject({ row: 8, code: '1', severity: 'error' });
    expect(yaml.json().error.details.problems[0].rule).toBe('SCHEMA_INVALID');
    expect(yaml.json().error.details.problems[0].message).toMatch(/không được âm/);
  });
});

describe('refusing broken files (precise message, nothing saved)', () => {
  it('a .docx renamed .xlsx → 415 naming Word', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    await expectRejected(await zip.generateAsync({ type: 'nodebuffer' }), 415, /Word \(\.docx\)/);
  });

  it('a malformed zip, random bytes and an empty file → 415', async () => {
    const good = await workbook(appendixRows(1, 2), { info: info('hong') });
    await expectRejected(good.subarray(0, Math.floor(good.length / 2)), 415, /bị hỏng/);
    await expectRejected(Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00]), 415, /không phải bảng tính/);
    await expectRejected(Buffer.alloc(0), 415, /rỗng/);
  });

  it('an empty workbook → 422 "Bảng tính trống"', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await expectRejected(Buffer.from(await wb.xlsx.writeBuffer()), 422, /trống/);
  });

  it('negative and non-numeric points name the row', async () => {
    const err = await expectRejected(
      await workbook(
        [
          ['1', 'Nhóm', 5],
          ['1.1', 'A', -5, null, null, null, null, 'yesno'],
          ['1.2', 'B', 'mười', null, null, null, null, 'yesno'],
        ],
        { info: info('diem-sai') },
      ),
      422,
      /không được âm/,
    );
    expect(err.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Phụ lục III', row: 3, code: '1.1', severity: 'error' }),
        expect.objectContaining({ row: 4, code: '1.2', message: expect.stringMatching(/"mười" không phải là số/) }),
      ]),
    );
  });

  it('points with 3 decimals → POINTS_PRECISION at its row', async () => {
    const err = await expectRejected(
      await workbook([['1', 'A', 1.125, null, null, null, null, 'manual']], { info: info('ba-so-le') }),
      422,
      /quá 2 chữ số thập phân/,
    );
    expect(err.details.problems[0]).toMatchObject({
      row: 2,
      code: '1',
      rule: 'POINTS_PRECISION',
      params: { value: 1.125 },
    });
  });

  it('a gap in the hierarchy (child without its parent) and a duplicate code', async () => {
    await expectRejected(
      await workbook(
        [
          ['1', 'A', 2],
          ['1.1', 'B', 2, null, null, null, null, 'yesno'],
          ['2.1', 'C', 1],
        ],
        { info: info('ngat') },
      ),
      422,
      /không tìm thấy chỉ số cha "2"/,
    );
    const err = await expectRejected(
      await workbook(
        [
          ['1', 'A', 2, null, null, null, null, 'yesno'],
          ['1', 'B', 2, null, null, null, null, 'yesno'],
        ],
        { info: info('trung') },
      ),
      422,
      /Mã 1 bị trùng với dòng 2/,
    );
    expect(err.details.problems[0]).toMatchObject({
      row: 3,
      rule: 'STT_DUPLICATE',
      params: { node: '1', firstRow: 2 },
    });
  });

  it('a formula with unknown names, constructor or __proto__ in the method column', async () => {
    for (const expr of ['formula x + y | x', 'formula constructor', 'formula __proto__ * 2', 'formula a.constructor']) {
      const err = await expectRejected(
        await workbook([['1', 'A', 2, null, null, null, null, expr]], { info: info('cong-thuc') }),
        422,
        /./,
      );
      expect(
        err.details.problems.some((p: { row: number; severity: string }) => p.row === 2 && p.severity === 'error'),
        expr,
      ).toBe(true);
    }
  });

  it('a formula cell without a cached result, and missing metadata', async () => {
    await expectRejected(
      await workbook([['1', 'A', { formula: 'SUM(1,2)' } as ExcelJS.CellValue, null, null, null, null, 'yesno']], {
        info: info('chua-tinh'),
      }),
      422,
      /công thức chưa được tính/,
    );
    await expectRejected(
      await workbook([['1', 'A', 2, null, null, null, null, 'yesno']], { info: [['Tên bộ chỉ số', 'X']] }),
      422,
      /Thiếu "Mã bộ chỉ số"/,
    );
  });

  it('a workbook without the header row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Họ tên', 'Tuổi']);
    await expectRejected(Buffer.from(await wb.xlsx.writeBuffer()), 422, /Không tìm thấy dòng tiêu đề/);
  });

  it('more than 5,000 nodes → refused', async () => {
    await expectRejected(await workbook(appendixRows(1, 5001, 1), { info: info('qua-lon') }), 422, /5000/);
  });

  it('an upload over 20 MB → 413', async () => {
    const res = await upload(Buffer.alloc(21 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
  });

  it('a zip declaring a huge uncompressed size → 413 before loading', async () => {
    // Built by repeating one deflated block (spreadsheet-bombs.ts): cheap to make, 130 MB once inflated.
    const buf = bigCellBomb(130);
    expect(buf.length).toBeLessThan(2 * 1024 * 1024);
    await expectRejected(buf, 413, /quá lớn khi giải nén/);
  });
});
