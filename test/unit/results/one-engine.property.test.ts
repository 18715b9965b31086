// One results engine (issue 12): the engine — leafScoresOf (item scores → leaf arrays, N/A, replacement,
// rounding and caps resolved once) and the one arithmetic over leaf arrays — equals the engine as it
// stood before the refactor (a frozen copy in test/support/results-frozen) on random assessments:
// random index sets (groups capped below their items' sum), unappraised items, N/A items under
// reduce_max and replacement rules, replacement indicators (valid, unknown, a node of the set, reused),
// codes outside the set, scores outside 0…max, raw scores with more than 2 decimals, late penalties,
// forced and refused timings, item scores given as a Map or a record. The sheet path (whole hundredths
// in leaf order, as the score sheets hold them) goes through the same arithmetic and must agree too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../../src/core/campaign/index.ts';
import type { FrameworkNode } from '../../../src/core/framework/index.ts';
import {
  type ItemScoreInput,
  NO_SCORE_H,
  type ResultRules,
  type TimingInput,
  compileDefinition,
  computeUnitResult,
  computeUnitResultFromLeaves,
  indicatorSummaries,
} from '../../../src/core/results/index.ts';
import { computeUnitResult as frozenComputeUnitResult } from '../../support/results-frozen/unit-result.ts';

const timing: fc.Arbitrary<TimingInput> = fc.oneof(
  fc.constant({ kind: 'on_time' as const, penaltyPoints: 0, lowestBand: false }),
  fc.integer({ min: 0, max: 300 }).map((p) => ({ kind: 'late' as const, penaltyPoints: p / 2, lowestBand: false })),
  fc.constant({ kind: 'not_submitted' as const, penaltyPoints: 0, lowestBand: true }),
  fc.constant({ kind: 'late_beyond_tolerance' as const, penaltyPoints: 0, lowestBand: false, refused: true }),
);

const definition = fc
  .array(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 5 }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((mains) =>
    fc
      .tuple(
        fc.constant(mains),
        fc.array(fc.integer({ min: 20, max: 120 }), { minLength: mains.length, maxLength: mains.length }),
      )
      .map(([ms, caps]): FrameworkNode[] =>
        ms.map((items, g) => ({
          code: String(g + 1),
          title: `Chỉ số ${g + 1}`,
          maxPoints: caps[g]!,
          children: items.map(([sub, max], i): FrameworkNode => {
            const code = `${g + 1}.${i + 1}`;
            if (sub === 0) return { code, title: code, maxPoints: max, method: { kind: 'manual' } };
            return {
              code,
              title: code,
              maxPoints: max,
              children: Array.from({ length: sub }, (_, j) => ({
                code: `${code}.${j + 1}`,
                title: `${code}.${j + 1}`,
                maxPoints: Math.ceil(max / sub) + j,
                method: { kind: 'manual' as const },
              })),
            };
          }),
        })),
      ),
  );

/** A raw score: none, whole hundredths (sometimes out of range), or with a third decimal. */
const rawScore = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 8, arbitrary: fc.integer({ min: -200, max: 1500 }).map((h) => h / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 15000 }).map((m) => m / 1000) },
);

/** Per leaf: final, self, N/A roll, replacement kind (0 none, 1 fresh code, 2 unknown code, 3 a node, 4 reuse). */
const perLeaf = fc.tuple(rawScore, rawScore, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 }), rawScore);

describe('one results engine', () => {
  it('computeUnitResult equals the engine before the refactor on random assessments', () => {
    fc.assert(
      fc.property(
        definition,
        fc.array(perLeaf, { minLength: 40, maxLength: 40 }),
        timing,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (nodes, raw, t, replacementRule, asMap, stray) => {
          const c = compileDefinition({ nodes });
          const entries: [string, ItemScoreInput][] = [];
          c.leafIndices.forEach((i, k) => {
            const [final, self, roll, repl, replFinal] = raw[k % raw.length]!;
            const code = c.codes[i]!;
            const notApplicable = roll === 0;
            let replacementCode: string | undefined;
            if (notApplicable && repl === 1) replacementCode = `R${k}`;
            if (notApplicable && repl === 2) replacementCode = `MISSING${k}`;
            if (notApplicable && repl === 3) replacementCode = c.codes[c.roots[0]!]!;
            if (notApplicable && repl === 4) replacementCode = 'R0';
            entries.push([
              code,
              {
                final: notApplicable ? null : final,
                self,
                notApplicable,
                ...(replacementCode ? { replacementCode } : {}),
              },
            ]);
            if (replacementCode?.startsWith('R'))
              entries.push([replacementCode, { final: replFinal, self: null, notApplicable: false }]);
          });
          if (stray) entries.push(['KHONG-CO', { final: 1, self: 1, notApplicable: false }]);
          const itemScores = asMap ? new Map(entries) : Object.fromEntries(entries);
          const rules: ResultRules = {
            bands: DEFAULT_BANDS,
            notApplicable: replacementRule ? 'replacement' : 'reduce_max',
          };
          const input = { definition: { nodes }, itemScores, timing: t, rules };
          const before = frozenComputeUnitResult(input);
          const now = computeUnitResult(input);
          expect(now).toEqual(before);
          expect(JSON.stringify(now)).toBe(JSON.stringify(before));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the sheet path (whole hundredths in leaf order) equals the engine before the refactor', () => {
    const score = fc.oneof(fc.constant(null), fc.integer({ min: -200, max: 1500 }));
    fc.assert(
      fc.property(
        definition,
        fc.array(fc.tuple(score, score, fc.integer({ min: 0, max: 9 })), { minLength: 60, maxLength: 60 }),
        timing,
        (nodes, raw, t) => {
          const c = compileDefinition({ nodes });
          const L = c.leafIndices.length;
          const finalH = new Int32Array(L);
          const selfH = new Int32Array(L);
          const na = new Uint8Array(L);
          const itemScores: Record<string, ItemScoreInput> = {};
          c.leafIndices.forEach((i, k) => {
            const [f, s, roll] = raw[k % raw.length]!;
            const notApplicable = roll === 0;
            finalH[k] = f === null || notApplicable ? NO_SCORE_H : f;
            selfH[k] = s === null ? NO_SCORE_H : s;
            na[k] = notApplicable ? 1 : 0;
            itemScores[c.codes[i]!] = {
              final: notApplicable || f === null ? null : f / 100,
              self: s === null ? null : s / 100,
              notApplicable,
            };
          });
          const rules = { bands: DEFAULT_BANDS, notApplicable: 'reduce_max' as const };
          const before = frozenComputeUnitResult({ definition: { nodes }, itemScores, timing: t, rules });
          const sheet = computeUnitResultFromLeaves(c, { finalH, selfH, notApplicable: na }, t, rules);
          expect({ ...sheet, indicators: sheet.indicators, nodes: sheet.nodes }).toEqual(before);
          expect(JSON.stringify(sheet)).toBe(JSON.stringify(before));
          expect(indicatorSummaries(sheet)).toEqual(indicatorSummaries(before));
        },
      ),
      { numRuns: 400 },
    );
  });
});
