// What the import worker can be asked to read: each kind is one reader from src/exchange, run with the
// deployment's spreadsheet limits. Results are plain data (they cross the thread boundary by copy).
import { readAssessmentForm } from '../../exchange/assessments/read-assessment-form.ts';
import { readFrameworkFile } from '../../exchange/frameworks/read-framework-file.ts';
import type { SpreadsheetLimits } from '../../exchange/spreadsheet/limits.ts';
import { readSheets, readTable } from '../../exchange/tabular.ts';

export const PARSE_JOBS = {
  table: readTable,
  sheets: readSheets,
  assessmentForm: readAssessmentForm,
  frameworkFile: readFrameworkFile,
} satisfies Record<string, (buf: Buffer, limits: SpreadsheetLimits) => Promise<unknown>>;

export type ParseJobKind = keyof typeof PARSE_JOBS;
export type ParseJobResult<K extends ParseJobKind> = Awaited<ReturnType<(typeof PARSE_JOBS)[K]>>;

export interface ParseRequest {
  id: number;
  kind: ParseJobKind;
  data: ArrayBuffer;
  limits: SpreadsheetLimits;
}

export type ParseReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };
