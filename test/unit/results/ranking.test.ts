// Ranking within a group, read against the decisions:
// - 000 Điều 9.1: "tính trên cơ sở tổng số điểm … theo thứ tự từ cao xuống thấp"; 004 II.2.a the same.
// - 001 II.4.b: the index is the percent of each unit's own max → rankBy 'percent' by default, so a
//   unit with N/A items is not pushed down for having fewer points to earn.
// - 000 Điều 9.2.e: a unit that did not report on time is in the weak group → ranked after all others.
import { describe, expect, it } from 'vitest';
import { computeUnitResult, rankGroup, type RankEntry } from '../../../src/core/results/index.ts';
import { HA_TINH_BANDS, SMALL_SET, input, na, notSubmitted, score, uniform } from './fixtures.ts';

const unit = (unitId: string, scores = uniform(0.8), timing = input(SMALL_SET, {}).timing): RankEntry => ({
  unitId,
  result: computeUnitResult(input(SMALL_SET, scores, { timing })),
});
const ranks = (entries: RankEntry[], options: Parameters<typeof rankGroup>[1] = { bands: HA_TINH_BANDS }) =>
  rankGroup(entries, options).units.map((u) => [u.unitId, u.rank]);

describe('competition ranking (1, 2, 2, 4)', () => {
  it('ranks high to low and lets equal units share a rank', () => {
    expect(
      ranks([unit('a', uniform(0.5)), unit('b', uniform(0.9)), unit('c', uniform(0.7)), unit('d', uniform(0.7))]),
    ).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('every unit at the same score: all rank 1', () => {
    const g = rankGroup(
      ['u1', 'u2', 'u3'].map((id) => unit(id)),
      { bands: HA_TINH_BANDS },
    );
    expect(g.units.map((u) => [u.rank, u.sharedBy])).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
    ]);
  });

  it('a group of one unit: rank 1', () => {
    expect(ranks([unit('only')])).toEqual([['only', 1]]);
  });

  it('an empty group: nothing to rank, an empty distribution', () => {
    const g = rankGroup([], { bands: HA_TINH_BANDS });
    expect(g.units).toEqual([]);
    expect(g.distribution.total).toBe(0);
  });
});

describe('tie-break on a named node ("higher activity-group score first")', () => {
  // Both 80/100: a has more on the foundation group 1, b more on the activity group 2.
  const a = unit('a', { '1.1': score(20), '1.2': score(20), '2.1.1': score(10), '2.1.2': score(10), '2.2': score(20) });
  const b = unit('b', { '1.1': score(10), '1.2': score(20), '2.1.1': score(10), '2.1.2': score(20), '2.2': score(20) });

  it('without a tie-break they share rank 1', () => {
    expect(ranks([a, b])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('with tie-break on node 2, b goes first and a is second, separated by node 2', () => {
    const g = rankGroup([a, b], { bands: HA_TINH_BANDS, tieBreak: ['2'] });
    expect(g.units.map((u) => [u.unitId, u.rank, u.separatedBy])).toEqual([
      ['b', 1, undefined],
      ['a', 2, '2'],
    ]);
  });

  it('still tied on every tie-break code → same rank', () => {
    const c = unit('c', {
      '1.1': score(10),
      '1.2': score(20),
      '2.1.1': score(10),
      '2.1.2': score(20),
      '2.2': score(20),
    });
    expect(ranks([b, c], { bands: HA_TINH_BANDS, tieBreak: ['2', '2.1'] })).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
  });
});

describe('percent or points', () => {
  // x: 70 of 70 applicable (2.2 N/A) = 100 %; y: 90 of 100 = 90 %.
  const x = unit('x', { ...uniform(1), '2.2': na() });
  const y = unit('y', uniform(0.9));

  it('by percent (default): the unit with an N/A item is not penalised for its smaller max', () => {
    expect(ranks([x, y])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('by points (000 Điều 9.1 to the letter): raw totals decide', () => {
    const g = rankGroup([x, y], { bands: HA_TINH_BANDS, rankBy: 'points' });
    expect(g.rankBy).toBe('points');
    expect(g.units.map((u) => [u.unitId, u.rank])).toEqual([
      ['y', 1],
      ['x', 2],
    ]);
  });
});

describe('forced lowest band and not rankable', () => {
  const late = unit('late', uniform(1), notSubmitted());
  const weak = unit('weak', uniform(0.2));
  const allNa = unit('allNa', Object.fromEntries(['1.1', '1.2', '2.1.1', '2.1.2', '2.2'].map((c) => [c, na()])));

  it('000 Điều 9.2.e: a unit that did not report ranks after every other unit, even a weaker one; N/A-only units are listed last without rank', () => {
    const g = rankGroup([allNa, late, weak, unit('good', uniform(0.95))], { bands: HA_TINH_BANDS });
    expect(g.units.map((u) => [u.unitId, u.rank, u.tier])).toEqual([
      ['good', 1, 'ranked'],
      ['weak', 2, 'ranked'],
      ['late', 3, 'forced_lowest_band'],
      ['allNa', null, 'not_rankable'],
    ]);
  });

  it('a forced unit never shares a rank with an ordinary unit of the same percent', () => {
    const g = rankGroup([unit('ok', uniform(1)), late], { bands: HA_TINH_BANDS });
    expect(g.units.map((u) => u.rank)).toEqual([1, 2]);
  });

  it('band distribution per group', () => {
    const g = rankGroup([allNa, late, weak, unit('good', uniform(0.95)), unit('mid', uniform(0.75))], {
      bands: HA_TINH_BANDS,
    });
    expect(g.distribution).toEqual({
      bands: [
        { code: 'tot', label: 'Tốt', count: 1 },
        { code: 'kha', label: 'Khá', count: 1 },
        { code: 'trung_binh', label: 'Trung bình', count: 0 },
        { code: 'yeu', label: 'Yếu', count: 2 },
      ],
      notRankable: 1,
      total: 5,
    });
  });
});
