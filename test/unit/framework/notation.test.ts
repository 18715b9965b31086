import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMethodNotation, parseMethodNotation, type ScoringMethod } from '../../../src/core/framework/index.ts';

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

// ---- round trip -------------------------------------------------------------------------------------

const arbPoints = fc.integer({ min: 0, max: 10000 }).map((h) => h / 100);
const arbFraction = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }));
const arbShare = fc.oneof(arbPoints.map((points) => ({ points })), arbFraction.map((fraction) => ({ fraction })));
const arbLabel = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('Chủ tịch UBND', 'a:b', 'x=y', 'say "hi"', 'back\\slash', ' ', 'Phó'),
);
const arbName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/).filter((n) => !['and', 'or', 'not', 'true', 'false', 'min', 'max', 'round', 'if', 'info'].includes(n));

const arbMethod: fc.Arbitrary<ScoringMethod> = fc.oneof(
  fc.option(fc.integer({ min: 1, max: 400 }).map((h) => h / 100), { nil: undefined }).map((step): ScoringMethod => (step === undefined ? { kind: 'manual' } : { kind: 'manual', step })),
  fc.constant<ScoringMethod>({ kind: 'yesno' }),
  fc
    .uniqueArray(fc.tuple(arbLabel, fc.option(arbLabel, { nil: undefined }), arbShare), { minLength: 1, maxLength: 5, selector: ([v]) => v })
    .map((opts): ScoringMethod => ({ kind: 'choice', options: opts.map(([value, label, share]) => ({ value, label: label ?? value, ...share })) })),
  fc
    .record(
      {
        cap: fc.integer({ min: 1, max: 300 }).map((h) => h / 100),
        minRatio: fc.integer({ min: 0, max: 100 }).map((h) => h / 100),
        zeroDenominator: fc.constantFrom<'zero' | 'not_applicable'>('zero', 'not_applicable'),
        numeratorLabel: arbLabel,
        denominatorLabel: arbLabel,
      },
      { requiredKeys: ['zeroDenominator'] },
    )
    .map((r): ScoringMethod => ({ kind: 'ratio', ...r })),
  fc
    .record(
      {
        input: fc.constantFrom<'number' | 'percent'>('number', 'percent'),
        valueLabel: arbLabel,
        thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }).chain((ats) =>
          fc.tuple(...ats.sort((x, y) => y - x).map((atLeast) => arbShare.map((s) => ({ atLeast, ...s })))),
        ),
        zeroDenominator: fc.constantFrom<'zero' | 'not_applicable'>('zero', 'not_applicable'),
      },
      { requiredKeys: ['input', 'thresholds'] },
    )
    .map((r): ScoringMethod => {
      const { zeroDenominator, ...rest } = r;
      return { kind: 'steps', ...rest, ...(r.input === 'percent' && zeroDenominator ? { zeroDenominator } : {}) };
    }),
  fc
    .uniqueArray(fc.tuple(arbName, fc.constantFrom<'number' | 'boolean'>('number', 'boolean'), fc.option(arbLabel, { nil: undefined })), {
      minLength: 0,
      maxLength: 3,
      selector: ([n]) => n,
    })
    .map((ins): ScoringMethod => ({
      kind: 'formula',
      expression: ins.length === 0 ? 'max / 2' : `min(${ins.map(([n]) => n).join(' + ')}, max)`,
      inputs: ins.map(([name, type, label]) => ({ name, type, label: label ?? name })),
    })),
);

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
