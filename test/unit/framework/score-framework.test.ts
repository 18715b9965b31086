import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  scoreFramework,
  scoreItem,
  type FrameworkNode,
  type ScoringMethod,
} from '../../../src/core/framework/index.ts';
import { framework, group, leaf, meetings } from './fixtures.ts';
import { arbMethod as arbValidMethod } from './arbitraries.ts';

const ratioNa: ScoringMethod = { kind: 'ratio', zeroDenominator: 'not_applicable' };

describe('scoring a whole set', () => {
  const def = framework([
    group('1', 30, [leaf('1.1', 20, meetings), leaf('1.2', 10, { kind: 'yesno' })]),
    group('2', 10, [leaf('2.1', 5, ratioNa), leaf('2.2', 5, { kind: 'manual', step: 0.25 })]),
  ]);

  it('sums leaves into groups and the total', () => {
    const s = scoreFramework(def, {
      '1.1': { value: 3 },
      '1.2': { yes: true },
      '2.1': { a: 1, b: 3 },
      '2.2': { score: 2.25 },
    });
    expect(s.byCode['1']?.points).toBe(25);
    expect(s.byCode['2']?.points).toBe(3.92); // 1.67 + 2.25
    expect(s.total).toBe(28.92);
    expect(s.maxPoints).toBe(40);
    expect(s.applicableMax).toBe(40);
    expect(s.complete).toBe(true);
  });

  it('a not-applicable item lowers the applicable max of its group and of the set', () => {
    const s = scoreFramework(def, {
      '1.1': { value: 4 },
      '1.2': { yes: true },
      '2.1': { a: 0, b: 0 },
      '2.2': { score: 5 },
    });
    expect(s.notApplicableCodes).toEqual(['2.1']);
    expect(s.byCode['2']).toMatchObject({ points: 5, applicableMax: 5, notApplicable: false });
    expect(s.applicableMax).toBe(35);
    expect(s.total).toBe(35);
    expect(s.percent).toBe(100);
  });

  it('a group whose items are all not applicable is itself not applicable', () => {
    const s = scoreFramework(def, { '2.1': { a: 0, b: 0 }, '2.2': { notApplicable: true } });
    expect(s.byCode['2']).toMatchObject({ points: null, notApplicable: true, applicableMax: 0 });
  });

  it('records when a group is capped at its own max', () => {
    const over = framework([group('1', 5, [leaf('1.1', 4), leaf('1.2', 4)])]);
    const s = scoreFramework(over, { '1.1': { score: 4 }, '1.2': { score: 3 } });
    expect(s.byCode['1']).toMatchObject({ points: 5, uncappedPoints: 7, capped: true });
  });

  it('lists items that could not be scored and keeps going', () => {
    const s = scoreFramework(def, { '1.1': { value: 'bốn' } });
    expect(s.unscoredCodes).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(s.complete).toBe(false);
    expect(s.byCode['1.1']?.item?.issues[0]?.code).toBe('INPUT_NOT_NUMBER');
  });

  it('ignores inherited keys of the inputs object', () => {
    const s = scoreFramework(framework([leaf('constructor', 1)]), {});
    expect(s.unscoredCodes).toEqual(['constructor']);
  });
});

// ---- property tests -------------------------------------------------------------------------------

const arbMax = fc.integer({ min: 0, max: 4000 }).map((h) => h / 100);
const arbValue = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom<string | boolean | null | undefined>('', 'abc', '3,5', '-1', true, false, null, undefined, 'có'),
);
const arbInputs = fc.record({
  score: arbValue,
  yes: arbValue,
  choice: fc.constantFrom('x', 'y', 'z', 1),
  a: arbValue,
  b: arbValue,
  value: arbValue,
});
const arbMethod: fc.Arbitrary<ScoringMethod | undefined> = fc.constantFrom<ScoringMethod | undefined>(
  undefined,
  { kind: 'manual', step: 0.25 },
  { kind: 'yesno' },
  {
    kind: 'choice',
    options: [
      { value: 'x', label: 'X', fraction: 1 },
      { value: 'y', label: 'Y', fraction: 0.5 },
      { value: 'z', label: 'Z', points: 0 },
    ],
  },
  { kind: 'ratio', zeroDenominator: 'zero' },
  { kind: 'ratio', zeroDenominator: 'not_applicable', cap: 1.5, minRatio: 0.2 },
  {
    kind: 'steps',
    input: 'percent',
    thresholds: [
      { atLeast: 90, fraction: 1 },
      { atLeast: 70, fraction: 0.5 },
    ],
  },
  {
    kind: 'formula',
    expression: 'a * b - max / 3',
    inputs: [
      { name: 'a', label: 'A', type: 'number' },
      { name: 'b', label: 'B', type: 'number' },
    ],
  },
  {
    kind: 'formula',
    expression: 'if(a > b, a / b, b / a) * max',
    inputs: [
      { name: 'a', label: 'A', type: 'number' },
      { name: 'b', label: 'B', type: 'number' },
    ],
  },
);

describe('properties', () => {
  it('a score is never below 0 or above its node max, and never NaN, for arbitrary inputs', () => {
    fc.assert(
      fc.property(arbMax, arbMethod, arbInputs, (maxPoints, method, inputs) => {
        const r = scoreItem(method ? { maxPoints, method } : { maxPoints }, inputs);
        if (r.points === null) return r.notApplicable || r.issues.length > 0;
        return (
          Number.isFinite(r.points) &&
          r.points >= 0 &&
          r.points <= maxPoints &&
          Math.round(r.points * 100) / 100 === r.points
        );
      }),
    );
  });

  it('the same holds for random valid methods (any kind, any parameters) and arbitrary inputs', () => {
    const arbAnyInputs = fc.dictionary(
      fc.constantFrom('score', 'yes', 'choice', 'a', 'b', 'value', 'x', 'y', 'z', '_'),
      arbValue,
    );
    fc.assert(
      fc.property(
        arbMax,
        arbValidMethod,
        arbAnyInputs,
        fc.option(fc.dictionary(fc.string(), fc.double())),
        (maxPoints, method, inputs, info) => {
          const r = scoreItem({ maxPoints, method }, inputs, info ?? undefined);
          if (r.points === null) return r.notApplicable || r.issues.length > 0;
          return Number.isFinite(r.points) && r.points >= 0 && r.points <= maxPoints;
        },
      ),
      { numRuns: 500 },
    );
  });

  const arbTree: fc.Arbitrary<FrameworkNode[]> = fc
    .array(fc.array(fc.tuple(arbMax, arbInputs), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 })
    .map((groups) =>
      groups.map((children, g) =>
        group(
          String(g + 1),
          Math.round(children.reduce((s, [m]) => s + m, 0) * 60) / 100, // a cap below the sum, to exercise it
          children.map(([m], c) => leaf(`${g + 1}.${c + 1}`, m, { kind: 'ratio', zeroDenominator: 'not_applicable' })),
        ),
      ),
    );

  it('a group equals the capped sum of its children', () => {
    fc.assert(
      fc.property(arbTree, fc.array(arbInputs, { minLength: 25, maxLength: 25 }), (nodes, inputList) => {
        const inputs: Record<string, Record<string, unknown>> = {};
        let k = 0;
        for (const g of nodes)
          for (const c of g.children ?? []) inputs[c.code] = inputList[k++ % 25] as Record<string, unknown>;
        const s = scoreFramework(framework(nodes), inputs as never);
        for (const g of nodes) {
          const gs = s.byCode[g.code];
          const kids = (g.children ?? []).map((c) => s.byCode[c.code]);
          if (kids.every((c) => c?.notApplicable)) {
            if (gs?.points !== null) return false;
            continue;
          }
          const sumH = kids.reduce((acc, c) => acc + Math.round((c?.points ?? 0) * 100), 0);
          const expected = Math.min(sumH, Math.round(g.maxPoints * 100)) / 100;
          if (gs?.points !== expected || gs.capped !== sumH > Math.round(g.maxPoints * 100)) return false;
        }
        return s.total === nodes.reduce((acc, g) => acc + Math.round((s.byCode[g.code]?.points ?? 0) * 100), 0) / 100;
      }),
    );
  });
});
