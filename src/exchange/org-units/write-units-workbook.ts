// Exports units in the import layout (so an export can be edited and imported back), with the type as
// its Vietnamese label and a print-ready header.
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { UNIT_TYPE_LABELS, isUnitType } from '../../core/org/unit-types.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';
import { UNIT_SHEET_HEADERS } from './parse-units-table.ts';

export interface ExportUnit {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

export async function writeUnitsWorkbook(units: readonly ExportUnit[]): Promise<Buffer> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Thước Đo';
  const sheet = workbook.addWorksheet('Đơn vị', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: UNIT_SHEET_HEADERS[0], key: 'code', width: 28 },
    { header: UNIT_SHEET_HEADERS[1], key: 'name', width: 48 },
    { header: UNIT_SHEET_HEADERS[2], key: 'type', width: 30 },
    { header: UNIT_SHEET_HEADERS[3], key: 'parentCode', width: 28 },
    { header: 'Hoạt động từ', key: 'activeFrom', width: 14 },
    { header: 'Hoạt động đến', key: 'activeTo', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const u of units) {
    sheet.addRow({
      code: u.code,
      name: u.name,
      type: isUnitType(u.type) ? UNIT_TYPE_LABELS[u.type] : u.type,
      parentCode: u.parentCode ?? '',
      activeFrom: u.activeFrom ? u.activeFrom.split('-').reverse().join('/') : '',
      activeTo: u.activeTo ? u.activeTo.split('-').reverse().join('/') : '',
    });
  }
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
