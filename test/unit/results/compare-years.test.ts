// Year over year (001 I.1.2: "so sánh giữa các năm với nhau"), through the node mapping between the two
// index-set versions; never by a code that merely looks the same.
import { describe, expect, it } from 'vitest';
import {
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
const current = { results: curResults, ranking: rank(curResults) };
const previous = { results: prevResults, ranking: rank(prevResults) };

describe('compareYears', () => {
  it('with no mapping at all, no indicator is comparable — not even "1", whose code did not change', () => {
    const c = compareYears(current, previous, []);
    const a = c.units.find((u) => u.unitId === 'a')!;
    expect(a.indicators.map((i) => [i.code, i.comparable, i.reason])).toEqual([
      ['1', false, 'no_mapping'],
      ['2', false, 'no_mapping'],
      ['3', false, 'no_mapping'],
    ]);
    // The overall percent is relative to each year's max: it stays comparable.
    expect([a.previousPercent, a.currentPercent, a.deltaPercent]).toEqual([50, 90, 40]);
  });

  it('through an explicit mapping: 1 → 1 and 2 → 3; the new indicator 2 is not comparable', () => {
    const c = compareYears(current, previous, [
      { fromCode: '1', toCode: '1' },
      { fromCode: '2', toCode: '3' },
    ]);
    const b = c.units.find((u) => u.unitId === 'b')!;
    expect(b.indicators.map((i) => [i.code, i.previousCode, i.comparable, i.deltaPercent])).toEqual([
      ['1', '1', true, -20],
      ['2', null, false, null],
      ['3', '2', true, -20],
    ]);
  });

  it('rank deltas: previous rank − current rank (positive = moved up)', () => {
    const c = compareYears(current, previous, []);
    const byId = Object.fromEntries(c.units.map((u) => [u.unitId, [u.previousRank, u.currentRank, u.deltaRank]]));
    expect(byId).toEqual({ a: [3, 1, 2], b: [1, 3, -2], new: [null, 2, null] });
  });

  it('new units are not comparable; units gone are listed', () => {
    const c = compareYears(current, previous, []);
    expect(c.units.find((u) => u.unitId === 'new')!.comparable).toBe(false);
    expect(c.droppedUnits).toEqual(['gone']);
  });

  it('two old nodes mapped onto one new node are not combined silently', () => {
    const c = compareYears(current, previous, [
      { fromCode: '1', toCode: '3' },
      { fromCode: '2', toCode: '3' },
    ]);
    expect(c.units[0]!.indicators[2]).toMatchObject({ code: '3', comparable: false, reason: 'ambiguous_mapping' });
  });

  it('identityPairs for the same version; pairsFromProposal keeps only accepted pairs', () => {
    expect(identityPairs(SMALL_SET).length).toBe(8);
    const pairs = pairsFromProposal(proposeMapping(SMALL_SET, NEXT_SET));
    expect(pairs.every((p) => p.fromCode && p.toCode)).toBe(true);
    expect(pairs).toContainEqual({ fromCode: '1', toCode: '1' });
  });
});
