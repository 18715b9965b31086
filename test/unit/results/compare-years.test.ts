// Year over year (001 I.1.2: "so sánh giữa các năm với nhau"), under the one comparability rule
// (comparability.ts), through the node mapping between the two index-set versions; never by a code that
// merely looks the same.
import { describe, expect, it } from 'vitest';
import {
  compareWithPredecessors,
  compareYears,
  computeUnitResult,
  identityPairs,
  pairsFromProposal,
  rankGroup,
} from '../../../src/core/results/index.ts';
import { proposeMapping } from '../../../src/core/framework/index.ts';
import { HA_TINH_BANDS, SMALL_SET, group, input, leaf, score, uniform } from './fixtures.ts';

// The next version renumbers and splits: old "2" (Hoạt động) is now "3"; "2" is a new indicator.
const NEXT_SET = {
  nodes: [
    group('1', 40, [leaf('1.1', 20), leaf('1.2', 20)]),
    { ...group('2', 20, [leaf('2.1', 20)]), title: 'Dữ liệu số' },
    { ...group('3', 60, [leaf('3.1', 30), leaf('3.2', 30)]), title: 'Chỉ số 2' },
  ],
};
const prevResults = new Map([
  ['a', computeUnitResult(input(SMALL_SET, uniform(0.5)))],
  ['b', computeUnitResult(input(SMALL_SET, uniform(0.8)))],
  ['gone', computeUnitResult(input(SMALL_SET, uniform(0.8)))],
]);
const next = (f: number) =>
  computeUnitResult(
    input(NEXT_SET, {
      '1.1': score(20 * f),
      '1.2': score(20 * f),
      '2.1': score(20 * f),
      '3.1': score(30 * f),
      '3.2': score(30 * f),
    }),
  );
const curResults = new Map([
  ['a', next(0.9)],
  ['b', next(0.6)],
  ['new', next(0.7)],
]);
const rank = (m: Map<string, ReturnType<typeof computeUnitResult>>) =>
  rankGroup(
    [...m].map(([unitId, result]) => ({ unitId, result })),
    { bands: HA_TINH_BANDS },
  );
const current = { results: curResults, ranking: rank(curResults), kind: 'annual' };
const previous = { results: prevResults, ranking: rank(prevResults), kind: 'annual' };

describe('compareYears', () => {
  it('two index-set versions without a confirmed mapping: nothing compares — no delta, the reason given', () => {
    const c = compareYears(current, previous, [], 'none');
    const a = c.units.find((u) => u.unitId === 'a')!;
    expect(a).toMatchObject({ comparable: false, reason: 'different_index_set', deltaPercent: null, deltaRank: null });
    // The figures of each year stay visible; only the delta is withheld.
    expect([a.previousPercent, a.currentPercent]).toEqual([50, 90]);
    expect(a.indicators.map((i) => [i.code, i.comparable, i.reason])).toEqual([
      ['1', false, 'different_index_set'],
      ['2', false, 'different_index_set'],
      ['3', false, 'different_index_set'],
    ]);
  });

  it('with a confirmed mapping that leaves every node out, the percent compares but no indicator does — not even "1"', () => {
    const c = compareYears(current, previous, [], 'confirmed');
    const a = c.units.find((u) => u.unitId === 'a')!;
    expect([a.previousPercent, a.currentPercent, a.deltaPercent]).toEqual([50, 90, 40]);
    expect(a.indicators.map((i) => [i.code, i.comparable, i.reason])).toEqual([
      ['1', false, 'no_mapping'],
      ['2', false, 'no_mapping'],
      ['3', false, 'no_mapping'],
    ]);
  });

  it('a progress round is never compared with a ranked year', () => {
    const c = compareYears({ ...current, kind: 'progress' }, previous, [{ fromCode: '1', toCode: '1' }], 'confirmed');
    expect(c.units.find((u) => u.unitId === 'a')).toMatchObject({
      comparable: false,
      reason: 'progress_round',
      params: { side: 'current' },
      deltaPercent: null,
    });
  });

  it('through an explicit mapping: 1 → 1 and 2 → 3; the new indicator 2 is not comparable', () => {
    const c = compareYears(
      current,
      previous,
      [
        { fromCode: '1', toCode: '1' },
        { fromCode: '2', toCode: '3' },
      ],
      'confirmed',
    );
    const b = c.units.find((u) => u.unitId === 'b')!;
    expect(b.indicators.map((i) => [i.code, i.previousCode, i.comparable, i.deltaPercent])).toEqual([
      ['1', '1', true, -20],
      ['2', null, false, null],
      ['3', '2', true, -20],
    ]);
  });

  it('rank deltas only within the same group composition on the same index set: previous − current', () => {
    // Same three units both years ("gone" left and "new" came in another pair of years), same set.
    const same = new Map([...curResults].filter(([id]) => id !== 'new'));
    const then = new Map([...prevResults].filter(([id]) => id !== 'gone'));
    const sameSet = (m: typeof curResults) => ({ results: m, ranking: rank(m), kind: 'annual' });
    const c = compareYears(sameSet(same), sameSet(then), [{ fromCode: '1', toCode: '1' }], 'identity');
    const byId = Object.fromEntries(c.units.map((u) => [u.unitId, [u.previousRank, u.currentRank, u.deltaRank]]));
    expect(byId).toEqual({ a: [2, 1, 1], b: [1, 2, -1] });
  });

  it('a group that ranked other units the other year gives no rank delta, with the reason', () => {
    const c = compareYears(current, previous, [], 'identity');
    const a = c.units.find((u) => u.unitId === 'a')!;
    expect([a.previousRank, a.currentRank, a.deltaRank]).toEqual([3, 1, null]);
    expect(a.rank).toEqual({
      comparable: false,
      reason: 'different_group',
      params: { currentUnits: 3, previousUnits: 3 },
    });
    // The percent still compares: the composition of the group says nothing about the unit's own score.
    expect(a.deltaPercent).toBe(40);
  });

  it('new units are not comparable (no_result); units gone are listed', () => {
    const c = compareYears(current, previous, [], 'identity');
    expect(c.units.find((u) => u.unitId === 'new')).toMatchObject({
      comparable: false,
      reason: 'no_result',
      params: { side: 'previous' },
      source: 'none',
    });
    expect(c.droppedUnits).toEqual(['gone']);
  });

  it("a merged unit compares with its predecessors' derived figure: percent only, never indicators or rank", () => {
    const u = compareWithPredecessors('new', current, 'annual', 62.5, 'identity');
    expect(u).toMatchObject({ source: 'predecessors', comparable: true, previousPercent: 62.5, deltaPercent: 7.5 });
    expect(u.rank).toEqual({ comparable: false, reason: 'from_predecessors' });
    expect(u.indicators.every((i) => !i.comparable && i.reason === 'from_predecessors')).toBe(true);
    expect(compareWithPredecessors('new', current, 'annual', 62.5, 'none')).toMatchObject({
      comparable: false,
      reason: 'different_index_set',
      deltaPercent: null,
    });
  });

  it('two old nodes mapped onto one new node are not combined silently', () => {
    const c = compareYears(
      current,
      previous,
      [
        { fromCode: '1', toCode: '3' },
        { fromCode: '2', toCode: '3' },
      ],
      'confirmed',
    );
    expect(c.units[0]!.indicators[2]).toMatchObject({ code: '3', comparable: false, reason: 'ambiguous_mapping' });
  });

  it('identityPairs for the same version; pairsFromProposal keeps only accepted pairs', () => {
    expect(identityPairs(SMALL_SET).length).toBe(8);
    const pairs = pairsFromProposal(proposeMapping(SMALL_SET, NEXT_SET));
    expect(pairs.every((p) => p.fromCode && p.toCode)).toBe(true);
    expect(pairs).toContainEqual({ fromCode: '1', toCode: '1' });
  });
});
