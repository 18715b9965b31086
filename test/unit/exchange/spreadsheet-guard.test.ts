// Reading an uploaded spreadsheet under limits (src/exchange/spreadsheet): every kind of bomb is refused
// while it is being inflated — fast, with a Vietnamese message naming the limit — and a legitimate
// workbook reads exactly as exceljs alone reads it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPREADSHEET_LIMITS } from '../../../src/exchange/spreadsheet/limits.ts';
import { loadWorkbook } from '../../../src/exchange/spreadsheet/load-workbook.ts';
import { cellText, parseCsv, readTable } from '../../../src/exchange/tabular.ts';
import {
  type Part,
  bigCellBomb,
  deflatedPart,
  repeatedPart,
  rowsBomb,
  sheetWith,
  workbookFrame,
  zipOf,
} from '../../support/spreadsheet-bombs.ts';

async function refusedFast(buf: Buffer, message: RegExp, maxMs = 3000) {
  const t0 = performance.now();
  const res = await readTable(buf);
  const ms = performance.now() - t0;
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.message).toMatch(message);
  expect(ms).toBeLessThan(maxMs);
  return res;
}

const rows = (n: number, cells: (r: number) => string) =>
  `<sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('')}</sheetData>`;

describe('spreadsheet bombs are refused while inflating', () => {
  it("200 MB of sheet XML in small rows (the issue's bomb) → refused at once from its declared size; declaring 1 KB → the cell limit, counted while inflating", async () => {
    const bomb = rowsBomb(200);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusedFast(bomb, /quá lớn khi giải nén: vượt quá 64 MB/)).toMatchObject({ tooLarge: true });
    expect(await refusedFast(rowsBomb(200, 1000), /quá 300\.000 ô dữ liệu/)).toMatchObject({ tooLarge: true });
  });

  it('one cell of 200 MB declaring 1 KB → the per-part inflated limit (48 MB): the real bytes are counted', async () => {
    await refusedFast(
      bigCellBomb(200, 1000),
      /quá lớn khi giải nén: thành phần xl\/worksheets\/sheet1\.xml vượt quá 48 MB/,
    );
  });

  it('several parts that together pass the total (64 MB) → the total limit', async () => {
    const part = (i: number) =>
      repeatedPart(
        `xl/worksheets/sheet${i}.xml`,
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
        'B',
        '</t></is></c></row></sheetData></worksheet>',
        30,
        1000,
      );
    await refusedFast(zipOf([...workbookFrame(), part(1), part(2), part(3)]), /quá lớn khi giải nén: vượt quá 64 MB/);
  });

  it('a shared-strings bomb and a styles bomb', async () => {
    const sst = repeatedPart('xl/sharedStrings.xml', '<sst xmlns="x">', '<si><t>a</t></si>', '</sst>', 40, 500);
    await refusedFast(
      zipOf([...workbookFrame(), sst, deflatedPart('xl/worksheets/sheet1.xml', `<worksheet><sheetData/></worksheet>`)]),
      /quá 300\.000 chuỗi ký tự/,
    );
    const styles = repeatedPart(
      'xl/styles.xml',
      '<styleSheet xmlns="x"><cellXfs>',
      '<xf numFmtId="0"/>',
      '</cellXfs></styleSheet>',
      12,
      500,
    );
    await refusedFast(
      zipOf([
        ...workbookFrame(),
        styles,
        deflatedPart('xl/worksheets/sheet1.xml', `<worksheet><sheetData/></worksheet>`),
      ]),
      /Phần định dạng \(styles\).*quá lớn/,
    );
  });

  it('a zip of thousands of parts', async () => {
    const tiny = Array.from({ length: 2_500 }, (_, i): Part => deflatedPart(`xl/x/${i}.xml`, '<a/>'));
    await refusedFast(zipOf([...workbookFrame(), ...tiny]), /quá nhiều thành phần \(trên 2\.000\)/);
  });

  it('a few bytes that ask exceljs for billions of objects: column ranges, merges, cells beyond the grid, far-right cells', async () => {
    await refusedFast(
      sheetWith('<cols><col min="1" max="1000000000" width="9"/></cols><sheetData/>'),
      /ngoài giới hạn của Excel/,
    );
    await refusedFast(
      sheetWith('<sheetData/><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      /quá 300\.000 ô dữ liệu/,
    );
    await refusedFast(
      sheetWith(
        `<sheetData/><mergeCells>${Array.from({ length: 10_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`).join('')}</mergeCells>`,
      ),
      /quá 10\.000 vùng gộp ô/,
    );
    await refusedFast(
      sheetWith('<sheetData><row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>'),
      /ngoài giới hạn của Excel/,
    );
    await refusedFast(
      sheetWith('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'),
      /ngoài giới hạn của Excel/,
    );
    await refusedFast(sheetWith(rows(100, (r) => `<c r="XFD${r}"><v>1</v></c>`)), /trải quá rộng/);
    await refusedFast(sheetWith(rows(100_001, () => '')), /quá 100\.000 dòng/);
  });

  it('data validations and defined names over the whole sheet are dropped (no reader needs them), the data is read', async () => {
    const body = `${rows(2, (r) => `<c r="A${r}" t="inlineStr"><is><t>Dòng ${r}</t></is></c>`)}<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    const workbookXml = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Tat_ca">Sheet1!$A$1:$XFD$1048576</definedName></definedNames></workbook>`;
    const t0 = performance.now();
    const res = await readTable(sheetWith(body, [], workbookXml));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(res).toMatchObject({
      ok: true,
      rows: [
        { row: 1, cells: ['Dòng 1'] },
        { row: 2, cells: ['Dòng 2'] },
      ],
    });
  });

  it('zip tricks: zip64 markers without their record, encryption, an unknown method, two parts of one name, a truncated stream', async () => {
    const sheet = deflatedPart('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const lying = zipOf([...workbookFrame(), { ...sheet, declaredSize: 0xffffffff }]);
    lying.writeUInt32LE(0xffffffff, lying.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46 + 24); // central size = zip64 marker
    await refusedFast(lying, /bị hỏng/);
    const encrypted = zipOf([...workbookFrame(), sheet]);
    for (
      let at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    )
      encrypted.writeUInt16LE(1, at + 8);
    await refusedFast(encrypted, /mật khẩu/);
    await refusedFast(zipOf([...workbookFrame(), { ...sheet, method: 12 as 8 }]), /nén theo cách Excel không dùng/);
    await refusedFast(zipOf([...workbookFrame(), sheet, sheet]), /bị hỏng/);
    await refusedFast(
      zipOf([...workbookFrame(), { ...sheet, data: sheet.data.subarray(0, sheet.data.length - 4) }]),
      /bị hỏng|không phải bảng tính/,
    );
  });
});

describe('CSV under the same limits', () => {
  it('a line of a million columns, one giant field, an unclosed quote', () => {
    expect(parseCsv(`${','.repeat(1_000_000)}\n`)).toMatchObject({
      ok: false,
      tooLarge: true,
      message: expect.stringMatching(/Dòng 1 .* quá 16\.384 cột/),
    });
    expect(parseCsv(`Mã,Tên\nX1,${'a'.repeat(40_000)}\n`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Dòng 2 .* dài quá 32\.767 ký tự/),
    });
    expect(parseCsv(`Mã,Tên\nX1,"Xã ${'b'.repeat(5_000_000)}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/thiếu dấu ngoặc kép đóng/),
    });
  });

  it('more rows or fields than the limits', () => {
    const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxRows: 1_000, maxCells: 2_500 };
    expect(parseCsv('a\n'.repeat(1_001), limits)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/quá 1\.000 dòng/),
    });
    expect(parseCsv('a,b,c\n'.repeat(900), limits)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/quá 2\.500 ô/),
    });
  });
});

describe('legitimate workbooks read exactly as before', () => {
  it('text, numbers, dates, rich text, hyperlinks, formulas, merged cells, validations, print titles: same cells as exceljs alone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị', { pageSetup: { printTitlesRow: '1:1' } });
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Ngày', 'Ghi chú']);
    ws.addRow([
      'X1',
      { richText: [{ text: 'Xã ' }, { text: 'Cẩm Bình', font: { bold: true } }] },
      'Xã',
      new Date(Date.UTC(2025, 6, 1)),
      { text: 'trang', hyperlink: 'https://example.vn' },
    ]);
    ws.addRow(['X2', 'Xã Thiên Cầm', 'Xã', null, { formula: '1+2', result: 3 }]);
    ws.addRow(['X3', '  Phường  Yên Hòa ', 'Phường', 12.5, -4]);
    ws.mergeCells('E5:F6');
    ws.getCell('E5').value = 'gộp';
    ws.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Xã,Phường"'] };
    wb.definedNames.add("'Đơn vị'!$A$1:$B$3", 'Vung');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(buf as unknown as ArrayBuffer);
    const expected: string[][] = [];
    plain.worksheets[0]!.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellText(c.value)));
      expected.push(Array.from(cells, (c) => c ?? ''));
    });
    const read = await readTable(buf);
    expect(read.ok && read.rows.map((r) => r.cells)).toEqual(expected);
    const guarded = await loadWorkbook(buf);
    expect(guarded.ok && guarded.workbook.worksheets[0]!.getCell('F6').isMerged).toBe(true);
  });
});
