// The problem report of a rejected import, as a workbook the user downloads and fixes from: their own
// rows (as the server read them, at the same row numbers) with every problem cell filled red and
// carrying the message as a note, a last column listing each row's problems, and a second sheet with
// the whole list. Without the rows (a file that is not a table), only the list. Text from the file is
// written back formula-neutralised (formula-injection.ts), like every export.
import type ExcelJS from 'exceljs';
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';
import type { TableRow } from '../tabular.ts';

export interface ReportProblem {
  /** The sheet the row is on, for a file of several sheets (an index set's appendix); else the first. */
  sheet?: string;
  row: number;
  column: string;
  message: string;
}

/** A sheet of the rejected file as the server read it. */
export interface ReportSheet {
  name: string;
  rows: readonly TableRow[];
}

/** The sheet of the whole list; a sheet of the file with that name is renamed. */
const LIST_SHEET = 'Danh sách lỗi';

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

/** One sheet of the file, written back with its problems marked. A problem that names no column of the
 *  header (a whole-row problem, or an index-set row) fills the row's written cells instead. */
function writeMarkedSheet(
  sheet: ExcelJS.Worksheet,
  rows: readonly TableRow[],
  problems: readonly ReportProblem[],
): void {
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  for (const r of rows) sheet.getRow(r.row).values = [...r.cells];
  const { headerRow, columns } = locateHeader(
    rows,
    new Set(problems.map((p) => foldVietnamese(p.column)).filter(Boolean)),
  );
  const written = new Map(rows.map((r) => [r.row, r.cells]));
  const noteColumn = width + 1;
  const byRow = new Map<number, ReportProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const head = sheet.getRow(headerRow).getCell(noteColumn);
  head.value = 'Lỗi cần sửa';
  const mark = (cell: ExcelJS.Cell, note: string) => {
    cell.fill = PROBLEM_FILL;
    cell.font = PROBLEM_FONT;
    cell.note = note;
  };
  for (const [rowNumber, list] of byRow) {
    if (rowNumber < 1) continue;
    const row = sheet.getRow(rowNumber);
    for (const p of list) {
      const col = p.column ? columns.get(foldVietnamese(p.column)) : undefined;
      const note = list
        .filter((q) => q.column === p.column)
        .map((q) => q.message)
        .join('\n');
      if (col) {
        mark(row.getCell(col), note);
        continue;
      }
      const cells = written.get(rowNumber) ?? [];
      const filled = cells.flatMap((c, i) => (c ? [i + 1] : []));
      for (const i of filled.length > 0 ? filled : [1]) mark(row.getCell(i), note);
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

/** `sheets`: the file as read (one sheet for a table; every sheet of an appendix workbook, kept under
 *  their own names so the user fixes the same workbook), or null when the file was not a spreadsheet. */
export async function writeProblemReport(
  problems: readonly ReportProblem[],
  sheets: readonly ReportSheet[] | null,
): Promise<Buffer> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Thước Đo';
  if (sheets && sheets.length > 0) {
    const first = sheets[0]!.name;
    const onSheet = (name: string) => problems.filter((p) => (p.sheet ?? first) === name);
    if (sheets.length === 1) {
      writeMarkedSheet(workbook.addWorksheet('Tệp có đánh dấu lỗi'), sheets[0]!.rows, problems);
    } else {
      for (const s of sheets) {
        const name = s.name === LIST_SHEET ? `${LIST_SHEET} (tệp)` : s.name;
        writeMarkedSheet(workbook.addWorksheet(name), s.rows, onSheet(s.name));
      }
    }
  }
  const withSheets = problems.some((p) => p.sheet);
  const list = workbook.addWorksheet(LIST_SHEET);
  list.columns = [
    ...(withSheets ? [{ header: 'Trang', key: 'sheet', width: 20 }] : []),
    { header: 'Dòng', key: 'row', width: 8 },
    { header: 'Cột', key: 'column', width: 24 },
    { header: 'Lỗi', key: 'message', width: 90 },
  ];
  list.getRow(1).font = { bold: true };
  for (const p of problems)
    list.addRow({ sheet: p.sheet ?? '', row: p.row > 0 ? p.row : '', column: p.column, message: p.message });
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
