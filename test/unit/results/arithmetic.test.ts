// The arithmetic over leaf arrays (computeUnitResultFromLeaves: leaf arrays in, lazily built nodes, what
// the score sheets feed) equals computeUnitResult (the per-item adapter over the same arithmetic) on
// random index sets and scores: nulls (unappraised), N/A items (reduce_max), scores outside 0…max
// (clamped and reported), groups whose items add up to more than the group allows, late penalties,
// forced and refused timings. Scores are whole hundredths, as the score sheets hold them (a score with
// more decimals makes its sheet irregular: score-sheets.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../../src/core/campaign/index.ts';
import type { FrameworkNode } from '../../../src/core/framework/index.ts';
import {
  type ItemScoreInput,
  NO_SCORE_H,
  type TimingInput,
  compileDefinition,
  computeUnitResult,
  computeUnitResultFromLeaves,
  indicatorSummaries,
} from '../../../src/core/results/index.ts';

/** A score in hundredths of a point, or none. */
const score = fc.oneof(fc.constant(null), fc.integer({ min: -200, max: 1500 }));
const timing: fc.Arbitrary<TimingInput> = fc.oneof(
  fc.constant({ kind: 'on_time' as const, penaltyPoints: 0, lowestBand: false }),
  fc.integer({ min: 0, max: 300 }).map((p) => ({ kind: 'late' as const, penaltyPoints: p / 2, lowestBand: false })),
  fc.constant({ kind: 'not_submitted' as const, penaltyPoints: 0, lowestBand: true }),
  fc.constant({ kind: 'late_beyond_tolerance' as const, penaltyPoints: 0, lowestBand: false, refused: true }),
);

// A set of 1–4 main indicators, each with items or sub-groups; group maxima sometimes below the sum.
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

describe('computeUnitResultFromLeaves', () => {
  it('equals computeUnitResult on random inputs (nodes included)', () => {
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
          const reference = computeUnitResult({ definition: { nodes }, itemScores, timing: t, rules });
          const fast = computeUnitResultFromLeaves(c, { finalH, selfH, notApplicable: na }, t, rules);
          expect({ ...fast, indicators: fast.indicators, nodes: fast.nodes }).toEqual(reference);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
          expect(indicatorSummaries(fast)).toEqual(indicatorSummaries(reference));
        },
      ),
      { numRuns: 400 },
    );
  });
});
