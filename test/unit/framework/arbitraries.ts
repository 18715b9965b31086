// fast-check generators of valid scoring methods, shared by the notation round trip and the score
// bounds property.
import fc from 'fast-check';
import type { ScoringMethod } from '../../../src/core/framework/index.ts';

const arbPoints = fc.integer({ min: 0, max: 10000 }).map((h) => h / 100);
const arbFraction = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }));
const arbShare = fc.oneof(
  arbPoints.map((points) => ({ points })),
  arbFraction.map((fraction) => ({ fraction })),
);
const arbLabel = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('Chủ tịch UBND', 'a:b', 'x=y', 'say "hi"', 'back\\slash', ' ', 'Phó'),
);
const arbName = fc
  .stringMatching(/^[a-z_][a-z0-9_]{0,6}$/)
  .filter((n) => !['and', 'or', 'not', 'true', 'false', 'min', 'max', 'round', 'if', 'info'].includes(n));

export const arbMethod: fc.Arbitrary<ScoringMethod> = fc.oneof(
  fc
    .option(
      fc.integer({ min: 1, max: 400 }).map((h) => h / 100),
      { nil: undefined },
    )
    .map((step): ScoringMethod => (step === undefined ? { kind: 'manual' } : { kind: 'manual', step })),
  fc.constant<ScoringMethod>({ kind: 'yesno' }),
  fc
    .uniqueArray(fc.tuple(arbLabel, fc.option(arbLabel, { nil: undefined }), arbShare), {
      minLength: 1,
      maxLength: 5,
      selector: ([v]) => v,
    })
    .map(
      (opts): ScoringMethod => ({
        kind: 'choice',
        options: opts.map(([value, label, share]) => ({ value, label: label ?? value, ...share })),
      }),
    ),
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
        thresholds: fc
          .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
          .chain((ats) =>
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
    .uniqueArray(
      fc.tuple(
        arbName,
        fc.constantFrom<'number' | 'boolean'>('number', 'boolean'),
        fc.option(arbLabel, { nil: undefined }),
      ),
      {
        minLength: 0,
        maxLength: 3,
        selector: ([n]) => n,
      },
    )
    .map(
      (ins): ScoringMethod => ({
        kind: 'formula',
        expression: ins.length === 0 ? 'max / 2' : `min(${ins.map(([n]) => n).join(' + ')}, max)`,
        inputs: ins.map(([name, type, label]) => ({ name, type, label: label ?? name })),
      }),
    ),
);
