// exceljs is loaded on first use (src/exchange/spreadsheet/exceljs-module.ts): the cell types compared
// without loading it must be exceljs's own, and every caller gets the one module.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CELL_TYPE, excelJs } from '../../../src/exchange/spreadsheet/exceljs-module.ts';

describe('exceljs loaded on first use', () => {
  it("compares cells with exceljs's own types", () => {
    expect(CELL_TYPE.Merge).toBe(ExcelJS.ValueType.Merge);
    expect(CELL_TYPE.Formula).toBe(ExcelJS.ValueType.Formula);
  });

  it('gives the module a static import gives, the same one to every caller', async () => {
    const [first, second] = await Promise.all([excelJs(), excelJs()]);
    expect(first).toBe(second);
    expect(first.Workbook).toBe(ExcelJS.Workbook);
  });
});
