// One unit's result, read against the decisions:
// - 000 (Hà Tĩnh 2878) Điều 9.2: Tốt "từ 90% trở lên", Khá "từ 70% đến dưới 90%", Trung bình "từ 50%
//   đến dưới 70%", Yếu "dưới 50%" — inclusive lower bounds on the exact percent.
// - 002 (Khánh Hòa 1278) Điều 8.1: the same with 85 %; 8.3: up to 5 days late, "tổng số điểm bị trừ đi
//   100"; 8.4: later, or not sent → Yếu.
// - 000 Điều 8.4.b: items not assessed are deducted from the max, or replaced by another indicator.
// - 001 (Tuần Giáo) II.4.a–b: the score is the council's; the index is the percent of the unit's own max.
import { describe, expect, it } from 'vitest';
import { computeUnitResult, displayPercent, percentValue } from '../../../src/core/results/index.ts';
import {
  HA_TINH_BANDS,
  KHANH_HOA_BANDS,
  SINGLE_1000,
  SMALL_SET,
  group,
  input,
  leaf,
  na,
  notSubmitted,
  score,
  submittedDaysLate,
  uniform,
} from './fixtures.ts';

const bandOf = (final: number, bands = HA_TINH_BANDS) =>
  computeUnitResult(input(SINGLE_1000, { '1.1': score(final) }, { bands })).band?.label;

describe('Hà Tĩnh 2878 Điều 9.2: bands 90 / 70 / 50, at and just below each bound', () => {
  it.each([
    [1000, 'Tốt'],
    [900, 'Tốt'], // exactly 90 % → "từ 90% trở lên"
    [899.95, 'Khá'], // 89.995 % is below 90 % although it displays as 90,00 %
    [700, 'Khá'],
    [699.95, 'Trung bình'],
    [500, 'Trung bình'],
    [499.95, 'Yếu'],
    [0, 'Yếu'],
  ])('%s / 1000 → %s', (final, label) => expect(bandOf(final)).toBe(label));

  it('89.995 % displays rounded to 90 but is classified on the exact fraction', () => {
    const r = computeUnitResult(input(SINGLE_1000, { '1.1': score(899.95) }));
    expect(displayPercent(r.percent)).toBe(90);
    expect(r.percent).toEqual({ numerator: 89995, denominator: 100000 });
    expect(r.band?.code).toBe('kha');
  });
});

describe('Khánh Hòa 1278 Điều 8.1: bands 85 / 70 / 50', () => {
  it.each([
    [850, 'Tốt'],
    [849.95, 'Khá'],
    [700, 'Khá'],
    [699.95, 'Trung bình'],
    [500, 'Trung bình'],
    [499.95, 'Yếu'],
  ])('%s / 1000 → %s', (final, label) => expect(bandOf(final, KHANH_HOA_BANDS)).toBe(label));
});

describe('Khánh Hòa 1278 Điều 8.3–8.4: late and missing submissions', () => {
  const kh = (final: number, timing = submittedDaysLate(0)) =>
    computeUnitResult(input(SINGLE_1000, { '1.1': score(final) }, { bands: KHANH_HOA_BANDS, timing }));

  it('5 days late: the total loses 100 points, and the band follows the reduced total', () => {
    const r = kh(900, submittedDaysLate(5));
    expect(r.timing.kind).toBe('late');
    expect(r.finalTotal).toBe(900);
    expect(r.penaltyApplied).toBe(100);
    expect(r.finalAfterPenalty).toBe(800);
    expect(r.band?.label).toBe('Khá');
    expect(r.status).toBe('rankable');
  });

  it('the penalty is on the total only: main indicators keep their appraised points', () => {
    const r = kh(900, submittedDaysLate(5));
    expect(r.indicators[0]!.final).toBe(900);
  });

  it('6 days late: Yếu whatever the points; the band the score would give is still shown', () => {
    const r = kh(1000, submittedDaysLate(6));
    expect(r.status).toBe('forced_lowest_band');
    expect(r.band?.label).toBe('Yếu');
    expect(r.bandByScore?.label).toBe('Tốt');
    expect(r.penaltyApplied).toBe(0);
  });

  it('not sent: Yếu', () => {
    const r = kh(0, notSubmitted());
    expect(r.status).toBe('forced_lowest_band');
    expect(r.band?.label).toBe('Yếu');
  });

  it('a penalty larger than the total gives 0, not a negative total', () => {
    const r = kh(60, submittedDaysLate(2));
    expect(r.penaltyApplied).toBe(60);
    expect(r.finalAfterPenalty).toBe(0);
    expect(percentValue(r.percent!)).toBe(0);
    expect(r.band?.label).toBe('Yếu');
  });

  it('a refused submission (campaign option) is not rankable rather than silently ranked', () => {
    const r = computeUnitResult(
      input(
        SINGLE_1000,
        { '1.1': score(900) },
        { timing: { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: false, refused: true } },
      ),
    );
    expect(r.status).toBe('not_rankable');
    expect(r.notRankableReason).toBe('refused');
    expect(r.band).toBeNull();
  });
});

describe('totals: exact sums in hundredths, groups capped', () => {
  it('100 items of 0.1 add up to exactly 10', () => {
    const items = Array.from({ length: 100 }, (_, i) => leaf(`1.${i + 1}`, 1));
    const def = { nodes: [group('1', 100, items)] };
    const scores = Object.fromEntries(items.map((l) => [l.code, score(0.1)]));
    const r = computeUnitResult(input(def, scores));
    expect(r.finalTotal).toBe(10);
    expect(r.percent).toEqual({ numerator: 1000, denominator: 10000 });
  });

  it('self and final are totalled separately, per main indicator and overall', () => {
    const r = computeUnitResult(
      input(SMALL_SET, {
        '1.1': score(20, 20),
        '1.2': score(10, 15),
        '2.1.1': score(5, 10),
        '2.1.2': score(20, 20),
        '2.2': score(15.5, 30),
      }),
    );
    expect(r.indicators.map((i) => [i.code, i.self, i.final, i.max, i.applicableMax])).toEqual([
      ['1', 35, 30, 40, 40],
      ['2', 60, 40.5, 60, 60],
    ]);
    expect(r.selfTotal).toBe(95);
    expect(r.finalTotal).toBe(70.5);
    expect(r.nodes['2.1']).toMatchObject({ final: 25, max: 30 });
    expect(r.band?.label).toBe('Khá');
  });

  it('a group never exceeds its max even when its items add up to more', () => {
    const def = { nodes: [group('1', 10, [leaf('1.1', 6), leaf('1.2', 6)])] };
    const r = computeUnitResult(input(def, { '1.1': score(6), '1.2': score(6) }));
    expect(r.finalTotal).toBe(10);
    expect(displayPercent(r.percent)).toBe(100);
  });

  it('an item not yet appraised counts 0 and makes the result provisional', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(1), '2.2': score(null, 30) }));
    expect(r.finalTotal).toBe(70);
    expect(r.complete).toBe(false);
    expect(r.unappraisedCodes).toEqual(['2.2']);
  });

  it('a score above the item max is clamped and reported, never counted in full', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(1), '1.1': score(25) }));
    expect(r.finalTotal).toBe(100);
    expect(r.issues.map((i) => i.code)).toContain('FINAL_CLAMPED');
  });
});

describe('000 Điều 8.4.b: items not assessed', () => {
  it('reduce_max: the item leaves the applicable max of its groups and of the total', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(1), '2.2': na() }));
    expect(r.maxPoints).toBe(100);
    expect(r.applicableMax).toBe(70);
    expect(r.finalTotal).toBe(70);
    expect(r.percent).toEqual({ numerator: 7000, denominator: 7000 });
    expect(r.indicators[1]).toMatchObject({ max: 60, applicableMax: 30, final: 30 });
    expect(r.band?.label).toBe('Tốt');
    expect(r.notApplicableCodes).toEqual(['2.2']);
  });

  it('70 of 80 applicable points is 87.5 %: Khá, though 70 of 100 raw points would read 70 %', () => {
    const r = computeUnitResult(
      input(SMALL_SET, { '1.1': score(20), '1.2': na(), '2.1.1': score(10), '2.1.2': score(20), '2.2': score(20) }),
    );
    expect(r.applicableMax).toBe(80);
    expect(displayPercent(r.percent)).toBe(87.5);
    expect(r.band?.label).toBe('Khá');
  });

  it('replacement: the council-added indicator scores in the slot and the max stays', () => {
    const r = computeUnitResult(
      input(SMALL_SET, { ...uniform(1), '2.2': na('TT-1'), 'TT-1': score(24, 27) }, { notApplicable: 'replacement' }),
    );
    expect(r.applicableMax).toBe(100);
    expect(r.finalTotal).toBe(94);
    expect(r.nodes['2.2']).toMatchObject({ final: 24, self: 27, notApplicable: false });
    expect(r.issues).toEqual([]);
  });

  it('replacement: an N/A item without a replacement is deducted (the council decides item by item)', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(1), '2.2': na() }, { notApplicable: 'replacement' }));
    expect(r.applicableMax).toBe(70);
  });

  it('replacement: a replacement naming an item of the set is refused (it would count twice)', () => {
    const r = computeUnitResult(
      input(SMALL_SET, { ...uniform(1), '2.2': na('1.1') }, { notApplicable: 'replacement' }),
    );
    expect(r.applicableMax).toBe(70);
    expect(r.issues.map((i) => i.code)).toEqual(['REPLACEMENT_IS_NODE']);
  });

  it('reduce_max campaign: a replacement is ignored and reported', () => {
    const r = computeUnitResult(input(SMALL_SET, { ...uniform(1), '2.2': na('TT-1'), 'TT-1': score(30) }));
    expect(r.applicableMax).toBe(70);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['REPLACEMENT_IGNORED', 'UNKNOWN_CODE']);
  });

  it('every item not applicable: not rankable, no percent, no division by zero', () => {
    const all = Object.fromEntries(['1.1', '1.2', '2.1.1', '2.1.2', '2.2'].map((c) => [c, na()]));
    const r = computeUnitResult(input(SMALL_SET, all));
    expect(r.applicableMax).toBe(0);
    expect(r.percent).toBeNull();
    expect(r.status).toBe('not_rankable');
    expect(r.notRankableReason).toBe('no_applicable_max');
    expect(r.band).toBeNull();
    expect(r.indicators.every((i) => i.notApplicable && i.percent === null)).toBe(true);
  });
});
