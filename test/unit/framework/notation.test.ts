import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMethodNotation, parseMethodNotation } from '../../../src/core/framework/index.ts';
import { arbMethod } from './arbitraries.ts';

const parsed = (text: string) => {
  const r = parseMethodNotation(text);
  if (!r.ok) throw new Error(r.message);
  return r.method;
};

describe('method notation: reading the Excel column "Phương pháp tính điểm"', () => {
  it('manual, with an optional step', () => {
    expect(parsed('manual')).toEqual({ kind: 'manual' });
    expect(parsed('manual 0.25')).toEqual({ kind: 'manual', step: 0.25 });
    expect(parsed('Manual step=0.5')).toEqual({ kind: 'manual', step: 0.5 });
  });
  it('yesno', () => {
    expect(parsed('yesno')).toEqual({ kind: 'yesno' });
  });
  it('ratio with options; b = 0 gives 0 unless zero=na', () => {
    expect(parsed('ratio')).toEqual({ kind: 'ratio', zeroDenominator: 'zero' });
    expect(parsed('ratio cap=1 min=0.5 zero=na a="Số hồ sơ đúng hạn" b=Tổng')).toEqual({
      kind: 'ratio',
      cap: 1,
      minRatio: 0.5,
      zeroDenominator: 'not_applicable',
      numeratorLabel: 'Số hồ sơ đúng hạn',
      denominatorLabel: 'Tổng',
    });
  });
  it('steps 4:20 3:15 2:10 1:5 are points; steps% 90:max 70:1/2 are fractions of max', () => {
    expect(parsed('steps 4:20 3:15 2:10 1:5')).toEqual({
      kind: 'steps',
      input: 'number',
      thresholds: [
        { atLeast: 4, points: 20 },
        { atLeast: 3, points: 15 },
        { atLeast: 2, points: 10 },
        { atLeast: 1, points: 5 },
      ],
    });
    const pct = parsed('steps% 90:max 70:1/2 50%:25% 30:0.1max');
    expect(pct).toEqual({
      kind: 'steps',
      input: 'percent',
      thresholds: [
        { atLeast: 90, fraction: 1 },
        { atLeast: 70, fraction: 0.5 },
        { atLeast: 50, fraction: 0.25 },
        { atLeast: 30, fraction: 0.1 },
      ],
    });
    expect(formatMethodNotation(pct)).toBe('steps% 90:max 70:0.5max 50:0.25max 30:0.1max');
  });
  it('choice labels with spaces are quoted and survive', () => {
    const m = parsed('choice chu_tich="Chủ tịch UBND":max pho="Phó Chủ tịch":1/2 khong:0');
    expect(m).toEqual({
      kind: 'choice',
      options: [
        { value: 'chu_tich', label: 'Chủ tịch UBND', fraction: 1 },
        { value: 'pho', label: 'Phó Chủ tịch', fraction: 0.5 },
        { value: 'khong', label: 'khong', points: 0 },
      ],
    });
    expect(formatMethodNotation(m)).toBe('choice chu_tich="Chủ tịch UBND":max pho="Phó Chủ tịch":0.5max khong:0');
  });
  it('formula infers number inputs, or takes declarations after "|"', () => {
    expect(parsed('formula min(a/b,1)*max')).toEqual({
      kind: 'formula',
      expression: 'min(a/b,1)*max',
      inputs: [
        { name: 'a', label: 'a', type: 'number' },
        { name: 'b', label: 'b', type: 'number' },
      ],
    });
    expect(parsed('formula if(x, max, 0) | x:boolean="Có ban hành kế hoạch"')).toEqual({
      kind: 'formula',
      expression: 'if(x, max, 0)',
      inputs: [{ name: 'x', label: 'Có ban hành kế hoạch', type: 'boolean' }],
    });
  });
});

describe('notation errors give a Vietnamese message and a position', () => {
  it.each([
    ['', 1],
    ['magic 1', 1],
    ['steps 4:20 3:abc', 14],
    ['steps 4-20', 7],
    ['choice "Chủ tịch:max', 8],
    ['ratio cap=x', 11],
    ['formula min(a/b,,1)', 17],
    ['formula a.constructor | a', 9],
    ['formula constructor', 9],
    ['yesno 1', 7],
    ['steps% 90:1.5max', 11],
  ])('"%s" → position %i', (text, position) => {
    const r = parseMethodNotation(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.position).toBe(position);
      expect(r.message).toMatch(/^Lỗi tại vị trí \d+: /);
    }
  });
});

describe('round trip', () => {
  it('parse(format(m)) deep-equals m for random valid methods', () => {
    fc.assert(
      fc.property(arbMethod, (m) => {
        const text = formatMethodNotation(m);
        const back = parseMethodNotation(text);
        expect(back, text).toEqual({ ok: true, method: m });
      }),
      { numRuns: 500 },
    );
  });
});
