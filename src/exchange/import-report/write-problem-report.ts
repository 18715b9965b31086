// The problem report of a rejected import, as a workbook the user downloads and fixes from: their own
// rows (as the server read them, at the same row numbers) with every problem cell filled red and
// carrying the message as a note, a last column listing each row's problems, and a second sheet with
// the whole list. Without the rows (a file that is not a table), only the list. Text from the file is
// written back formula-neutralised (formula-injection.ts), like every export.
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';
import type { TableRow } from '../tabular.ts';

export interface ReportProblem {
  row: number;
  column: string;
  message: string;
}

const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const PROBLEM_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Column number (1-based) of each problem column, from the header: the first row (of 15, like
 *  locateColumns) holding one of their labels; without one, the first row. */
function locateHeader(
  rows: readonly TableRow[],
  labels: ReadonlySet<string>,
): { headerRow: number; columns: Map<string, number> } {
  for (const r of rows.slice(0, 15)) {
    const columns = new Map<string, number>();
    r.cells.forEach((c, i) => {
      const folded = foldVietnamese(c);
      if (labels.has(folded) && !columns.has(folded)) columns.set(folded, i + 1);
    });
    if (columns.size > 0) return { headerRow: r.row, columns };
  }
  return { headerRow: rows[0]?.row ?? 1, columns: new Map() };
}

export async function writeProblemReport(
  problems: readonly ReportProblem[],
  rows: readonly TableRow[] | null,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thước Đo';
  if (rows) {
    const sheet = workbook.addWorksheet('Tệp có đánh dấu lỗi');
    const width = Math.max(1, ...rows.map((r) => r.cells.length));
    for (const r of rows) sheet.getRow(r.row).values = [...r.cells];
    const { headerRow, columns } = locateHeader(
      rows,
      new Set(problems.map((p) => foldVietnamese(p.column)).filter(Boolean)),
    );
    const noteColumn = width + 1;
    const byRow = new Map<number, ReportProblem[]>();
    for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
    const head = sheet.getRow(headerRow).getCell(noteColumn);
    head.value = 'Lỗi cần sửa';
    for (const [rowNumber, list] of byRow) {
      const row = sheet.getRow(rowNumber);
      for (const p of list) {
        const col = columns.get(foldVietnamese(p.column));
        if (!col) continue;
        const cell = row.getCell(col);
        cell.fill = PROBLEM_FILL;
        cell.font = PROBLEM_FONT;
        cell.note = list
          .filter((q) => q.column === p.column)
          .map((q) => q.message)
          .join('\n');
      }
      const note = row.getCell(noteColumn);
      note.value = list.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('\n');
      note.font = PROBLEM_FONT;
      note.alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.getColumn(noteColumn).width = 60;
    sheet.getRow(headerRow).font = { bold: true };
    head.font = { bold: true, ...PROBLEM_FONT };
  }
  const list = workbook.addWorksheet('Danh sách lỗi');
  list.columns = [
    { header: 'Dòng', key: 'row', width: 8 },
    { header: 'Cột', key: 'column', width: 24 },
    { header: 'Lỗi', key: 'message', width: 90 },
  ];
  list.getRow(1).font = { bold: true };
  for (const p of problems) list.addRow({ row: p.row, column: p.column, message: p.message });
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
