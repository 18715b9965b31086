// URL and request-body templates of a data source. A placeholder is a name in braces: {year}, {quarter},
// {month}, {timeType} (year | quarter | month, as the 766 API names it), {period} ("2026-Q3") and
// {unitCode} (the source's identifier of one unit: then the source is asked once per unit), {page} (the
// source answers in pages: asked page after page, paging.ts). In a URL a
// value is percent-encoded; in a JSON body it is written as a JSON value (a string quoted, a missing
// quarter or month as null), so `{"year": {year}, "month": {month}}` stays valid JSON.
import type { Period } from './period.ts';
import { formatPeriod } from './period.ts';

export const TEMPLATE_VARIABLES = ['year', 'quarter', 'month', 'timeType', 'period', 'unitCode', 'page'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | number | null>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

export class TemplateError extends Error {
  constructor(
    readonly code: 'UNKNOWN_PLACEHOLDER' | 'BODY_NOT_JSON' | 'URL_INVALID' | 'URL_NOT_HTTPS',
    readonly params: Record<string, string>,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/** The placeholders a template uses; throws UNKNOWN_PLACEHOLDER for a name the platform does not fill. */
export function placeholdersOf(template: string): TemplateVariable[] {
  const found = new Set<TemplateVariable>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name))
      throw new TemplateError('UNKNOWN_PLACEHOLDER', { name });
    found.add(name as TemplateVariable);
  }
  return [...found];
}

/** True when the source answers in pages (its URL or body names {page}). */
export function isPaged(urlTemplate: string, bodyTemplate?: string | null): boolean {
  return placeholdersOf(urlTemplate).includes('page') || placeholdersOf(bodyTemplate ?? '').includes('page');
}

/** True when the source is asked once per unit (its URL or body names {unitCode}). */
export function isPerUnit(urlTemplate: string, bodyTemplate?: string | null): boolean {
  return placeholdersOf(urlTemplate).includes('unitCode') || placeholdersOf(bodyTemplate ?? '').includes('unitCode');
}

export function periodValues(p: Period): TemplateValues {
  return {
    year: p.year,
    quarter: p.kind === 'quarter' ? p.number! : null,
    month: p.kind === 'month' ? p.number! : null,
    timeType: p.kind,
    period: formatPeriod(p),
  };
}

export function expandUrl(template: string, values: TemplateValues): string {
  placeholdersOf(template);
  return template.replace(PLACEHOLDER, (_, name: TemplateVariable) => encodeURIComponent(String(values[name] ?? '')));
}

export function expandBody(template: string, values: TemplateValues): string {
  placeholdersOf(template);
  const out = template.replace(PLACEHOLDER, (_, name: TemplateVariable) => JSON.stringify(values[name] ?? null));
  try {
    JSON.parse(out);
  } catch {
    throw new TemplateError('BODY_NOT_JSON', {});
  }
  return out;
}

/**
 * Checks a URL template: an absolute http(s) URL once expanded with sample values, HTTPS unless the host is
 * the loopback address and `allowLoopbackHttp` (tests and benchmarks only) is set.
 */
export function checkUrlTemplate(template: string, allowLoopbackHttp = false): void {
  const sample = expandUrl(template, { ...periodValues({ kind: 'month', year: 2026, number: 1 }), unitCode: 'X' });
  let url: URL;
  try {
    url = new URL(sample);
  } catch {
    throw new TemplateError('URL_INVALID', {});
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && allowLoopbackHttp && isLoopbackHost(url.hostname)) return;
  throw new TemplateError('URL_NOT_HTTPS', { protocol: url.protocol.replace(':', '') });
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1' || hostname === 'localhost';
}
