// Gap analysis and what-if: the exact points a unit still needs for a higher band (on its own applicable
// max, after the late penalty of 002 Điều 8.3), items with points still available, and recomputing band
// and rank when scores change — nothing saved.
import { describe, expect, it } from 'vitest';
import { computeUnitResult, gapAnalysis, whatIf } from '../../../src/core/results/index.ts';
import {
  HA_TINH_BANDS,
  KHANH_HOA_BANDS,
  SINGLE_1000,
  SMALL_SET,
  input,
  na,
  notSubmitted,
  score,
  submittedDaysLate,
  uniform,
} from './fixtures.ts';

const rules = { bands: HA_TINH_BANDS, notApplicable: 'reduce_max' as const };

describe('gapAnalysis', () => {
  it('899.95 / 1000 needs exactly 0.05 for Tốt', () => {
    const g = gapAnalysis(computeUnitResult(input(SINGLE_1000, { '1.1': score(899.95) })), rules);
    expect(g.nextBand).toMatchObject({
      band: { code: 'tot' },
      targetAfterPenalty: 900,
      pointsNeeded: 0.05,
      reachable: true,
    });
    expect(g.headroom).toBe(100.05);
  });

  it('on an applicable max of 70 (one item N/A) Tốt needs 63 points', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(0.5), '2.2': na() }));
    const g = gapAnalysis(r, rules);
    expect(g.nextBand).toMatchObject({ band: { code: 'kha' }, targetAfterPenalty: 49, pointsNeeded: 14 });
    expect(g.targets.map((t) => [t.band.code, t.pointsNeeded])).toEqual([
      ['kha', 14],
      ['tot', 28],
    ]);
  });

  it('a bound that is not a whole hundredth rounds the target up: 85 % of 33.33 is 28.3305 → 28.34', () => {
    const def = {
      nodes: [{ code: '1', title: 'A', maxPoints: 33.33, children: [{ code: '1.1', title: 'a', maxPoints: 33.33 }] }],
    };
    const g = gapAnalysis(computeUnitResult(input(def, { '1.1': score(20) }, { bands: KHANH_HOA_BANDS })), {
      bands: KHANH_HOA_BANDS,
      notApplicable: 'reduce_max',
    });
    expect(g.targets.at(-1)).toMatchObject({ band: { code: 'tot' }, targetAfterPenalty: 28.34, pointsNeeded: 8.34 });
  });

  it('5 days late: the 100-point penalty must be earned back too', () => {
    const r = computeUnitResult(
      input(SINGLE_1000, { '1.1': score(850) }, { bands: KHANH_HOA_BANDS, timing: submittedDaysLate(5) }),
    );
    expect(r.band?.code).toBe('kha');
    const g = gapAnalysis(r, { bands: KHANH_HOA_BANDS, notApplicable: 'reduce_max' });
    expect(g.nextBand).toMatchObject({
      band: { code: 'tot' },
      targetAfterPenalty: 850,
      pointsNeeded: 100,
      reachable: true,
    });
  });

  it('unreachable when the remaining points cannot cover the penalty and the bound', () => {
    const r = computeUnitResult(
      input(SINGLE_1000, { '1.1': score(950) }, { bands: HA_TINH_BANDS, timing: submittedDaysLate(1) }),
    );
    const g = gapAnalysis(r, rules);
    expect(g.nextBand).toMatchObject({ band: { code: 'tot' }, pointsNeeded: 50, reachable: true });
    // On a 500-point set, 440 − 100 = 340 (68 %): Khá is 10 away, Tốt would need 450 + 100 > 500.
    const SINGLE_500 = {
      nodes: [{ code: '1', title: 'A', maxPoints: 500, children: [{ code: '1.1', title: 'a', maxPoints: 500 }] }],
    };
    const g2 = gapAnalysis(
      computeUnitResult(input(SINGLE_500, { '1.1': score(440) }, { timing: submittedDaysLate(1) })),
      rules,
    );
    expect(g2.targets.map((t) => [t.band.code, t.pointsNeeded, t.reachable])).toEqual([
      ['kha', 10, true],
      ['tot', 110, false],
    ]);
  });

  it('top band, forced lowest band and not rankable have no target', () => {
    expect(gapAnalysis(computeUnitResult(input(SMALL_SET, uniform(1))), rules).blockedBy).toBe('top_band');
    expect(
      gapAnalysis(computeUnitResult(input(SMALL_SET, uniform(1), { timing: notSubmitted() })), rules).blockedBy,
    ).toBe('forced_lowest_band');
    const allNa = Object.fromEntries(['1.1', '1.2', '2.1.1', '2.1.2', '2.2'].map((c) => [c, na()]));
    expect(gapAnalysis(computeUnitResult(input(SMALL_SET, allNa)), rules).blockedBy).toBe('not_rankable');
  });

  it('items by points still available, N/A items excluded, group headroom applied', () => {
    const r = computeUnitResult(
      input(SMALL_SET, { '1.1': score(20), '1.2': na(), '2.1.1': score(0), '2.1.2': score(5), '2.2': score(10) }),
    );
    expect(gapAnalysis(r, rules).items).toEqual([
      { code: '2.2', available: 20, effective: 20 },
      { code: '2.1.2', available: 15, effective: 15 },
      { code: '2.1.1', available: 10, effective: 10 },
    ]);
  });
});

describe('whatIf', () => {
  const base = input(SMALL_SET, uniform(0.85));
  const others = [0.9, 0.88, 0.8].map((f, i) => ({
    unitId: `o${i}`,
    result: computeUnitResult(input(SMALL_SET, uniform(f))),
  }));

  it('recomputes band and rank without touching the input', () => {
    const w = whatIf(
      base,
      { '2.2': { final: 30 }, '2.1.2': { final: 20 } },
      { unitId: 'me', group: others, options: { bands: HA_TINH_BANDS } },
    );
    expect([w.before.band?.code, w.after.band?.code, w.bandChanged]).toEqual(['kha', 'tot', true]);
    expect([w.rankBefore, w.rankAfter]).toEqual([3, 1]);
    expect((base.itemScores as Record<string, { final: number }>)['2.2']!.final).toBe(25.5);
  });

  it('marking an item not applicable is a change like any other', () => {
    const w = whatIf(base, { '2.2': { notApplicable: true } });
    expect(w.after.applicableMax).toBe(70);
    expect(w.rankAfter).toBeNull();
  });
});
