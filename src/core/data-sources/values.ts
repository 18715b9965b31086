// A pulled value must be a number (a JSON number, or text such as "12.5" or "12,5"), and within the range
// the field mapping gives (the 766 profile: 0 … the group's maximum).

export type ValueCheck =
  | { ok: true; value: number }
  | {
      ok: false;
      code: 'VALUE_MISSING' | 'VALUE_NOT_NUMERIC' | 'VALUE_OUT_OF_RANGE';
      params: Record<string, string | number>;
    };

export function readNumber(raw: unknown): number | null | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

export function checkValue(raw: unknown, range: { min?: number | null; max?: number | null }): ValueCheck {
  const n = readNumber(raw);
  if (n === undefined) return { ok: false, code: 'VALUE_MISSING', params: {} };
  if (n === null) return { ok: false, code: 'VALUE_NOT_NUMERIC', params: { value: String(raw).slice(0, 60) } };
  const { min, max } = range;
  if ((min !== undefined && min !== null && n < min) || (max !== undefined && max !== null && n > max))
    return {
      ok: false,
      code: 'VALUE_OUT_OF_RANGE',
      params: { value: n, ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) },
    };
  return { ok: true, value: n };
}
