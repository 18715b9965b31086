// The derived ranking of a group as a sheet of the ranking workbook (issue 15 §2): "Xếp hạng quy đổi theo đơn
// vị hiện nay" — today's units, each the average of its predecessors' published percents — labelled as
// derived on its title, with the method, the band rule and the lineage used (legal basis, effective date)
// in its notes. STT | Đơn vị hiện nay | Tỷ lệ % quy đổi | Xếp loại | Xếp hạng | Đơn vị tiền thân (tỷ lệ %).
import type ExcelJS from 'exceljs';
import { formatDateVi } from '../../core/text/vietnamese.ts';
import { safeRow } from '../formula-injection.ts';
import type { ExportDerivedGroup } from './types.ts';

export const DERIVED_HEADERS = [
  'STT',
  'Đơn vị hiện nay',
  'Tỷ lệ % quy đổi',
  'Xếp loại',
  'Xếp hạng',
  'Đơn vị tiền thân (tỷ lệ % đã công bố)',
] as const;

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The lineage used, by legal basis and effective date, as note lines. */
function lineageLines(d: ExportDerivedGroup): string[] {
  const by = new Map<string, number>();
  for (const l of d.lineage) {
    const basis = l.legalBasis
      ? `căn cứ ${l.legalBasis}${l.legalBasisDate ? ` ngày ${formatDateVi(l.legalBasisDate)}` : ''}`
      : 'không ghi căn cứ';
    const key = `${basis}, hiệu lực từ ${formatDateVi(l.effectiveDate)}`;
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  return [...by].map(([k, n]) => `Quan hệ kế thừa đã dùng: ${k} (${n} quan hệ).`);
}

export function writeDerivedSheet(
  ws: ExcelJS.Worksheet,
  d: ExportDerivedGroup,
  heading: { year: number; campaignName: string; ownerName: string },
): void {
  ws.columns = [7, 36, 12, 13, 11, 60].map((width) => ({ width }));
  const line = (text: string, size: number, bold: boolean, italic = false) => {
    const row = ws.addRow(safeRow([text]));
    ws.mergeCells(row.number, 1, row.number, DERIVED_HEADERS.length);
    row.font = { bold, size, italic };
    row.alignment = { horizontal: bold ? 'center' : 'left', vertical: 'middle', wrapText: true };
    row.height = bold ? size + 8 : 30;
    row.commit();
  };
  line(`XẾP HẠNG QUY ĐỔI THEO ĐƠN VỊ HIỆN NAY — NĂM ${heading.year} (SỐ LIỆU SUY RA)`, 14, true);
  line(`Nhóm: ${d.group.name} — đơn vị hoạt động ngày ${formatDateVi(d.asOf)}`, 12, true);
  line(`${heading.campaignName} — ${heading.ownerName}`, 11, false);
  ws.addRow([]).commit();
  const header = ws.addRow([...DERIVED_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8C5' } };
  });
  header.commit();
  let stt = 0;
  for (const r of d.rows) {
    const preds = r.predecessors
      .map(
        (p) =>
          `${p.via ? '↳ ' : ''}${p.unit.name}: ${p.source === 'missing' || p.percent === null ? 'không có số liệu' : `${String(p.percent).replace('.', ',')}%`}${p.source === 'derived' ? ' (suy ra)' : ''}`,
      )
      .join('\n');
    const row = ws.addRow(
      safeRow([
        ++stt,
        r.unit.name,
        r.percent ?? 'không có số liệu',
        r.band?.label ?? '—',
        r.rank === null ? '—' : r.sharedBy > 1 ? `${r.rank} (đồng hạng)` : r.rank,
        preds,
      ]),
    );
    row.getCell(3).numFmt = '0.00';
    row.eachCell((cell, col) => {
      cell.border = BORDER;
      cell.alignment =
        col === 2 || col === 6 ? { wrapText: true, vertical: 'top' } : { horizontal: 'center', vertical: 'top' };
    });
    row.commit();
  }
  ws.addRow([]).commit();
  for (const text of [
    'Số liệu suy ra, không phải kết quả đã công bố của các đơn vị hiện nay; bản công bố có chữ ký số không thay đổi (xem trang kết quả đã công bố).',
    `Cách tính: ${d.methodLabel}; làm tròn 2 chữ số thập phân; bằng tỷ lệ thì đồng hạng; đơn vị không có số liệu không xếp hạng.`,
    'Xếp loại: áp dụng các mức xếp loại của kỳ đánh giá cho tỷ lệ % quy đổi.',
    ...lineageLines(d),
  ])
    line(text, 9, false, true);
}
