import { describe, expect, it } from 'vitest';
import { scoreItem, type ScoringMethod } from '../../../src/core/framework/index.ts';
import { meetings } from './fixtures.ts';

const item = (maxPoints: number, method?: ScoringMethod) => (method ? { maxPoints, method } : { maxPoints });

describe('manual score', () => {
  it('accepts a score within 0…max on the 0.25 grid', () => {
    expect(scoreItem(item(2, { kind: 'manual', step: 0.25 }), { score: 1.75 }).points).toBe(1.75);
  });
  it('refuses a score above max with SCORE_ABOVE_MAX (points null)', () => {
    const r = scoreItem(item(2, { kind: 'manual' }), { score: 2.5 });
    expect(r.points).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['SCORE_ABOVE_MAX']);
    expect(r.issues[0]?.message).toContain('vượt quá');
  });
  it('refuses a negative score with SCORE_NEGATIVE', () => {
    expect(scoreItem(item(2, { kind: 'manual' }), { score: -1 }).issues[0]?.code).toBe('SCORE_NEGATIVE');
  });
  it('refuses an off-grid score with SCORE_OFF_STEP', () => {
    expect(scoreItem(item(2, { kind: 'manual', step: 0.25 }), { score: 1.3 }).issues[0]?.code).toBe('SCORE_OFF_STEP');
  });
  it('accepts grid scores that are inexact in binary (0.1 × 3 = 0.3)', () => {
    expect(scoreItem(item(1, { kind: 'manual', step: 0.1 }), { score: 0.3 }).points).toBe(0.3);
  });
  it('reports INPUT_MISSING when nothing was typed, INPUT_NOT_NUMBER for text', () => {
    expect(scoreItem(item(2), {}).issues[0]?.code).toBe('INPUT_MISSING');
    expect(scoreItem(item(2), { score: '' }).issues[0]?.code).toBe('INPUT_MISSING');
    expect(scoreItem(item(2), { score: 'hai' }).issues[0]?.code).toBe('INPUT_NOT_NUMBER');
  });
  it('reads a Vietnamese decimal comma', () => {
    expect(scoreItem(item(2), { score: '1,5' }).points).toBe(1.5);
  });
  it('scores a leaf without a method manually', () => {
    expect(scoreItem(item(3), { score: 3 }).points).toBe(3);
  });
});

describe('yes/no', () => {
  it('yes gives max, no gives 0', () => {
    expect(scoreItem(item(5, { kind: 'yesno' }), { yes: true }).points).toBe(5);
    expect(scoreItem(item(5, { kind: 'yesno' }), { yes: false }).points).toBe(0);
  });
  it('accepts "có" / "không"', () => {
    expect(scoreItem(item(5, { kind: 'yesno' }), { yes: 'Có' }).points).toBe(5);
    expect(scoreItem(item(5, { kind: 'yesno' }), { yes: 'không' }).points).toBe(0);
  });
  it('reports INPUT_MISSING without an answer', () => {
    expect(scoreItem(item(5, { kind: 'yesno' }), undefined).issues[0]?.code).toBe('INPUT_MISSING');
  });
});

describe('choice', () => {
  const method: ScoringMethod = {
    kind: 'choice',
    options: [
      { value: 'chu_tich', label: 'Chủ tịch UBND', fraction: 1 },
      { value: 'pho', label: 'Phó Chủ tịch', fraction: 0.5 },
      { value: 'khac', label: 'Khác', points: 0.25 },
    ],
  };
  it('gives the option points or the fraction of max', () => {
    expect(scoreItem(item(2, method), { choice: 'chu_tich' }).points).toBe(2);
    expect(scoreItem(item(2, method), { choice: 'pho' }).points).toBe(1);
    expect(scoreItem(item(2, method), { choice: 'khac' }).points).toBe(0.25);
  });
  it('reports CHOICE_UNKNOWN for an unlisted option', () => {
    expect(scoreItem(item(2, method), { choice: 'constructor' }).issues[0]?.code).toBe('CHOICE_UNKNOWN');
  });
});

describe('ratio', () => {
  const zero: ScoringMethod = { kind: 'ratio', zeroDenominator: 'zero' };
  it('a / b × max, rounded half-up to 2 decimals', () => {
    expect(scoreItem(item(10, zero), { a: 1, b: 3 }).points).toBe(3.33);
    expect(scoreItem(item(10, zero), { a: 2, b: 3 }).points).toBe(6.67);
  });
  it('ratio with b = 0 and zero rule gives 0, never NaN', () => {
    const r = scoreItem(item(10, zero), { a: 0, b: 0 });
    expect(r.points).toBe(0);
    expect(r.notApplicable).toBe(false);
  });
  it('ratio with b = 0 and not_applicable rule is not applicable with null points', () => {
    const r = scoreItem(item(10, { kind: 'ratio', zeroDenominator: 'not_applicable' }), { a: 0, b: 0 });
    expect(r).toMatchObject({ points: null, notApplicable: true, issues: [] });
  });
  it('a > b with the default cap 1 gives max', () => {
    expect(scoreItem(item(10, zero), { a: 12, b: 10 }).points).toBe(10);
  });
  it('below minRatio gives 0', () => {
    const m: ScoringMethod = { kind: 'ratio', zeroDenominator: 'zero', minRatio: 0.5 };
    expect(scoreItem(item(10, m), { a: 4, b: 10 }).points).toBe(0);
    expect(scoreItem(item(10, m), { a: 5, b: 10 }).points).toBe(5);
  });
  it('a negative figure is INPUT_NEGATIVE, both missing inputs are listed', () => {
    expect(scoreItem(item(10, zero), { a: -1, b: 3 }).issues[0]?.code).toBe('INPUT_NEGATIVE');
    expect(scoreItem(item(10, zero), {}).issues.map((i) => i.input)).toEqual(['a', 'b']);
  });
  it('explains inputs → rule → points in Vietnamese', () => {
    const r = scoreItem(item(10, { ...zero, numeratorLabel: 'Số hồ sơ đúng hạn', denominatorLabel: 'Tổng số hồ sơ' }), {
      a: 8,
      b: 10,
    });
    expect(r.explanation.rule).toContain('Số hồ sơ đúng hạn / Tổng số hồ sơ');
    expect(r.explanation.steps.join('\n')).toContain('Kết quả: 8/10 điểm.');
  });
});

describe('steps', () => {
  it.each([
    [4, 20],
    [5, 20],
    [3, 15],
    [2, 10],
    [1, 5],
    [0, 0],
  ])('%i meetings a year scores %i of 20 (steps 4:20 3:15 2:10 1:5)', (value, points) => {
    expect(scoreItem(item(20, meetings), { value }).points).toBe(points);
  });
  const percent: ScoringMethod = {
    kind: 'steps',
    input: 'percent',
    thresholds: [
      { atLeast: 90, fraction: 1 },
      { atLeast: 70, fraction: 0.5 },
    ],
  };
  it('≥ 90 % gives max, ≥ 70 % gives half of max, less gives 0', () => {
    expect(scoreItem(item(3, percent), { a: 9, b: 10 }).points).toBe(3);
    expect(scoreItem(item(3, percent), { a: 7, b: 10 }).points).toBe(1.5);
    expect(scoreItem(item(3, percent), { a: 69, b: 100 }).points).toBe(0);
  });
  it('percent with b = 0 and no rule is an issue, not NaN', () => {
    expect(scoreItem(item(3, percent), { a: 0, b: 0 }).issues[0]?.code).toBe('DENOMINATOR_ZERO');
    expect(scoreItem(item(3, { ...percent, zeroDenominator: 'not_applicable' }), { a: 0, b: 0 }).notApplicable).toBe(
      true,
    );
  });
  it('thresholds written lowest first are still applied highest first', () => {
    const thresholds = meetings.kind === 'steps' ? [...meetings.thresholds].reverse() : [];
    const m: ScoringMethod = { kind: 'steps', input: 'number', thresholds };
    expect(scoreItem(item(20, m), { value: 4 }).points).toBe(20);
  });
});

describe('not applicable flag', () => {
  it('notApplicable: true marks any item as not applicable', () => {
    expect(scoreItem(item(20, meetings), { notApplicable: true })).toMatchObject({ points: null, notApplicable: true });
  });
});
