// Number and problem helpers shared by the index-set pages.
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { useI18n } from '../../i18n/context.ts';
import { ApiError } from '../../api/client.ts';
import type { Problem } from '../../../core/framework/index.ts';
import type { FrameworkImportProblem } from '../../../contract/frameworks.ts';

/** Formats points/counts in the UI language (1.000,5 in Vietnamese). */
export function useNum(): (value: number | null | undefined, maxDecimals?: number) => string {
  const { lang } = useI18n();
  return (value, maxDecimals = 2) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '—';
    return lang === 'vi'
      ? formatNumberVi(value, maxDecimals)
      : value.toLocaleString('en-US', { maximumFractionDigits: maxDecimals });
  };
}

/** Validation errors/warnings carried by a 422 FRAMEWORK_INVALID (publish, create, save). */
export function validationOf(e: unknown): { errors: Problem[]; warnings: Problem[] } | null {
  if (!(e instanceof ApiError) || e.code !== 'FRAMEWORK_INVALID') return null;
  const d = e.details ?? {};
  const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as Problem[]) : []);
  return { errors: list('errors'), warnings: list('warnings') };
}

/** Row problems of a rejected import (422 FRAMEWORK_INVALID details.problems). */
export function importProblemsOf(e: unknown): FrameworkImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const p = e.details?.['problems'];
  if (Array.isArray(p)) return p as FrameworkImportProblem[];
  const v = validationOf(e);
  if (!v) return [];
  return [...v.errors.map((x) => asRow(x, 'error')), ...v.warnings.map((x) => asRow(x, 'warning'))];
}

/** A validation problem as a row of the import table: its node, rule code and parameters. */
function asRow(x: Problem, severity: 'error' | 'warning'): FrameworkImportProblem {
  return {
    ...(x.nodeCode ? { code: x.nodeCode } : {}),
    rule: x.code,
    ...(x.params ? { params: x.params } : {}),
    message: x.message,
    severity,
  };
}
