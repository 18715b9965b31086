// One self total (issue 14 §6; docs/results-rules.md §9): the self scores through the results engine's own
// arithmetic — items held to 0…max, groups capped at their applicable max, the unit's own N/A items leave
// the max — so the form, the lists and the results agree.
import { describe, expect, it } from 'vitest';
import { computeUnitResult, selfTotalOf, type SelfItem } from '../../../src/core/results/index.ts';
import type { FrameworkDefinition } from '../../../src/core/framework/types.ts';

// 1 (max 20) = 1.1 (10) + 1.2 (10) + 1.3 (10): the group's items add up to more than the group allows.
// 2 (max 10) = 2.1 (10).
const def: Pick<FrameworkDefinition, 'nodes'> = {
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 20,
      children: [
        { code: '1.1', title: 'a', maxPoints: 10 },
        { code: '1.2', title: 'b', maxPoints: 10 },
        { code: '1.3', title: 'c', maxPoints: 10 },
      ],
    },
    { code: '2', title: 'Hạ tầng số', maxPoints: 10, children: [{ code: '2.1', title: 'd', maxPoints: 10 }] },
  ],
};
const items = (e: Record<string, number | null | 'na'>) =>
  new Map<string, SelfItem>(
    Object.entries(e).map(([code, v]) => [
      code,
      v === 'na' ? { self: null, notApplicable: true } : { self: v, notApplicable: false },
    ]),
  );

describe('the self total', () => {
  it('no answers: 0 over the full max', () => {
    expect(selfTotalOf(def, new Map())).toMatchObject({ total: 0, maxPoints: 30, applicableMax: 30, issues: [] });
  });

  it('sums the items exactly, in hundredths', () => {
    expect(selfTotalOf(def, items({ '1.1': 3.33, '2.1': 0.01 })).total).toBe(3.34);
  });

  it('a group never counts more than its max (parent cap)', () => {
    const t = selfTotalOf(def, items({ '1.1': 10, '1.2': 10, '1.3': 5, '2.1': 4 }));
    expect(t.total).toBe(24);
    expect(t.indicators).toEqual([
      { code: '1', points: 20, applicableMax: 20 },
      { code: '2', points: 4, applicableMax: 10 },
    ]);
  });

  it('an item over its max counts its max, and says so', () => {
    const t = selfTotalOf(def, items({ '2.1': 12 }));
    expect(t.total).toBe(10);
    expect(t.issues.map((i) => [i.code, i.itemCode])).toEqual([['SELF_CLAMPED', '2.1']]);
  });

  it('an item the unit marks not applicable leaves the applicable max, and the group is capped at what remains', () => {
    const t = selfTotalOf(def, items({ '1.1': 10, '1.2': 10, '1.3': 'na' }));
    expect(t).toMatchObject({ total: 10, maxPoints: 30, applicableMax: 20 });
    expect(t.indicators[0]).toEqual({ code: '1', points: 10, applicableMax: 10 });
  });

  it('everything not applicable: 0 over 0', () => {
    expect(selfTotalOf(def, items({ '1.1': 'na', '1.2': 'na', '1.3': 'na', '2.1': 'na' }))).toMatchObject({
      total: 0,
      applicableMax: 0,
    });
  });

  it('is the results engine’s self total for the same scores and N/A items', () => {
    const scores = { '1.1': 7.5, '1.2': 10, '1.3': 'na', '2.1': 11 } as const;
    const engine = computeUnitResult({
      definition: def,
      itemScores: Object.fromEntries(
        Object.entries(scores).map(([c, v]) => [
          c,
          v === 'na'
            ? { final: null, self: null, notApplicable: true }
            : { final: null, self: v, notApplicable: false },
        ]),
      ),
      timing: { kind: 'on_time', penaltyPoints: 0, lowestBand: false },
      rules: { bands: [{ code: 'x', label: 'X', minPercent: 0 }], notApplicable: 'reduce_max' },
    });
    const t = selfTotalOf(def, items(scores));
    expect([t.total, t.applicableMax]).toEqual([engine.selfTotal, engine.applicableMax]);
  });
});
