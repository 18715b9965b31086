// An import template: the expected columns in the header row (bold, frozen) and example rows that
// import as they are, so a newcomer starts from a file the import accepts.
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';

export async function writeImportTemplate(
  sheetName: string,
  headers: readonly string[],
  examples: readonly (readonly string[])[],
): Promise<Buffer> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Thước Đo';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(16, h.length + 6) }));
  sheet.getRow(1).font = { bold: true };
  for (const e of examples) sheet.addRow([...e]);
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
