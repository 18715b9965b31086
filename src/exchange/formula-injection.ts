// Text the platform writes into a CSV or .xlsx file that people open in Excel or LibreOffice: a cell
// that starts with = + - @ (also after spaces), a tab or a carriage return can be taken as a formula —
// a unit named =HYPERLINK("http://…","Xem") becomes a live link in open-data.csv. Following OWASP's
// guidance ("CSV injection"), such text is written with a leading apostrophe, which makes it inert
// text everywhere. Numbers stay numbers (a negative score is a number, not text). Every writer goes
// through here (neutralizeFormula / safeRow / neutralizeWorkbook), and every importer undoes it
// (restoreFormulaText in tabular.ts), so an exported file imports back to exactly what was exported.
import type ExcelJS from 'exceljs';
import { CELL_TYPE } from './spreadsheet/exceljs-module.ts';

/** Any number of apostrophes, then what a spreadsheet would read as the start of a formula. */
const FORMULA_LIKE = /^'*(?:[ \t\r\n]*[=+\-@]|[\t\r])/;

/** Whether `text` is written with a leading apostrophe. Also text that already starts with apostrophes
 *  before a trigger, so that writing then restoring always gives back the same text. */
export function needsFormulaGuard(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

export function neutralizeFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/** The text an exported cell meant: the apostrophe the writer added is removed (only that one). */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && needsFormulaGuard(text.slice(1)) ? text.slice(1) : text;
}

/** A cell value as written: text neutralised (plain, hyperlink text, rich text); numbers, booleans,
 *  dates, empty cells and the platform's own formulas unchanged. */
export function safeCell<T>(value: T): T {
  if (typeof value === 'string') return neutralizeFormula(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { richText?: ExcelJS.RichText[]; text?: unknown; hyperlink?: unknown };
  if (Array.isArray(v.richText) && v.richText.length > 0 && needsFormulaGuard(v.richText.map((r) => r.text).join(''))) {
    return { ...v, richText: [{ ...v.richText[0]!, text: `'${v.richText[0]!.text}` }, ...v.richText.slice(1)] } as T;
  }
  if (typeof v.text === 'string' && typeof v.hyperlink === 'string')
    return { ...v, text: neutralizeFormula(v.text) } as T;
  return value;
}

export function safeRow<T extends readonly unknown[]>(values: T): T {
  return values.map(safeCell) as unknown as T;
}

/** Every cell of a workbook built in memory, just before it is written (cells set through addRow,
 *  getCell().value and merged titles alike). Streaming writers use safeRow instead. */
export function neutralizeWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === CELL_TYPE.Merge) return; // shows its master's value
        const value = cell.value;
        const safe = safeCell(value);
        if (safe !== value) cell.value = safe;
      }),
    ),
  );
}
