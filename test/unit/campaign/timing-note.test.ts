// The timing the API sends is a code with its numbers (issue 14 §6): the staff app words it in the reader's
// language. Each verdict of the late-submission rule (002 Điều 8.3–8.4) maps to exactly one code.
import { describe, expect, it } from 'vitest';
import { judgeSubmission, pendingNote, timingNoteOf } from '../../../src/core/campaign/index.ts';

const khanhHoa = {
  lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' as const },
  nonSubmission: 'lowest_band' as const,
};
const noPenalty = {
  lateSubmission: { toleranceDays: 5, penaltyPoints: 0, beyondTolerance: 'refuse' as const },
  nonSubmission: 'zero' as const,
};
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 3));

describe('timing as a code and numbers', () => {
  it('before the deadline: days left, or "due today" on the day itself', () => {
    expect(pendingNote(5)).toEqual({ code: 'due_in', params: { days: 5 } });
    expect(pendingNote(0)).toEqual({ code: 'due_today', params: {} });
  });

  it('on time carries no number', () => {
    expect(timingNoteOf(judgeSubmission(khanhHoa, '2026-11-14', at(14)))).toEqual({ code: 'on_time', params: {} });
  });

  it('late within the tolerance: the days, and the points only when the rule takes some off', () => {
    expect(timingNoteOf(judgeSubmission(khanhHoa, '2026-11-14', at(16)))).toEqual({
      code: 'late_penalised',
      params: { days: 2, points: 100 },
    });
    expect(timingNoteOf(judgeSubmission(noPenalty, '2026-11-14', at(16)))).toEqual({
      code: 'late',
      params: { days: 2 },
    });
  });

  it('beyond the tolerance: lowest band or refused, as the rule says', () => {
    expect(timingNoteOf(judgeSubmission(khanhHoa, '2026-11-14', at(20)))).toEqual({
      code: 'late_lowest_band',
      params: { days: 6 },
    });
    expect(timingNoteOf(judgeSubmission(noPenalty, '2026-11-14', at(20)))).toEqual({
      code: 'late_refused',
      params: { days: 6 },
    });
  });

  it('never submitted: lowest band under Khánh Hòa, plain "not submitted" when it counts as zero', () => {
    expect(timingNoteOf(judgeSubmission(khanhHoa, '2026-11-14', null)).code).toBe('not_submitted_lowest_band');
    expect(timingNoteOf(judgeSubmission(noPenalty, '2026-11-14', null)).code).toBe('not_submitted');
  });
});
