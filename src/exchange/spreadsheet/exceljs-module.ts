// exceljs loaded on first use, not when the server starts: with its zip libraries it took ~0.45 s of the
// ~5 s cold start (a CPU profile of `thuocdo start`), for spreadsheets most starts never write or read.
// The first export or import after a start waits for it once; every later call gets the same module.
// Modules that only name its types import them with `import type` (erased, nothing loaded).
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** The exceljs module (its default export, as `import ExcelJS from 'exceljs'` gives it). */
export function excelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}

/**
 * exceljs's cell types that the readers and writers compare with, as numbers (ExcelJS.ValueType is a
 * value: naming it would load the module). test/unit/exchange/exceljs-module.test.ts holds them equal.
 */
export const CELL_TYPE = { Merge: 1, Formula: 6 } as const;
