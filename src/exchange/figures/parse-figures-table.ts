// The figures sheet a data supplier fills: Mã đơn vị | Mã chỉ số | Tên số liệu | Giá trị | Nguồn, one
// input per row (a ratio takes two rows, a and b). Rows of the same unit, item and source become one
// figure; each input remembers its row so a problem found later names the row it came from.
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type TableRow, locateColumns } from '../tabular.ts';

export interface FigureRecord {
  unitCode: string;
  itemCode: string;
  source: string;
  /** Input values as written (typed later against the item's method). */
  inputs: Record<string, string>;
  rows: Record<string, number>;
}

export interface SheetProblem {
  row: number;
  column: string;
  /** Stable code and its parameters, for clients that word the problem themselves; `message` is Vietnamese. */
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export const FIGURE_SHEET_HEADERS = ['Mã đơn vị', 'Mã chỉ số', 'Tên số liệu', 'Giá trị', 'Nguồn'];

const COLUMNS = {
  unitCode: { labels: ['ma don vi'], required: true },
  itemCode: { labels: ['ma chi so', 'chi so', 'stt'], required: true },
  input: { labels: ['ten so lieu', 'so lieu'], required: true },
  value: { labels: ['gia tri'], required: true },
  source: { labels: ['nguon', 'nguon so lieu'], required: false },
} as const;

export const MAX_FIGURE_ROWS = 50_000;

/** `defaultSource` fills a blank Nguồn (e.g. the source named in the upload form). */
export function parseFiguresTable(
  rows: TableRow[],
  defaultSource = '',
): { records: FigureRecord[]; problems: SheetProblem[] } {
  const located = locateColumns(rows, COLUMNS, foldVietnamese);
  if (!located) {
    return {
      records: [],
      problems: [
        {
          row: rows[0]?.row ?? 1,
          column: '',
          code: 'HEADER_NOT_FOUND',
          params: { columns: FIGURE_SHEET_HEADERS.join(' | ') },
          message: `Không tìm thấy dòng tiêu đề với các cột: ${FIGURE_SHEET_HEADERS.join(' | ')}.`,
        },
      ],
    };
  }
  const { headerIndex, index } = located;
  const data = rows.slice(headerIndex + 1);
  if (data.length > MAX_FIGURE_ROWS)
    return {
      records: [],
      problems: [
        {
          row: rows[headerIndex]!.row,
          column: '',
          code: 'TOO_MANY_ROWS',
          params: { rows: data.length, max: MAX_FIGURE_ROWS },
          message: `Tệp có ${data.length} dòng, tối đa ${MAX_FIGURE_ROWS}.`,
        },
      ],
    };
  const problems: SheetProblem[] = [];
  const byKey = new Map<string, FigureRecord>();
  const firstRowOf = new Map<string, number>();
  // Figures with a bad row are left out of the records: checked against the database without that row,
  // they would also be reported for the input it should have brought.
  const tainted = new Set<string>();
  for (const { row, cells } of data) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const unitCode = cell(index.unitCode);
    const itemCode = cell(index.itemCode);
    const input = cell(index.input);
    const value = cell(index.value);
    const source = (cell(index.source) || defaultSource).normalize('NFC').trim();
    if (!unitCode && !itemCode && !input && !value) continue;
    const before = problems.length;
    const required = (column: string, message: string) => problems.push({ row, column, code: 'REQUIRED', message });
    if (!unitCode) required('Mã đơn vị', 'Thiếu mã đơn vị.');
    if (!itemCode) required('Mã chỉ số', 'Thiếu mã chỉ số.');
    if (!input) required('Tên số liệu', 'Thiếu tên số liệu (ví dụ: a, b, value, yes, choice).');
    if (!value) required('Giá trị', 'Thiếu giá trị.');
    if (!source) required('Nguồn', 'Thiếu nguồn số liệu.');
    if (source.length > 300)
      problems.push({
        row,
        column: 'Nguồn',
        code: 'TOO_LONG',
        params: { length: source.length, max: 300 },
        message: `Nguồn dài ${source.length} ký tự, tối đa 300.`,
      });
    const key = `${unitCode}\u0000${itemCode}\u0000${source}`;
    if (problems.length > before) {
      tainted.add(key);
      continue;
    }
    const record = byKey.get(key) ?? { unitCode, itemCode, source, inputs: {}, rows: {} };
    const seenRow = firstRowOf.get(`${key}\u0000${input}`);
    if (seenRow !== undefined) {
      problems.push({
        row,
        column: 'Tên số liệu',
        code: 'DUPLICATE_IN_FILE',
        params: { input, item: itemCode, unit: unitCode, firstRow: seenRow },
        message: `Số liệu "${input}" của chỉ số ${itemCode}, đơn vị ${unitCode} đã có ở dòng ${seenRow}.`,
      });
      tainted.add(key);
      continue;
    }
    firstRowOf.set(`${key}\u0000${input}`, row);
    record.inputs[input] = value;
    record.rows[input] = row;
    byKey.set(key, record);
  }
  const records = [...byKey.entries()].filter(([key]) => !tainted.has(key)).map(([, r]) => r);
  if (records.length === 0 && problems.length === 0)
    problems.push({
      row: rows[headerIndex]!.row,
      column: '',
      code: 'NO_ROWS',
      message: 'Bảng không có dòng dữ liệu nào.',
    });
  return { records, problems };
}
