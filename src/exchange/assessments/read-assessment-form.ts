// Reads a filled-in self-assessment form (form-layout.ts): the assessment it belongs to (hidden sheet)
// and, for every row with an STT, its self-score, explanation, inputs text and the version it was
// exported at. Which rows are items, and whether their values are acceptable, is decided later against
// the index set and by the item-save operation.
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../spreadsheet/limits.ts';
import { loadWorkbook } from '../spreadsheet/load-workbook.ts';
import { cellText, locateColumns, looksLikeZip, sheetRows } from '../tabular.ts';
import { FORM_COLUMN_LABELS, META_KEYS, META_SHEET_NAME } from './form-layout.ts';

export interface FormRow {
  row: number;
  code: string;
  selfScore: string;
  explanation: string;
  inputs: string;
  version: string;
}

export type ReadFormResult =
  | { ok: true; assessmentId: string | null; rows: FormRow[] }
  | {
      ok: false;
      unsupported: boolean;
      tooLarge?: boolean;
      /** Why the form could not be read (core/imports FORM_IMPORT_PROBLEM_CODES), when it is a workbook. */
      code?: 'FORM_SHEET_MISSING' | 'FORM_HEADER_NOT_FOUND';
      params?: Record<string, string>;
      message: string;
    };

const FORM_HEADERS = 'STT | Điểm tự chấm | Giải trình kết quả | Số liệu | Phiên bản';

export async function readAssessmentForm(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<ReadFormResult> {
  if (!looksLikeZip(buf)) return { ok: false, unsupported: true, message: 'Tệp không phải bảng tính Excel (.xlsx).' };
  const loaded = await loadWorkbook(buf, limits);
  if (!loaded.ok)
    return { ok: false, unsupported: !loaded.tooLarge, tooLarge: loaded.tooLarge, message: loaded.message };
  const workbook = loaded.workbook;
  const meta = workbook.getWorksheet(META_SHEET_NAME);
  let assessmentId: string | null = null;
  meta?.eachRow((row) => {
    if (cellText(row.getCell(1).value) === META_KEYS.assessmentId)
      assessmentId = cellText(row.getCell(2).value) || null;
  });
  const sheet = workbook.worksheets.find((s) => s.name !== META_SHEET_NAME);
  if (!sheet)
    return {
      ok: false,
      unsupported: false,
      code: 'FORM_SHEET_MISSING',
      message: 'Bảng tính không có trang biểu tự đánh giá.',
    };
  const table = sheetRows(sheet);
  const located = locateColumns(table, FORM_COLUMN_LABELS, foldVietnamese);
  if (!located) {
    return {
      ok: false,
      unsupported: false,
      code: 'FORM_HEADER_NOT_FOUND',
      params: { columns: FORM_HEADERS },
      message: `Không tìm thấy bảng với các cột ${FORM_HEADERS}: hãy dùng biểu xuất từ hệ thống.`,
    };
  }
  const { headerIndex, index } = located;
  const rows: FormRow[] = [];
  for (const { row, cells } of table.slice(headerIndex + 1)) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const code = cell(index.stt);
    if (!code) continue;
    rows.push({
      row,
      code,
      selfScore: cell(index.selfScore),
      explanation: cell(index.explanation),
      inputs: cell(index.inputs),
      version: cell(index.version),
    });
  }
  return { ok: true, assessmentId, rows };
}
