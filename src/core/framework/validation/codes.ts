// Rules about node codes. A code is dot-separated segments; a segment is digits with an optional
// lowercase letter ("12", "1a"), an upper-case letter run for roman numerals/sections ("I", "IV", "A"),
// or a single lowercase letter ("a"). So "1", "1.2", "4.22.11", "I", "A.1", "1a", "II.3.b" are valid;
// "1.", ".1", "1..2", "1 2", "1-2" are not.
import { atNode, problem, type Problem } from './problem.ts';

export const CODE_PATTERN = /^(?:\d{1,4}[a-z]?|[A-Z]{1,6}|[a-z])(?:\.(?:\d{1,4}[a-z]?|[A-Z]{1,6}|[a-z]))*$/;

export function isValidCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** A child should be written "<parent>.<n>"; real appendices sometimes are not, hence a warning. */
export function isPrefixedBy(childCode: string, parentCode: string): boolean {
  return childCode.startsWith(parentCode + '.') && childCode.length > parentCode.length + 1;
}

function lastSegment(code: string): string {
  const i = code.lastIndexOf('.');
  return i < 0 ? code : code.slice(i + 1);
}

/**
 * Gaps in sibling numbering (1.1, 1.3 → 1.2 missing). Only siblings whose last segment is a plain
 * number are compared; numbering restarting or lettered codes are not guessed at.
 */
export function siblingGapWarnings(siblingCodes: readonly string[], parentCode: string | null): Problem[] {
  const numbers = siblingCodes
    .map(lastSegment)
    .filter((s) => /^\d+$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
  const out: Problem[] = [];
  for (let i = 1; i < numbers.length; i++) {
    const prev = numbers[i - 1] as number;
    const cur = numbers[i] as number;
    if (cur - prev > 1) {
      const where = parentCode === null ? 'Các chỉ số chính' : 'Các tiêu chí con';
      const missingFrom = prev + 1;
      const missingTo = cur - 1;
      const gap = missingFrom === missingTo ? `số ${missingFrom}` : `các số ${missingFrom}–${missingTo}`;
      const msg = `${where} bị đánh số ngắt quãng: thiếu ${gap} (giữa ${prev} và ${cur}).`;
      out.push(
        problem('SIBLING_GAP', parentCode === null ? msg : atNode(parentCode, msg), parentCode ?? undefined, {
          from: missingFrom,
          to: missingTo,
          previous: prev,
          next: cur,
        }),
      );
    }
  }
  return out;
}
