// Imports an index set from an .xlsx workbook in the official appendix layout (workbook-layout.ts):
// the index sheet (STT | Chỉ số / Chỉ số thành phần | Điểm tối đa | … | Phương pháp tính điểm) and the
// metadata sheet "Thông tin" (or the lines above the header). The container is opened under the
// spreadsheet limits (spreadsheet/load-workbook.ts: Word files, damaged zips and bombs are refused
// while inflating, before exceljs parses anything).
// Returns the raw document and where each part came from; read-framework-file.ts checks it.
import type ExcelJS from 'exceljs';
import type { FrameworkNode } from '../../core/framework/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../spreadsheet/limits.ts';
import { loadWorkbook } from '../spreadsheet/load-workbook.ts';
import { fileError, type FileProblem } from './file-problem.ts';
import { readIndexSheet, locateHeader } from './read-index-sheet.ts';
import { readInfoSheet, readMetadataAboveHeader } from './read-metadata.ts';
import { COLUMNS, INFO_SHEET_NAME } from './workbook-layout.ts';

export interface Located {
  sheet?: string;
  row?: number;
}

export type WorkbookRead =
  | {
      ok: true;
      doc: Record<string, unknown> & { nodes: FrameworkNode[] };
      /** Where a node (by object, as built) came from. */
      nodeAt: (node: FrameworkNode) => Located;
      /** Where a top-level field (code, decision, appliesTo…) came from. */
      fieldAt: (field: string) => Located;
      problems: FileProblem[];
    }
  | { ok: false; reason: 'unsupported' | 'too_large' | 'invalid'; problems: FileProblem[] };

export async function readFrameworkWorkbook(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<WorkbookRead> {
  const loaded = await loadWorkbook(
    buf,
    limits,
    (e) => `Tệp .xlsx bị hỏng, Excel không mở được: ${String(e.message).slice(0, 200)}`,
  );
  if (!loaded.ok)
    return { ok: false, reason: loaded.tooLarge ? 'too_large' : 'unsupported', problems: [fileError(loaded.message)] };
  const workbook = loaded.workbook;
  if (workbook.worksheets.length === 0)
    return {
      ok: false,
      reason: 'invalid',
      problems: [fileError('Bảng tính không có trang tính nào.', { rule: 'WORKBOOK_NO_SHEETS' })],
    };

  const isInfo = (ws: ExcelJS.Worksheet) => foldVietnamese(ws.name) === foldVietnamese(INFO_SHEET_NAME);
  let index: { sheet: ExcelJS.Worksheet; header: NonNullable<ReturnType<typeof locateHeader>> } | null = null;
  for (const ws of workbook.worksheets) {
    if (isInfo(ws)) continue;
    const header = locateHeader(ws);
    if (header) {
      index = { sheet: ws, header };
      break;
    }
  }
  if (!index) {
    const empty = workbook.worksheets.every((ws) => ws.actualRowCount === 0);
    const required = COLUMNS.filter((c) => c.required)
      .map((c) => c.header)
      .join(' | ');
    return {
      ok: false,
      reason: 'invalid',
      problems: [
        fileError(
          empty
            ? 'Bảng tính trống: không có dữ liệu nào.'
            : `Không tìm thấy dòng tiêu đề có các cột ${required} (trong 40 dòng đầu của các trang tính).`,
          empty ? { rule: 'WORKBOOK_EMPTY' } : { rule: 'HEADER_NOT_FOUND', params: { columns: required } },
        ),
      ],
    };
  }

  const sheetRead = readIndexSheet(index.sheet, index.header);
  const infoSheet = workbook.worksheets.find(isInfo);
  const meta = infoSheet ? readInfoSheet(infoSheet) : readMetadataAboveHeader(index.sheet, index.header.row);
  const metaSheet = infoSheet?.name ?? index.sheet.name;
  return {
    ok: true,
    doc: { ...meta.doc, nodes: sheetRead.nodes },
    nodeAt: (node) => ({ sheet: index.sheet.name, row: sheetRead.rowOf.get(node) }),
    fieldAt: (field) => ({ sheet: metaSheet, row: meta.rowOf.get(field) }),
    problems: [...meta.problems, ...sheetRead.problems],
  };
}
