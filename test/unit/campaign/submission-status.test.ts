// 000 Điều 9.2.e, 002 Điều 8.3–8.4: a non-submitter is "Yếu" and a late unit loses points — published results
// say why, in words (issue 14 §3): never "0 … Yếu" without "Không nộp".
import { describe, expect, it } from 'vitest';
import { submissionNeedsMention, submissionStatusVi } from '../../../src/core/campaign/submission-status.ts';

describe('submission status beside a published result', () => {
  it('names non-submission, lateness with its days and penalty, and lateness beyond the tolerance', () => {
    expect(submissionStatusVi({ timing: 'not_submitted', daysLate: null, penaltyPoints: 0 })).toBe('Không nộp');
    expect(submissionStatusVi({ timing: 'late', daysLate: 3, penaltyPoints: 100 })).toBe(
      'Nộp muộn 3 ngày, trừ 100 điểm',
    );
    expect(submissionStatusVi({ timing: 'late', daysLate: 1, penaltyPoints: 0 })).toBe('Nộp muộn 1 ngày');
    expect(submissionStatusVi({ timing: 'late_beyond_tolerance', daysLate: 9, penaltyPoints: 0 })).toBe(
      'Nộp muộn 9 ngày, quá thời hạn cho phép',
    );
    expect(submissionStatusVi({ timing: 'on_time', daysLate: 0, penaltyPoints: 0 })).toBe('Đúng hạn');
  });
  it('reads snapshots published before the days were kept', () => {
    expect(submissionStatusVi({ timing: 'late', penaltyPoints: 12.5 })).toBe('Nộp muộn, trừ 12,5 điểm');
  });
  it('is mentioned next to a result only when the unit was not on time', () => {
    expect(submissionNeedsMention({ timing: 'on_time' })).toBe(false);
    expect(submissionNeedsMention({ timing: 'not_submitted' })).toBe(true);
  });
});
