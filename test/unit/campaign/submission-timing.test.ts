// Late and missing submissions, as the decisions say:
// - Khánh Hòa 1278 Điều 8.3: late by no more than 5 days → the total loses 100 points;
//   Điều 8.4: later than that, or not sent → lowest band (Yếu).
// - Hà Tĩnh 2878 Điều 9.2.e: a unit that does not report on time → lowest band.
import { describe, expect, it } from 'vitest';
import { describeTiming, judgeSubmission } from '../../../src/core/campaign/index.ts';

const khanhHoa = {
  lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' as const },
  nonSubmission: 'lowest_band' as const,
};
const haTinh = {
  lateSubmission: { toleranceDays: 0, penaltyPoints: 0, beyondTolerance: 'lowest_band' as const },
  nonSubmission: 'lowest_band' as const,
};
const refusing = {
  lateSubmission: { toleranceDays: 3, penaltyPoints: 20, beyondTolerance: 'refuse' as const },
  nonSubmission: 'zero' as const,
};
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 3));

describe('Khánh Hòa 1278, Điều 8.3–8.4 (deadline 14/11)', () => {
  it('on time: no penalty', () => {
    expect(judgeSubmission(khanhHoa, '2026-11-14', at(14))).toMatchObject({
      kind: 'on_time',
      penaltyPoints: 0,
      lowestBand: false,
    });
  });
  it('1 day late: −100 points', () => {
    expect(judgeSubmission(khanhHoa, '2026-11-14', at(15))).toMatchObject({
      kind: 'late',
      daysLate: 1,
      penaltyPoints: 100,
      lowestBand: false,
    });
  });
  it('5 days late: still −100 points, not the lowest band', () => {
    expect(judgeSubmission(khanhHoa, '2026-11-14', at(19))).toMatchObject({
      kind: 'late',
      daysLate: 5,
      penaltyPoints: 100,
    });
  });
  it('6 days late: lowest band', () => {
    expect(judgeSubmission(khanhHoa, '2026-11-14', at(20))).toMatchObject({
      kind: 'late_beyond_tolerance',
      daysLate: 6,
      lowestBand: true,
      refused: false,
    });
  });
  it('not sent: lowest band', () => {
    expect(judgeSubmission(khanhHoa, '2026-11-14', null)).toMatchObject({ kind: 'not_submitted', lowestBand: true });
  });
});

describe('Hà Tĩnh 2878, Điều 9.2.e (deadline 25/11, no tolerance)', () => {
  it('one day late is already the lowest band', () => {
    expect(judgeSubmission(haTinh, '2026-11-25', at(26))).toMatchObject({
      kind: 'late_beyond_tolerance',
      daysLate: 1,
      lowestBand: true,
    });
  });
});

describe('a campaign that refuses submissions beyond the tolerance', () => {
  it('refuses after 3 days and counts non-submission as zero, not the lowest band', () => {
    expect(judgeSubmission(refusing, '2026-11-14', at(18))).toMatchObject({
      kind: 'late_beyond_tolerance',
      refused: true,
      lowestBand: false,
    });
    expect(judgeSubmission(refusing, '2026-11-14', null)).toMatchObject({ kind: 'not_submitted', lowestBand: false });
  });
});

describe('descriptions in Vietnamese', () => {
  it('names the days and the penalty', () => {
    expect(describeTiming(judgeSubmission(khanhHoa, '2026-11-14', at(16)))).toBe('Nộp muộn 2 ngày, bị trừ 100 điểm');
    expect(describeTiming(judgeSubmission(khanhHoa, '2026-11-14', null))).toBe('Không nộp: xếp loại thấp nhất');
  });
});
