// The staff app words what the server sends as codes (issue 14 §6): a notice continues with the timing in
// lower case, in either language; an error is worded by its code for an English reader, by its HTTP status
// when the code is unknown, and a field issue by a plain sentence — never the server's Vietnamese.
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/web/i18n/en.ts';
import { vi } from '../../../src/web/i18n/vi.ts';
import { importProblemText, noticeText, problemText } from '../../../src/web/i18n/codes.ts';
import { errorWording } from '../../../src/web/i18n/error-words.ts';
import type { I18nValue } from '../../../src/web/i18n/context.ts';

const tOf =
  (dict: Record<string, string>): I18nValue['t'] =>
  (key, params) =>
    Object.entries(params ?? {}).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), dict[key] ?? key);

const late = { code: 'LATE' as const, timing: { code: 'late_penalised' as const, params: { days: 2, points: 100 } } };

describe('notices and problems in words', () => {
  it('"Nếu gửi hôm nay: nộp muộn 2 ngày, bị trừ 100 điểm." — the timing continues the sentence', () => {
    expect(noticeText(tOf(vi), 'vi', late)).toBe('Nếu gửi hôm nay: nộp muộn 2 ngày, bị trừ 100 điểm.');
    expect(noticeText(tOf(en), 'en', late)).toBe('If sent today: submitted 2 day(s) late, 100 points deducted.');
  });

  it('a notice without timing, and a problem with its maximum', () => {
    expect(noticeText(tOf(en), 'en', { code: 'LEADER_OR_REPORTER_SUBMITS' })).toBe(
      'The unit’s leader or a reporter submits the self-assessment.',
    );
    expect(problemText(tOf(vi), { problem: 'SCORE_INVALID', params: { max: 15 } })).toBe(
      'Điểm tự chấm phải từ 0 đến 15.',
    );
  });
});

describe('errors for an English reader', () => {
  const w = errorWording(en);
  it('a known code has its own words', () => {
    expect(w.error('INVALID_CREDENTIALS', 401)).toBe('Wrong username or password.');
  });
  it('an unknown code: by its status (too large, server trouble, or the status itself)', () => {
    expect(w.error('HTTP_413', 413)).toBe(en['error.FILE_TOO_LARGE']);
    expect(w.error('HTTP_502', 502)).toBe(en['error.INTERNAL_ERROR']);
    expect(w.error('SOMETHING_NEW', 418)).toBe('Server error (418).');
  });
  it('a field issue reads as a plain sentence', () => {
    expect(w.issue()).toBe('This value is not valid.');
  });
});

describe('import problems in words', () => {
  const taken = { code: 'USERNAME_TAKEN', params: { value: 'admin' }, message: 'Tên đăng nhập "admin" đã tồn tại.' };
  it('the Vietnamese page shows the server’s sentence; the English page words the code with its parameters', () => {
    expect(importProblemText(tOf(vi), 'vi', 'userImport', taken)).toBe(taken.message);
    expect(importProblemText(tOf(en), 'en', 'userImport', taken)).toBe('Username "admin" already exists.');
  });
  it('a row refused by saving the item: the API error’s words after the item', () => {
    const p = { code: 'SCORE_OUT_OF_RANGE', params: { item: '2.1' }, message: 'Chỉ số 2.1: …' };
    expect(importProblemText(tOf(en), 'en', 'formImport', p)).toBe('Item 2.1: The score is outside the allowed range.');
  });
  it('a code the app does not know shows the server’s message', () => {
    const p = { code: 'SOMETHING_NEW', message: 'Điều mới.' };
    expect(importProblemText(tOf(en), 'en', 'unitImport', p)).toBe('Điều mới.');
  });
});

describe('index-set problems in words', () => {
  it('a threshold’s points above the maximum: the threshold, then the problem, in English', () => {
    const p = { code: 'POINTS_ABOVE_MAX', params: { threshold: 2, value: 12, max: 10 }, message: 'Tiêu chí 1: …' };
    expect(importProblemText(tOf(en), 'en', 'fwProblem', p)).toBe('Threshold 2: 12 points exceed the maximum of 10.');
  });
  it('the sum of sub-items differs from the item’s maximum', () => {
    const p = { code: 'CHILDREN_SUM_MISMATCH', params: { sum: 12, max: 10 }, message: 'Tiêu chí 1: …' };
    expect(importProblemText(tOf(en), 'en', 'fwProblem', p)).toBe(
      'The sub-items’ maximum points add up to 12, not the item’s maximum of 10.',
    );
  });
});
