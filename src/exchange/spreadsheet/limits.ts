// What reading one uploaded spreadsheet may cost. A 20 MB .xlsx can inflate to gigabytes and a few
// bytes of XML can make exceljs build billions of objects (a merge over the whole sheet, a column
// range of a billion), so every amount that turns into memory or work is capped, and each cap is
// checked while the zip is being inflated — never after the whole workbook is loaded. The server
// takes the first five from its configuration (IMPORT_*); the rest follow from them or from Excel's
// own limits.
import { formatNumberVi } from '../../core/text/vietnamese.ts';

export interface SpreadsheetLimits {
  /** Bytes inflated in total from the parts of the workbook a reader uses. */
  maxInflatedBytes: number;
  /** Bytes inflated from any one part (a sheet, the shared strings…). */
  maxEntryBytes: number;
  /** Parts (files) in the zip, read or not. */
  maxEntries: number;
  /** Rows (`<row>`) over all sheets, or CSV lines. */
  maxRows: number;
  /** Cells (`<c>`) over all sheets, or CSV fields, including the cells that merged ranges create. */
  maxCells: number;
}

const MB = 1024 * 1024;

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxInflatedBytes: 64 * MB,
  maxEntryBytes: 48 * MB,
  maxEntries: 2_000,
  maxRows: 100_000,
  maxCells: 300_000,
};

/** Excel's grid: 16,384 columns (XFD) × 1,048,576 rows; an address beyond it is not a worksheet's. */
export const EXCEL_MAX_COLUMN = 16_384;
export const EXCEL_MAX_ROW = 1_048_576;
/** Excel's limit on the text of one cell; a CSV field longer than this cannot be a cell either. */
export const MAX_CELL_CHARS = 32_767;
/** Merged ranges: exceljs checks each new one against all earlier ones (quadratic). */
export const MAX_MERGES = 10_000;
/** styles.xml: Excel itself stops at 64,000 cell formats; a few elements each. */
export const MAX_STYLES_BYTES = 16 * MB;
export const MAX_STYLE_ELEMENTS = 400_000;

/** XML elements over all parts: a cell is 1–4 (c, v, f, is/t), rich text a few more per run. */
export const maxXmlElements = (l: SpreadsheetLimits) => 10 * l.maxCells + 200_000;
/** Σ over rows of the row's last column: the cells a reader walks when it includes empty ones. */
export const maxCellSpan = (l: SpreadsheetLimits) => 4 * l.maxCells;

/** Why a file was refused: too big (413) or not a readable spreadsheet (415). */
export type SpreadsheetRefusal = { ok: false; tooLarge: boolean; message: string };

const n = (x: number) => formatNumberVi(x, 0);
const mb = (bytes: number) => formatNumberVi(bytes / MB, 0);

export const refuse = {
  tooLarge: (message: string): SpreadsheetRefusal => ({ ok: false, tooLarge: true, message }),
  unreadable: (message: string): SpreadsheetRefusal => ({ ok: false, tooLarge: false, message }),
};

export const limitMessages = {
  inflated: (l: SpreadsheetLimits) =>
    `Bảng tính quá lớn khi giải nén: vượt quá ${mb(l.maxInflatedBytes)} MB (giới hạn của hệ thống). Hãy bỏ các trang tính, hình ảnh không cần thiết hoặc chia nhỏ tệp.`,
  entry: (l: SpreadsheetLimits, part: string) =>
    `Bảng tính quá lớn khi giải nén: thành phần ${part} vượt quá ${mb(l.maxEntryBytes)} MB (giới hạn của hệ thống). Hãy chia nhỏ tệp.`,
  entries: (l: SpreadsheetLimits) =>
    `Tệp có quá nhiều thành phần (trên ${n(l.maxEntries)}); một bảng tính nhập liệu không cần nhiều như vậy.`,
  rows: (l: SpreadsheetLimits) =>
    `Bảng tính có quá ${n(l.maxRows)} dòng (giới hạn của hệ thống). Hãy chia thành nhiều tệp nhỏ hơn.`,
  cells: (l: SpreadsheetLimits) =>
    `Bảng tính có quá ${n(l.maxCells)} ô dữ liệu (giới hạn của hệ thống). Hãy bỏ các cột không cần thiết hoặc chia nhỏ tệp.`,
  span: (l: SpreadsheetLimits) =>
    `Bảng tính trải quá rộng: tổng số ô tính đến cột cuối của mỗi dòng vượt quá ${n(maxCellSpan(l))}. Hãy xóa các ô rời rạc ở xa bên phải bảng.`,
  elements: (l: SpreadsheetLimits) =>
    `Cấu trúc bảng tính quá phức tạp (trên ${n(maxXmlElements(l))} phần tử). Hãy lưu lại tệp chỉ với dữ liệu cần nhập.`,
  grid: () =>
    `Bảng tính có ô, cột hoặc vùng nằm ngoài giới hạn của Excel (${n(EXCEL_MAX_COLUMN)} cột, ${n(EXCEL_MAX_ROW)} dòng).`,
  merges: () => `Bảng tính có quá ${n(MAX_MERGES)} vùng gộp ô.`,
  styles: () =>
    `Phần định dạng (styles) của bảng tính quá lớn (trên ${n(MAX_STYLE_ELEMENTS)} phần tử hoặc ${mb(MAX_STYLES_BYTES)} MB). Hãy sao chép dữ liệu sang một tệp mới rồi nhập lại.`,
  sharedStrings: (l: SpreadsheetLimits) => `Bảng tính có quá ${n(l.maxCells)} chuỗi ký tự (giới hạn của hệ thống).`,
  tagTooLong: () => 'Tệp .xlsx bị hỏng: có thẻ XML dài bất thường.',
  csvColumns: (row: number) => `Dòng ${n(row)} của tệp CSV có quá ${n(EXCEL_MAX_COLUMN)} cột (giới hạn của Excel).`,
  csvCell: (row: number) =>
    `Dòng ${n(row)} của tệp CSV có ô dài quá ${n(MAX_CELL_CHARS)} ký tự (giới hạn của Excel); có thể thiếu dấu ngoặc kép đóng.`,
};
