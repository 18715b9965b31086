// A unit's scorecard as .xlsx: heading lines, then Mã | Chỉ số | Điểm tối đa | Tự chấm | Thẩm định |
// Chênh lệch | Lý do (| Kiến nghị when the unit objected to some item), groups in bold. A4, fitted to width, the table header repeated on every page.
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';
import { type Scorecard, scorecardHeader } from './scorecard-model.ts';

export const SCORECARD_HEADERS = [
  'Mã',
  'Chỉ số',
  'Điểm tối đa',
  'Tự chấm',
  'Thẩm định',
  'Chênh lệch',
  'Lý do điều chỉnh',
] as const;

/** The extra column when the unit objected to some item (issue 14 §1). */
export const SCORECARD_OBJECTION_HEADER = 'Kiến nghị';

export async function writeScorecardXlsx(s: Scorecard): Promise<Buffer> {
  const width = s.hasObjections ? 8 : 7;
  const wb = new (await excelJs()).Workbook();
  wb.creator = 'Thước Đo';
  const head = scorecardHeader(s);
  const headerRow = head.length + 3;
  const ws = wb.addWorksheet('Phiếu kết quả', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  ws.columns = [
    { width: 9 },
    { width: 60 },
    { width: 11 },
    { width: 10 },
    { width: 11 },
    { width: 11 },
    { width: 34 },
    ...(s.hasObjections ? [{ width: 34 }] : []),
  ];
  const title = ws.addRow([`PHIẾU KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM ${s.campaign.year}`]);
  ws.mergeCells(title.number, 1, title.number, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.addRow([]);
  for (const line of head) ws.mergeCells(ws.addRow([line]).number, 1, ws.lastRow!.number, width);
  ws.addRow([]);
  const header = ws.addRow([...SCORECARD_HEADERS, ...(s.hasObjections ? [SCORECARD_OBJECTION_HEADER] : [])]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const l of s.lines) {
    const row = ws.addRow([
      l.code,
      `${'  '.repeat(l.depth)}${l.title}`,
      l.max,
      l.self,
      l.final,
      l.delta,
      l.reason,
      ...(s.hasObjections ? [l.objection] : []),
    ]);
    if (!l.isItem) row.font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
    if (s.hasObjections) row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
  }
  neutralizeWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
