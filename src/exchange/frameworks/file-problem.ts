// One finding about an imported index-set file, as the API returns it (details.problems) and the CLI
// prints it: where (sheet, row, node code), what (Vietnamese), and whether it blocks the import.
import type { Problem, SchemaProblem } from '../../core/framework/index.ts';

export interface FileProblem {
  sheet?: string;
  row?: number;
  /** Node code (tiêu chí) the problem is about, when there is one. */
  code?: string;
  message: string;
  severity: 'error' | 'warning';
  /** Stable code of the rule (validation code, SCHEMA_INVALID, FILE_…: core/framework FRAMEWORK_FILE_PROBLEM_CODES
   *  and FRAMEWORK_PROBLEM_CODES), worded by the staff app with `params` (issue 14 §6). */
  rule?: string;
  params?: Record<string, string | number>;
}

export const fileError = (message: string, at: Omit<FileProblem, 'message' | 'severity'> = {}): FileProblem => ({
  ...at,
  message,
  severity: 'error',
});
export const fileWarning = (message: string, at: Omit<FileProblem, 'message' | 'severity'> = {}): FileProblem => ({
  ...at,
  message,
  severity: 'warning',
});

/** Schema problems as the API's Problem shape (code SCHEMA_INVALID, the path in front of the message). */
export function schemaProblemsAsErrors(problems: readonly SchemaProblem[]): (Problem & { path: string })[] {
  return problems.map((p) => ({
    code: 'SCHEMA_INVALID',
    path: p.path,
    params: { path: p.path },
    message: p.path ? `${p.path}: ${p.message}` : p.message,
  }));
}

/** "Trang "Bộ chỉ số", dòng 12, tiêu chí 1.2: …" — one line of the Vietnamese report. */
export function formatFileProblem(p: FileProblem): string {
  const where = [
    p.sheet ? `trang "${p.sheet}"` : '',
    p.row ? `dòng ${p.row}` : '',
    p.code && !p.message.includes(`Tiêu chí ${p.code}:`) ? `tiêu chí ${p.code}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const label = p.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
  return where ? `${label} (${where}): ${p.message}` : `${label}: ${p.message}`;
}
