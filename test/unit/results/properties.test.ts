// Properties over random index sets and scores (fast-check):
// - the percent never exceeds 100 when every final is within its item's max (N/A items and capped
//   groups included);
// - adding points to an item never lowers the unit's band;
// - ranks form a valid competition ranking (1, 2, 2, 4) that follows the exact percent;
// - neither the order of the units nor the order of the item scores changes anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameworkNode } from '../../../src/core/framework/index.ts';
import {
  bandOrder,
  comparePercent,
  computeUnitResult,
  percentHundredths,
  rankGroup,
  type ItemScoreInput,
  type TimingInput,
} from '../../../src/core/results/index.ts';
import { HA_TINH_BANDS, KHANH_HOA_BANDS, input } from './fixtures.ts';

interface Case {
  nodes: FrameworkNode[];
  leaves: { code: string; maxH: number }[];
}

/** 1–4 main indicators of 1–5 items; a group's max is the sum of its items, or less (then it caps). */
const arbSet: fc.Arbitrary<Case> = fc
  .array(fc.tuple(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }), fc.boolean()), {
    minLength: 1,
    maxLength: 4,
  })
  .map((groups) => {
    const leaves: Case['leaves'] = [];
    const nodes = groups.map(([maxima, capped], g): FrameworkNode => {
      const children = maxima.map((maxH, i) => {
        const code = `${g + 1}.${i + 1}`;
        leaves.push({ code, maxH });
        return { code, title: code, maxPoints: maxH / 100 };
      });
      const sum = maxima.reduce((s, x) => s + x, 0);
      return {
        code: String(g + 1),
        title: String(g + 1),
        maxPoints: (capped ? Math.max(1, Math.floor(sum * 0.8)) : sum) / 100,
        children,
      };
    });
    return { nodes, leaves };
  });

/** For each item: a fraction of its max (in [0,1]) and whether it is N/A. */
const arbScores = (c: Case) =>
  fc
    .tuple(...c.leaves.map(() => fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 9 }))))
    .map((xs) => {
      const scores: Record<string, ItemScoreInput> = {};
      c.leaves.forEach((l, i) => {
        const [permille, naRoll] = xs[i]!;
        const finalH = Math.floor((l.maxH * permille) / 1000);
        scores[l.code] = { final: finalH / 100, self: finalH / 100, notApplicable: naRoll === 0 };
      });
      return scores;
    });

const arbCase = arbSet.chain((c) => fc.tuple(fc.constant(c), arbScores(c)));
const arbTiming: fc.Arbitrary<TimingInput> = fc.oneof(
  fc.constant<TimingInput>({ kind: 'on_time', penaltyPoints: 0, lowestBand: false }),
  fc
    .integer({ min: 0, max: 20000 })
    .map((h): TimingInput => ({ kind: 'late', penaltyPoints: h / 100, lowestBand: false })),
);

describe('properties', () => {
  it('percent ≤ 100 when every final is within its max', () => {
    fc.assert(
      fc.property(arbCase, arbTiming, ([c, scores], timing) => {
        const r = computeUnitResult(input({ nodes: c.nodes }, scores, { timing }));
        if (r.percent) {
          expect(r.percent.numerator).toBeLessThanOrEqual(r.percent.denominator);
          expect(r.percent.numerator).toBeGreaterThanOrEqual(0);
        } else expect(r.status).toBe('not_rankable');
        for (const ind of r.indicators)
          if (ind.percent) expect(ind.percent.numerator).toBeLessThanOrEqual(ind.percent.denominator);
      }),
      { numRuns: 300 },
    );
  });

  it('adding points to an item never lowers the band', () => {
    fc.assert(
      fc.property(
        arbCase,
        arbTiming,
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        ([c, scores], timing, pick, addH, kh) => {
          const bands = kh ? KHANH_HOA_BANDS : HA_TINH_BANDS;
          const leaf = c.leaves[pick % c.leaves.length]!;
          const old = scores[leaf.code]!;
          const raised = Math.min(leaf.maxH, Math.round((old.final ?? 0) * 100) + addH) / 100;
          const before = computeUnitResult(input({ nodes: c.nodes }, scores, { bands, timing }));
          const after = computeUnitResult(
            input({ nodes: c.nodes }, { ...scores, [leaf.code]: { ...old, final: raised } }, { bands, timing }),
          );
          expect(bandOrder(after.band, bands)).toBeLessThanOrEqual(bandOrder(before.band, bands));
          expect(after.finalAfterPenalty).toBeGreaterThanOrEqual(before.finalAfterPenalty);
        },
      ),
      { numRuns: 300 },
    );
  });

  const arbGroup = arbSet.chain((c) =>
    fc.tuple(
      fc.constant(c),
      fc.array(fc.tuple(arbScores(c), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 12 }),
    ),
  );

  it('ranks are a valid competition ranking following the exact percent', () => {
    fc.assert(
      fc.property(arbGroup, ([c, units]) => {
        const entries = units.map(([scores, roll], i) => ({
          unitId: `u${i}`,
          result: computeUnitResult(
            input({ nodes: c.nodes }, scores, {
              timing: { kind: roll === 0 ? 'not_submitted' : 'on_time', penaltyPoints: 0, lowestBand: roll === 0 },
            }),
          ),
        }));
        const g = rankGroup(entries, { bands: HA_TINH_BANDS });
        const ranked = g.units.filter((u) => u.rank !== null);
        ranked.forEach((u, i) => {
          if (i === 0) return expect(u.rank).toBe(1);
          const prev = ranked[i - 1]!;
          if (u.rank === prev.rank) {
            expect(u.tier).toBe(prev.tier);
            if (u.result.percent && prev.result.percent)
              expect(comparePercent(u.result.percent, prev.result.percent)).toBe(0);
          } else {
            expect(u.rank).toBe(i + 1);
            if (u.tier === prev.tier && u.result.percent && prev.result.percent)
              expect(comparePercent(u.result.percent, prev.result.percent)).toBe(-1);
          }
        });
        // Not-rankable units come last, every one without a rank.
        const firstNone = g.units.findIndex((u) => u.rank === null);
        if (firstNone >= 0)
          expect(g.units.slice(firstNone).every((u) => u.rank === null && u.tier === 'not_rankable')).toBe(true);
        expect(g.distribution.total).toBe(entries.length);
      }),
      { numRuns: 200 },
    );
  });

  it('the order of units and of item scores changes nothing', () => {
    fc.assert(
      fc.property(arbGroup, fc.integer(), ([c, units], seed) => {
        const entries = units.map(([scores], i) => ({
          unitId: `u${i}`,
          result: computeUnitResult(input({ nodes: c.nodes }, scores)),
        }));
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = rankGroup(entries, { bands: HA_TINH_BANDS }).units.map((u) => [u.unitId, u.rank]);
        const b = rankGroup(shuffle(entries), { bands: HA_TINH_BANDS }).units.map((u) => [u.unitId, u.rank]);
        expect(b).toEqual(a);
        const [scores] = units[0]!;
        const reordered = Object.fromEntries(shuffle(Object.entries(scores)));
        const r1 = computeUnitResult(input({ nodes: c.nodes }, scores));
        const r2 = computeUnitResult(input({ nodes: c.nodes }, new Map(Object.entries(reordered))));
        expect(r2).toEqual(r1);
        if (r1.percent) expect(percentHundredths(r1.percent)).toBeLessThanOrEqual(10000);
      }),
      { numRuns: 200 },
    );
  });
});
