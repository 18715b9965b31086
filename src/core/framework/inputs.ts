// Reading untrusted input values. Inputs come from forms and spreadsheets, so a number may arrive as
// "12", "12,5" or "" and a yes/no as "có". Keys are looked up with Object.hasOwn only, so keys such
// as "__proto__" or "constructor" never reach Object.prototype.
import type { InputValue, InputValues, ScoreIssue } from './score-types.ts';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; issue: ScoreIssue };

export function getInput(inputs: InputValues | undefined, key: string): InputValue {
  if (!inputs || !Object.hasOwn(inputs, key)) return undefined;
  return inputs[key];
}

function isBlank(v: InputValue): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function missing(key: string, label = key): ScoreIssue {
  return { code: 'INPUT_MISSING', input: key, message: `Chưa nhập "${label}".` };
}

/** Plain decimal with optional sign; one comma or dot as decimal separator. */
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** Reads a finite, non-negative number. */
export function readNumber(inputs: InputValues | undefined, key: string, label = key): ReadResult<number> {
  const raw = getInput(inputs, key);
  if (isBlank(raw)) return { ok: false, issue: missing(key, label) };
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) {
    value = Number(raw.trim().replace(',', '.'));
  } else {
    return {
      ok: false,
      issue: {
        code: 'INPUT_NOT_NUMBER',
        input: key,
        message: `"${label}" phải là một số (nhận được: ${String(raw)}).`,
      },
    };
  }
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      issue: { code: 'INPUT_NOT_NUMBER', input: key, message: `"${label}" phải là một số hữu hạn.` },
    };
  }
  if (value < 0) {
    return {
      ok: false,
      issue: { code: 'INPUT_NEGATIVE', input: key, message: `"${label}" không được âm (nhận được: ${value}).` },
    };
  }
  return { ok: true, value };
}

const TRUE_TEXT = new Set(['true', 'yes', 'y', 'co', 'có', 'x', '1', 'dat', 'đạt']);
const FALSE_TEXT = new Set(['false', 'no', 'n', 'khong', 'không', '0', 'chua', 'chưa', 'khong dat', 'không đạt']);

/** Reads a yes/no: booleans, 1/0, and the usual Vietnamese/English words. */
export function readBoolean(inputs: InputValues | undefined, key: string, label = key): ReadResult<boolean> {
  const raw = getInput(inputs, key);
  if (isBlank(raw)) return { ok: false, issue: missing(key, label) };
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === 'string') {
    const t = raw.normalize('NFC').trim().toLowerCase();
    if (TRUE_TEXT.has(t)) return { ok: true, value: true };
    if (FALSE_TEXT.has(t)) return { ok: true, value: false };
  }
  return {
    ok: false,
    issue: {
      code: 'INPUT_NOT_BOOLEAN',
      input: key,
      message: `"${label}" phải là Có hoặc Không (nhận được: ${String(raw)}).`,
    },
  };
}

/** The reserved `notApplicable` flag (set by the unit or the appraiser for any method). */
export function isMarkedNotApplicable(inputs: InputValues | undefined): boolean {
  return getInput(inputs, 'notApplicable') === true;
}
