// The one comparability rule of year over year (001 I.1.2; issue 14 §2; docs/results-rules.md §8):
// overall percent only between ranked annual assessments (the unit's own, or its predecessors') on the
// same index set or two versions joined by a confirmed mapping; rank only within the same group
// composition on the same index set; otherwise "not comparable" with the reason — never a delta.
import { describe, expect, it } from 'vitest';
import {
  type YearStanding,
  derivedStanding,
  overallComparability,
  ownStanding,
  rankComparability,
} from '../../../src/core/results/index.ts';

const GROUP = ['a', 'b', 'c'];
/** The unit "a", ranked `rank` in a group of `group`, in an annual campaign unless said otherwise. */
const year = (over: Partial<YearStanding> = {}): YearStanding => ({
  ...ownStanding(
    'annual',
    { status: 'rankable', percent: { numerator: 1, denominator: 2 }, timing: { kind: 'on_time' } },
    2,
    GROUP,
  ),
  ...over,
});

describe('overall percent', () => {
  it('two ranked annual assessments of the unit on the same index set compare', () => {
    expect(overallComparability(year(), year(), 'identity')).toEqual({ comparable: true });
  });

  it('two index-set versions compare only through a confirmed mapping', () => {
    expect(overallComparability(year(), year(), 'confirmed')).toEqual({ comparable: true });
    expect(overallComparability(year(), year(), 'none')).toEqual({ comparable: false, reason: 'different_index_set' });
  });

  it('a progress round on either side is never compared (it is never ranked), whatever the index sets', () => {
    expect(overallComparability(year({ campaignKind: 'progress' }), year(), 'identity')).toEqual({
      comparable: false,
      reason: 'progress_round',
      params: { side: 'current' },
    });
    expect(overallComparability(year(), year({ campaignKind: 'progress' }), 'identity')).toMatchObject({
      reason: 'progress_round',
      params: { side: 'previous' },
    });
  });

  it('no result the other year, no submission, or a result that is not rankable: not comparable, side named', () => {
    const none = ownStanding('annual', null, null, GROUP);
    expect(overallComparability(year(), none, 'identity')).toMatchObject({
      reason: 'no_result',
      params: { side: 'previous' },
    });
    expect(overallComparability(year(), year({ timing: 'not_submitted' }), 'identity')).toMatchObject({
      reason: 'not_submitted',
      params: { side: 'previous' },
    });
    expect(overallComparability(year({ status: 'not_rankable', hasPercent: false }), year(), 'identity')).toMatchObject(
      {
        reason: 'not_rankable',
        params: { side: 'current' },
      },
    );
  });

  it('a late submission forced to the lowest band is still an assessment: it compares', () => {
    const late = year({ status: 'forced_lowest_band', timing: 'late_beyond_tolerance' });
    expect(overallComparability(year(), late, 'identity').comparable).toBe(true);
  });

  it("a merged unit compares with its predecessors' derived figure under the same index-set condition", () => {
    expect(overallComparability(year(), derivedStanding('annual', 62.5), 'identity')).toEqual({ comparable: true });
    expect(overallComparability(year(), derivedStanding('annual', 62.5), 'none')).toMatchObject({
      reason: 'different_index_set',
    });
    // No predecessor with data: nothing to compare with (never 0).
    expect(overallComparability(year(), derivedStanding('annual', null), 'identity')).toMatchObject({
      reason: 'no_result',
    });
  });
});

describe('rank', () => {
  it('compares within the same group composition on the same index set', () => {
    expect(rankComparability(year({ rank: 1 }), year({ rank: 3 }), 'identity')).toEqual({ comparable: true });
    // The same members listed in another order are the same composition.
    expect(rankComparability(year(), year({ group: ['c', 'b', 'a'] }), 'identity').comparable).toBe(true);
  });

  it('not when the group ranked other units (23 communes now, 216 then; or one unit swapped)', () => {
    expect(rankComparability(year(), year({ group: ['a', 'b', 'd'] }), 'identity')).toEqual({
      comparable: false,
      reason: 'different_group',
      params: { currentUnits: 3, previousUnits: 3 },
    });
    const many = Array.from({ length: 216 }, (_, i) => `u${i}`);
    expect(rankComparability(year(), year({ group: ['a', ...many] }), 'identity')).toMatchObject({
      reason: 'different_group',
      params: { currentUnits: 3, previousUnits: 217 },
    });
  });

  it('not across two index-set versions, even when a mapping makes the percents comparable', () => {
    expect(rankComparability(year(), year(), 'confirmed')).toEqual({ comparable: false, reason: 'index_set_changed' });
  });

  it('not when the years themselves do not compare (the overall reason is given)', () => {
    expect(rankComparability(year(), year(), 'none')).toMatchObject({ reason: 'different_index_set' });
    expect(rankComparability(year(), year({ campaignKind: 'progress' }), 'identity')).toMatchObject({
      reason: 'progress_round',
    });
  });

  it('never against a figure derived from predecessors, nor when a side has no rank', () => {
    expect(rankComparability(year(), derivedStanding('annual', 70), 'identity')).toEqual({
      comparable: false,
      reason: 'from_predecessors',
    });
    expect(rankComparability(year({ rank: null }), year(), 'identity')).toMatchObject({
      reason: 'not_ranked',
      params: { side: 'current' },
    });
  });
});
