// The one way the importers open an uploaded .xlsx: the parts exceljs reads are inflated and tallied
// under the limits (unzip-guarded.ts), then handed to exceljs as a zip of stored parts, so exceljs
// reads exactly the bytes that were counted and inflates nothing itself. This is still CPU work
// proportional to the file: the server runs it in a worker thread (src/server/imports).
import type ExcelJS from 'exceljs';
import { excelJs } from './exceljs-module.ts';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits, type SpreadsheetRefusal, refuse } from './limits.ts';
import { unzipGuarded } from './unzip-guarded.ts';
import { storedZip } from './zip-directory.ts';

export type LoadedWorkbook = { ok: true; workbook: ExcelJS.Workbook } | SpreadsheetRefusal;

export const UNREADABLE_XLSX = 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ (có thể là tệp Word hoặc tệp bị hỏng).';

export async function loadWorkbook(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
  onError?: (e: Error) => string,
): Promise<LoadedWorkbook> {
  const unzipped = await unzipGuarded(buf, limits);
  if (!unzipped.ok) return unzipped;
  const zip = storedZip(unzipped.parts);
  unzipped.parts.clear();
  const workbook = new (await excelJs()).Workbook();
  try {
    await workbook.xlsx.load(zip as unknown as ArrayBuffer);
  } catch (e) {
    return refuse.unreadable(onError ? onError(e as Error) : UNREADABLE_XLSX);
  }
  return { ok: true, workbook };
}
