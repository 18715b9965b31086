// Reads a filled-in self-assessment form (form-layout.ts): the assessment it belongs to (hidden sheet)
// and, for every row with an STT, its self-score, explanation, inputs text and the version it was
// exported at. Which rows are items, and whether their values are acceptable, is decided later against
// the index set and by the item-save operation.
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type TableRow, cellText, locateColumns, looksLikeZip } from '../tabular.ts';
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
  | { ok: false; unsupported: boolean; message: string };

export async function readAssessmentForm(buf: Buffer): Promise<ReadFormResult> {
  if (!looksLikeZip(buf)) return { ok: false, unsupported: true, message: 'Tệp không phải bảng tính Excel (.xlsx).' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false, unsupported: true, message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ (có thể là tệp Word hoặc tệp bị hỏng).' };
  }
  const meta = workbook.getWorksheet(META_SHEET_NAME);
  let assessmentId: string | null = null;
  meta?.eachRow((row) => {
    if (cellText(row.getCell(1).value) === META_KEYS.assessmentId) assessmentId = cellText(row.getCell(2).value) || null;
  });
  const sheet = workbook.worksheets.find((s) => s.name !== META_SHEET_NAME);
  if (!sheet) return { ok: false, unsupported: false, message: 'Bảng tính không có trang biểu tự đánh giá.' };
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  const located = locateColumns(table, FORM_COLUMN_LABELS, foldVietnamese);
  if (!located) {
    return { ok: false, unsupported: false, message: 'Không tìm thấy bảng với các cột STT | Điểm tự chấm | Giải trình kết quả | Số liệu | Phiên bản: hãy dùng biểu xuất từ hệ thống.' };
  }
  const { headerIndex, index } = located;
  const rows: FormRow[] = [];
  for (const { row, cells } of table.slice(headerIndex + 1)) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const code = cell(index.stt);
    if (!code) continue;
    rows.push({ row, code, selfScore: cell(index.selfScore), explanation: cell(index.explanation), inputs: cell(index.inputs), version: cell(index.version) });
  }
  return { ok: true, assessmentId, rows };
}
