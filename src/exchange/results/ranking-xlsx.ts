// The official ranking table (bảng xếp hạng) as .xlsx: one sheet per group, title rows, then
// STT | Tên đơn vị | Điểm tự chấm | Điểm thẩm định | Tỷ lệ % | Xếp loại | Xếp hạng | Tình trạng nộp in ranking
// order (a non-submitter reads "Không nộp", a late one "Nộp muộn n ngày, trừ m điểm"). A campaign published
// on a former structure gets, after them, a "Quy đổi" sheet per changed group (derived-ranking-sheet.ts).
// A progress round is a progress report instead (progress-table.ts): completion, points reported, the
// previous round and the annual result — no band, no rank, no penalty (000 Điều 7.2).
// Print-ready: A4 portrait, fitted to one page wide, the header row repeated on every page. Written
// with the STREAMING writer (rows are committed as they go, so memory stays bounded) and yielding to
// the event loop every few hundred rows, so a 4,000-unit export never stalls the server.
import type { Writable } from 'node:stream';
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';
import { safeRow } from '../formula-injection.ts';
import { PROGRESS_HEADERS, PROGRESS_NOTE, isProgressReport, progressCells, progressTitle } from './progress-table.ts';
import { type ExportCampaign, bandLabel, breathe, sheetNameFor } from './types.ts';
import { DEFAULT_RESULT_SCALE, type ResultScale, scaleLabelVi, scaledValue } from '../../core/results/scale.ts';
import { writeDerivedSheet } from './derived-ranking-sheet.ts';

export const RANKING_HEADERS = [
  'STT',
  'Tên đơn vị',
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Tỷ lệ %',
  'Xếp loại',
  'Xếp hạng',
  'Tình trạng nộp',
] as const;
/**
 * The ranking headers on the campaign's scale (issue 15 §4): a campaign shown as an index from 0 to 1 prints
 * "Chỉ số (0–1)" where the others print the percent; bands and ranks are the same either way.
 */
export function rankingHeaders(scale: ResultScale = DEFAULT_RESULT_SCALE): readonly string[] {
  return scale === 'index'
    ? RANKING_HEADERS.map((h) => (h === 'Tỷ lệ %' ? scaleLabelVi('index') : h))
    : RANKING_HEADERS;
}

/** The value of that column: the percent, or the index (exact to 4 decimals). */
export function scaleColumnValue(
  u: { percent: number | null },
  scale: ResultScale = DEFAULT_RESULT_SCALE,
): number | null {
  return scale === 'index' ? scaledValue('index', { finalTotal: 0, applicableMax: 0, percent: u.percent }) : u.percent;
}

/** Row number of the header (after the title rows): what "repeat on every page" repeats. */
export const RANKING_HEADER_ROW = 5;

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function writeRankingXlsx(
  c: ExportCampaign,
  stream: Writable,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<void> {
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Thước Đo';
  const used = new Set<string>();
  const total = c.groups.reduce((s, g) => s + g.units.length, 0);
  let done = 0;
  const report = isProgressReport(c);
  const scale = c.resultScale ?? DEFAULT_RESULT_SCALE;
  const headers: readonly string[] = report ? PROGRESS_HEADERS : rankingHeaders(scale);
  // Columns formatted as points (0.00) and the wrapped submission-status column.
  const numeric = report ? [4, 5, 6, 7, 8] : [3, 4, 5];
  const statusCol = headers.length;
  for (const g of c.groups) {
    const ws = wb.addWorksheet(sheetNameFor(g.group.name, used), {
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${RANKING_HEADER_ROW}:${RANKING_HEADER_ROW}`,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: 'Trang &P / &N' },
      views: [{ state: 'frozen', ySplit: RANKING_HEADER_ROW }],
    });
    ws.columns = report
      ? [7, 36, 11, 11, 11, 11, 12, 11, 22].map((width) => ({ width }))
      : [
          { width: 7 },
          { width: 40 },
          { width: 12 },
          { width: 13 },
          { width: 9 },
          { width: 13 },
          { width: 9 },
          { width: 24 },
        ];
    const title = (text: string, size: number, bold: boolean) => {
      const row = ws.addRow(safeRow([text]));
      ws.mergeCells(row.number, 1, row.number, headers.length);
      row.font = { bold, size };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      row.height = size + 8;
      row.commit();
    };
    title(report ? progressTitle(c.year) : `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM ${c.year}`, 14, true);
    title(`Nhóm: ${g.group.name}`, 12, true);
    title(`${c.name} — ${c.ownerName}`, 11, false);
    ws.addRow([]).commit();
    const header = ws.addRow([...headers]);
    header.font = { bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    });
    header.commit();
    let stt = 0;
    for (const u of g.units) {
      const row = ws.addRow(
        safeRow(
          report
            ? progressCells(u, ++stt).map((v) => v ?? '—')
            : [
                ++stt,
                u.unit.name,
                u.selfTotal,
                u.finalAfterPenalty,
                scaleColumnValue(u, scale),
                bandLabel(u),
                u.rank ?? '—',
                submissionStatusVi(u),
              ],
        ),
      );
      for (const col of numeric)
        row.getCell(col).numFmt = !report && col === 5 && scale === 'index' ? '0.0000' : '0.00';
      row.eachCell((cell, col) => {
        cell.border = BORDER;
        if (col !== 2 && col !== statusCol) cell.alignment = { horizontal: 'center' };
        if (col === statusCol) cell.alignment = { wrapText: true };
      });
      row.commit();
      if (++done % 500 === 0) {
        await onProgress?.(done, total);
        await breathe();
      }
    }
    ws.addRow([]).commit();
    const note = ws.addRow([
      report
        ? PROGRESS_NOTE
        : scale === 'index'
          ? 'Ghi chú: Điểm thẩm định đã trừ điểm nộp muộn (nếu có); chỉ số bằng điểm thẩm định chia cho tổng điểm tối đa áp dụng của từng đơn vị (từ 0 đến 1).'
          : 'Ghi chú: Điểm thẩm định đã trừ điểm nộp muộn (nếu có); tỷ lệ % tính trên tổng điểm tối đa áp dụng của từng đơn vị.',
    ]);
    ws.mergeCells(note.number, 1, note.number, headers.length);
    note.font = { italic: true, size: 9 };
    note.commit();
    ws.commit();
  }
  // The derived rankings of today's units (issue 15 §2), each on its own sheet after the originals.
  for (const d of c.derived ?? []) {
    const ws = wb.addWorksheet(sheetNameFor(`Quy đổi - ${d.group.name}`, used), {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      headerFooter: { oddFooter: 'Trang &P / &N' },
    });
    writeDerivedSheet(ws, d, { year: c.year, campaignName: c.name, ownerName: c.ownerName });
    ws.commit();
  }
  await wb.commit();
  await onProgress?.(total, total);
}
