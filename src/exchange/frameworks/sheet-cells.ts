// Reading one cell of a real appendix the way a person sees it. exceljs returns the master's value on
// every cell of a merged range; we want it once, on the master, and to know when a cell continues a
// range from the row above (a criterion whose STT and title span several rows of guidance). Formulas
// give their cached result — a formula never calculated (written by a program) has none, and is
// reported rather than read as empty. Hyperlinks and rich text give their text (cellText).
import type ExcelJS from 'exceljs';
import { CELL_TYPE } from '../spreadsheet/exceljs-module.ts';
import { cellText } from '../tabular.ts';

export interface CellRead {
  text: string;
  /** The numeric value when the cell holds a number (directly or as a formula's cached result). */
  number: number | null;
  /** A slave cell of a merged range whose master is on an earlier row. */
  mergedFromAbove: boolean;
  /** A formula cell without a cached result. */
  uncalculated: boolean;
}

const EMPTY: CellRead = { text: '', number: null, mergedFromAbove: false, uncalculated: false };

/** Spreadsheet arithmetic noise (0.1 + 0.2) removed from computed numbers; points have ≤ 2 decimals. */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9;

export function readCell(sheet: ExcelJS.Worksheet, row: number, col: number): CellRead {
  if (col < 1) return EMPTY;
  const cell = sheet.findCell(row, col);
  if (!cell) return EMPTY;
  if (cell.type === CELL_TYPE.Merge) {
    const master = cell.master;
    return { ...EMPTY, mergedFromAbove: master !== cell && Number(master.row) < row };
  }
  const value = cell.value;
  if (cell.type === CELL_TYPE.Formula && value !== null && typeof value === 'object') {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) return { ...EMPTY, uncalculated: true };
    if (typeof result === 'object' && 'error' in result)
      return { ...EMPTY, text: String((result as { error: string }).error) };
    return { ...EMPTY, text: cellText(result), number: typeof result === 'number' ? tidy(result) : null };
  }
  if (typeof value === 'number') return { ...EMPTY, text: String(value), number: value };
  return { ...EMPTY, text: cellText(value) };
}

/** Parses "12", "12,5", "12.5", " 7 " into a number; null when blank; NaN when not a number. */
export function parsePoints(cell: CellRead): number | null {
  if (cell.number !== null) return cell.number;
  const t = cell.text.replace(/\s+/g, '');
  if (t === '') return null;
  if (/^[-+]?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return NaN;
}
