// Reads the first sheet of an .xlsx workbook, or a .csv file, into rows of trimmed text cells with their
// row numbers. The file's content decides its kind (a .docx renamed .xlsx is not a workbook), never
// its name. Formulas give their cached result, hyperlinks their text, rich text its plain text.
import ExcelJS from 'exceljs';

export interface TableRow {
  /** 1-based row number as the user sees it in Excel. */
  row: number;
  cells: string[];
}

export type ReadTableResult =
  | { ok: true; kind: 'xlsx' | 'csv'; sheetName: string; rows: TableRow[] }
  | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && ZIP_MAGIC.every((b, i) => buf[i] === b);
}

export async function readTable(buf: Buffer): Promise<ReadTableResult> {
  if (buf.length === 0) return { ok: false, message: 'Tệp rỗng.' };
  if (looksLikeZip(buf)) return readXlsx(buf);
  if (buf.includes(0)) return { ok: false, message: 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV hợp lệ.' };
  return { ok: true, kind: 'csv', sheetName: 'CSV', rows: parseCsv(buf.toString('utf8').replace(/^\uFEFF/, '')) };
}

async function readXlsx(buf: Buffer): Promise<ReadTableResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ (có thể là tệp Word hoặc tệp bị hỏng).' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'Bảng tính không có trang tính nào.' };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { ok: true, kind: 'xlsx', sheetName: sheet.name, rows };
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').normalize('NFC').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.normalize('NFC').trim();
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); also accepts ';' as separator when the header uses it. */
export function parseCsv(text: string): TableRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells: cells.map((c) => c.normalize('NFC').trim()) });
    cells = [];
    cell = '';
    rowNumber++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') endRow();
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
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
