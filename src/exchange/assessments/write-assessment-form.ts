// Writes a unit's self-assessment as the official form (form-layout.ts): print-ready A4 landscape, the
// table header repeated on every page, fitted to the page width, group rows bold with their subtotal (a
// SUM formula over the children with its current value, so a form filled offline still adds up).
import type ExcelJS from 'exceljs';
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import {
  type FrameworkDefinition,
  type FrameworkNode,
  formatMethodNotation,
  sortNodes,
  sumPoints,
} from '../../core/framework/index.ts';
import { neutralizeWorkbook } from '../formula-injection.ts';
import { FORM_COLUMNS, FORM_SHEET_NAME, HEADER_FIELDS, META_KEYS, META_SHEET_NAME } from './form-layout.ts';
import { describeInputs, formatInputs } from './inputs-text.ts';

export interface FormItem {
  inputs: Record<string, unknown>;
  selfScore: number | null;
  explanation: string;
  version: number;
}

export interface FormHeader {
  assessmentId: string;
  unitCode: string;
  unitName: string;
  campaignName: string;
  /** dd/mm/yyyy */
  periodFrom: string;
  periodTo: string;
  preparedBy: string;
  exportedOn: string;
  exportedAt: string;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROW = HEADER_FIELDS.length + 4; // title, subtitle, fields, one blank row

function methodText(node: FrameworkNode): string {
  const lines = [
    node.guidance?.trim(),
    node.method ? `Cách tính: ${formatMethodNotation(node.method)}` : undefined,
    describeInputs(node),
  ];
  return lines.filter(Boolean).join('\n');
}

export async function writeAssessmentForm(
  def: FrameworkDefinition,
  items: ReadonlyMap<string, FormItem>,
  h: FormHeader,
): Promise<Buffer> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Thước Đo';
  const sheet = workbook.addWorksheet(FORM_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${h.unitName} — Trang &P / &N` },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = FORM_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const visible = FORM_COLUMNS.length - 1; // the version column is hidden

  const title = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, visible);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', wrapText: true };
  };
  title(1, 'BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ', { bold: true, size: 13 });
  title(2, def.name, { italic: true });
  const values = [
    h.unitName,
    h.campaignName,
    `Từ ngày ${h.periodFrom} đến ngày ${h.periodTo}`,
    h.preparedBy,
    h.exportedOn,
  ];
  HEADER_FIELDS.forEach((label, i) => {
    const row = 3 + i;
    sheet.getCell(row, 1).value = `${label}:`;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.mergeCells(row, 2, row, visible);
    sheet.getCell(row, 2).value = values[i]!;
  });

  const header = sheet.getRow(HEADER_ROW);
  FORM_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  sheet.getColumn(FORM_COLUMNS.length).hidden = true;

  /** Writes the node and its subtree; returns its row number and its self-score subtotal. */
  const write = (node: FrameworkNode): { row: number; score: number | null } => {
    const children = node.children ?? [];
    const item = items.get(node.code);
    const row = sheet.addRow({
      stt: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      method: children.length > 0 ? '' : methodText(node),
      explanation: children.length > 0 ? '' : (item?.explanation ?? ''),
      inputs: children.length > 0 ? '' : formatInputs(node, item?.inputs ?? {}),
      version: children.length > 0 ? null : (item?.version ?? 0),
    });
    let score: number | null;
    if (children.length > 0) {
      const written = sortNodes(children).map(write);
      const known = written.map((w) => w.score).filter((s): s is number => s !== null);
      score = known.length > 0 ? sumPoints(known) : null;
      row.getCell('selfScore').value = {
        formula: `SUM(${written.map((w) => `E${w.row}`).join(',')})`,
        result: score ?? 0,
      };
    } else {
      score = item?.selfScore ?? null;
      row.getCell('selfScore').value = score;
    }
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (children.length > 0) cell.font = { bold: true };
    });
    row.getCell('stt').numFmt = '@';
    return { row: row.number, score };
  };
  const tops = sortNodes(def.nodes).map(write);
  const total = sheet.addRow({ title: 'Tổng cộng', maxPoints: sumPoints(def.nodes.map((n) => n.maxPoints)) });
  const known = tops.map((t) => t.score).filter((s): s is number => s !== null);
  total.getCell('selfScore').value = {
    formula: `SUM(${tops.map((t) => `E${t.row}`).join(',')})`,
    result: known.length > 0 ? sumPoints(known) : 0,
  };
  total.font = { bold: true };
  total.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));

  const meta = workbook.addWorksheet(META_SHEET_NAME, { state: 'hidden' });
  meta.addRow([META_KEYS.assessmentId, h.assessmentId]);
  meta.addRow([META_KEYS.unitCode, h.unitCode]);
  meta.addRow([META_KEYS.exportedAt, h.exportedAt]);
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
