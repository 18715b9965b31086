// Reads the first sheet of an .xlsx workbook, or a .csv file, into rows of trimmed text cells with their
// row numbers. The file's content decides its kind (a .docx renamed .xlsx is not a workbook), never
// its name. Formulas give their cached result, hyperlinks their text, rich text its plain text.
// Hostile files are refused under the limits of spreadsheet/limits.ts (a too-large file says which).
import type ExcelJS from 'exceljs';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  EXCEL_MAX_COLUMN,
  MAX_CELL_CHARS,
  type SpreadsheetLimits,
  type SpreadsheetRefusal,
  limitMessages,
  refuse,
} from './spreadsheet/limits.ts';
import { restoreFormulaText } from './formula-injection.ts';
import { loadWorkbook } from './spreadsheet/load-workbook.ts';
import { looksLikeZip } from './spreadsheet/zip-directory.ts';

export { looksLikeZip };

export interface TableRow {
  /** 1-based row number as the user sees it in Excel. */
  row: number;
  cells: string[];
}

export type ReadTableResult =
  | { ok: true; kind: 'xlsx' | 'csv'; sheetName: string; rows: TableRow[] }
  | SpreadsheetRefusal;

export async function readTable(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<ReadTableResult> {
  if (buf.length === 0) return refuse.unreadable('Tệp rỗng.');
  if (looksLikeZip(buf)) return readXlsx(buf, limits);
  if (buf.includes(0)) return refuse.unreadable('Tệp không phải bảng tính Excel (.xlsx) hoặc CSV hợp lệ.');
  const csv = parseCsv(buf.toString('utf8').replace(/^\uFEFF/, ''), limits);
  return csv.ok ? { ok: true, kind: 'csv', sheetName: 'CSV', rows: csv.rows } : csv;
}

async function readXlsx(buf: Buffer, limits: SpreadsheetLimits): Promise<ReadTableResult> {
  const loaded = await loadWorkbook(buf, limits);
  if (!loaded.ok) return loaded;
  const sheet = loaded.workbook.worksheets[0];
  if (!sheet) return refuse.unreadable('Bảng tính không có trang tính nào.');
  return { ok: true, kind: 'xlsx', sheetName: sheet.name, rows: sheetRows(sheet) };
}

export type ReadSheetsResult = { ok: true; sheets: { name: string; rows: TableRow[] }[] } | SpreadsheetRefusal;

/** Every sheet of a workbook (a .csv is one sheet named "CSV"), for reports that mark a rejected file
 *  of several sheets (an index set's appendix workbook) where its problems are. */
export async function readSheets(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<ReadSheetsResult> {
  if (!looksLikeZip(buf)) {
    const one = await readTable(buf, limits);
    return one.ok ? { ok: true, sheets: [{ name: one.sheetName, rows: one.rows }] } : one;
  }
  const loaded = await loadWorkbook(buf, limits);
  if (!loaded.ok) return loaded;
  if (loaded.workbook.worksheets.length === 0) return refuse.unreadable('Bảng tính không có trang tính nào.');
  return { ok: true, sheets: loaded.workbook.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) })) };
}

/** Every non-empty row of a sheet as text cells (empty cells before the last one kept as ''). */
export function sheetRows(sheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** What a cell says, as text: NFC, trimmed, and without the apostrophe our exports put before text that
 *  a spreadsheet would take for a formula (formula-injection.ts). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return restoreFormulaText(value.normalize('NFC').trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return restoreFormulaText(
        value.richText
          .map((r) => r.text)
          .join('')
          .normalize('NFC')
          .trim(),
      );
    if ('text' in value && typeof value.text === 'string')
      return restoreFormulaText(value.text.normalize('NFC').trim());
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); also accepts ';' as separator when the header uses it.
 *  Refused as it is read: a line of more than Excel's 16,384 columns, a field longer than a cell may
 *  be (often an unclosed quote), more rows or fields than the limits. */
export function parseCsv(
  text: string,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): { ok: true; rows: TableRow[] } | SpreadsheetRefusal {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  let fields = 0;
  const pushCell = (): SpreadsheetRefusal | null => {
    cells.push(cell);
    cell = '';
    if (cells.length > EXCEL_MAX_COLUMN) return refuse.tooLarge(limitMessages.csvColumns(rowNumber));
    if (++fields > limits.maxCells) return refuse.tooLarge(limitMessages.cells(limits));
    return null;
  };
  const endRow = (): SpreadsheetRefusal | null => {
    const refused = pushCell();
    if (refused) return refused;
    if (cells.some((c) => c.trim() !== '')) {
      if (rows.length >= limits.maxRows) return refuse.tooLarge(limitMessages.rows(limits));
      rows.push({ row: rowNumber, cells: cells.map((c) => restoreFormulaText(c.normalize('NFC').trim())) });
    }
    cells = [];
    rowNumber++;
    return null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let refused: SpreadsheetRefusal | null = null;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) refused = pushCell();
    else if (ch === '\n') refused = endRow();
    else if (ch !== '\r') cell += ch;
    if (refused) return refused;
    if (cell.length > MAX_CELL_CHARS) return refuse.tooLarge(limitMessages.csvCell(rowNumber));
  }
  if (cell !== '' || cells.length > 0) {
    const refused = endRow();
    if (refused) return refused;
  }
  return { ok: true, rows };
}

/** Finds the header row (within the first 15 rows) holding all required columns, by folded text. */
export function locateColumns<K extends string>(
  rows: TableRow[],
  columns: Record<K, { labels: readonly string[]; required: boolean }>,
  fold: (s: string) => string,
): { headerIndex: number; index: Record<K, number> } | null {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const header = rows[r]!.cells.map(fold);
    const index = {} as Record<K, number>;
    let complete = true;
    for (const key of Object.keys(columns) as K[]) {
      const i = header.findIndex((h) => columns[key].labels.includes(h));
      index[key] = i;
      if (i < 0 && columns[key].required) complete = false;
    }
    if (complete) return { headerIndex: r, index };
  }
  return null;
}
