// What a submission's timing means under the campaign's late-submission rule (002 Điều 8.3–8.4,
// 000 Điều 9.2.e): on time; late within the tolerance (penalty points); late beyond it (lowest band, or
// refused); or never submitted (lowest band, or zero).
import type { CampaignRules, IsoDate } from './types.ts';
import { daysLate } from './vietnam-time.ts';

export type TimingVerdict =
  | { kind: 'on_time'; daysLate: 0; penaltyPoints: 0; lowestBand: false }
  | { kind: 'late'; daysLate: number; penaltyPoints: number; lowestBand: false }
  | { kind: 'late_beyond_tolerance'; daysLate: number; penaltyPoints: 0; lowestBand: boolean; refused: boolean }
  | { kind: 'not_submitted'; daysLate: null; penaltyPoints: 0; lowestBand: boolean };

export function judgeSubmission(
  rules: Pick<CampaignRules, 'lateSubmission' | 'nonSubmission'>,
  deadline: IsoDate,
  submittedAt: Date | null,
): TimingVerdict {
  if (!submittedAt)
    return {
      kind: 'not_submitted',
      daysLate: null,
      penaltyPoints: 0,
      lowestBand: rules.nonSubmission === 'lowest_band',
    };
  const late = daysLate(submittedAt, deadline);
  if (late === 0) return { kind: 'on_time', daysLate: 0, penaltyPoints: 0, lowestBand: false };
  const rule = rules.lateSubmission;
  if (late <= rule.toleranceDays)
    return { kind: 'late', daysLate: late, penaltyPoints: rule.penaltyPoints, lowestBand: false };
  return {
    kind: 'late_beyond_tolerance',
    daysLate: late,
    penaltyPoints: 0,
    lowestBand: rule.beyondTolerance === 'lowest_band',
    refused: rule.beyondTolerance === 'refuse',
  };
}

/** Vietnamese description of a verdict for the unit and the progress page. */
export function describeTiming(v: TimingVerdict): string {
  switch (v.kind) {
    case 'on_time':
      return 'Nộp đúng hạn';
    case 'late':
      return `Nộp muộn ${v.daysLate} ngày${v.penaltyPoints ? `, bị trừ ${v.penaltyPoints} điểm` : ''}`;
    case 'late_beyond_tolerance':
      return v.refused
        ? `Nộp muộn ${v.daysLate} ngày, quá thời hạn cho phép: không được tiếp nhận`
        : `Nộp muộn ${v.daysLate} ngày, quá thời hạn cho phép: xếp loại thấp nhất`;
    case 'not_submitted':
      return v.lowestBand ? 'Không nộp: xếp loại thấp nhất' : 'Không nộp';
  }
}
