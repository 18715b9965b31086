// Exports an index set in the appendix layout it is imported from (workbook-layout.ts), so an export
// can be printed, edited and imported back unchanged: the index sheet (print-ready A4 landscape, the
// header row repeated on every page, group rows bold, wrapped text) and the "Thông tin" sheet with the
// metadata. Codes are written verbatim in STT (as text, so "1.10" stays "1.10") with their level in
// "Cấp", which makes the round trip exact even for codes that do not follow their parent's prefix.
import type ExcelJS from 'exceljs';
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import {
  formatMethodNotation,
  sortNodes,
  type FrameworkDefinition,
  type FrameworkNode,
} from '../../core/framework/index.ts';
import { UNIT_TYPE_LABELS } from '../../core/org/unit-types.ts';
import {
  COLUMNS,
  EVIDENCE_RULE_WORDS,
  INDEX_SHEET_NAME,
  INFO_SHEET_NAME,
  META_LABELS,
  type MetaKey,
} from './workbook-layout.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function writeIndexSheet(workbook: ExcelJS.Workbook, def: FrameworkDefinition): void {
  const sheet = workbook.addWorksheet(INDEX_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P / &N' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = def.name;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
  sheet.mergeCells(2, 1, 2, last);
  const date = def.decision.date ? ` ngày ${def.decision.date.split('-').reverse().join('/')}` : '';
  sheet.getCell(2, 1).value = `(Kèm theo Quyết định số ${def.decision.number}${date} của ${def.decision.issuer})`;
  sheet.getCell(2, 1).font = { italic: true };
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = sheet.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });

  const write = (node: FrameworkNode, level: number) => {
    const group = (node.children?.length ?? 0) > 0;
    const row = sheet.addRow({
      stt: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      guidance: node.guidance ?? '',
      evidence: node.evidence ?? '',
      dataSource: node.dataSource ?? '',
      verifyingUnit: node.verifyingUnit ?? '',
      method: node.method ? formatMethodNotation(node.method) : '',
      evidenceRequired: node.evidenceRequired === undefined ? '' : node.evidenceRequired ? 'Có' : 'Không',
      evidenceRule: node.evidenceRule ? EVIDENCE_RULE_WORDS[node.evidenceRule][0] : '',
      domain: node.domain ?? '',
      notApplicableAllowed: node.notApplicableAllowed === undefined ? '' : node.notApplicableAllowed ? 'Có' : 'Không',
      automaticSource: node.automaticSource ?? '',
      level,
    });
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (group) cell.font = { bold: true };
    });
    row.getCell('stt').numFmt = '@';
    for (const child of node.children ?? []) write(child, level + 1);
  };
  for (const node of sortNodes(def.nodes)) write(node, 1);
  const total = def.nodes.reduce((s, n) => s + Math.round(n.maxPoints * 100), 0) / 100;
  const totalRow = sheet.addRow({ title: 'Tổng cộng', maxPoints: total });
  totalRow.font = { bold: true };
  totalRow.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
}

function metaRows(def: FrameworkDefinition): [MetaKey, ...(string | number)[]][] {
  const rows: [MetaKey, ...(string | number)[]][] = [];
  const add = (key: MetaKey, value: string | number | undefined) => {
    if (value !== undefined && value !== '') rows.push([key, value]);
  };
  add('code', def.code);
  add('name', def.name);
  add('decisionNumber', def.decision.number);
  add('decisionDate', def.decision.date?.split('-').reverse().join('/'));
  add('issuer', def.decision.issuer);
  add('decisionTitle', def.decision.title);
  add('articles', def.decision.articles);
  add('unitTypes', def.appliesTo.unitTypes.map((t) => UNIT_TYPE_LABELS[t]).join('; '));
  add('groupName', def.appliesTo.groupName);
  add('description', def.description);
  add('notes', def.notes);
  add('illustrative', def.illustrative === undefined ? undefined : def.illustrative ? 'Có' : 'Không');
  add('mainIndicators', def.declared?.mainIndicators);
  add('subIndicators', def.declared?.subIndicators);
  add('totalPoints', def.declared?.totalPoints);
  for (const f of def.infoFields ?? []) rows.push(['infoField', f.key, f.label, ...(f.unit ? [f.unit] : [])]);
  if (def.evidenceRule) add('evidenceRule', EVIDENCE_RULE_WORDS[def.evidenceRule][0]);
  if (def.rules) add('rules', JSON.stringify(def.rules));
  return rows;
}

function writeInfoSheet(workbook: ExcelJS.Workbook, def: FrameworkDefinition): void {
  const sheet = workbook.addWorksheet(INFO_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 32 }, { width: 70 }, { width: 30 }, { width: 14 }];
  const head = sheet.addRow(['Thông tin', 'Giá trị', 'Nhãn (trường thông tin chung)', 'Đơn vị tính']);
  head.font = { bold: true };
  const labelOf = new Map(META_LABELS.map((m) => [m.key, m.label]));
  for (const [key, ...values] of metaRows(def)) {
    const row = sheet.addRow([labelOf.get(key)!, ...values]);
    row.getCell(2).numFmt = typeof values[0] === 'number' ? 'General' : '@';
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

export async function writeFrameworkWorkbook(def: FrameworkDefinition): Promise<Buffer> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Thước Đo';
  writeIndexSheet(workbook, def);
  writeInfoSheet(workbook, def);
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
