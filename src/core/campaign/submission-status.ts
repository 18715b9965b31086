// How a unit's submission is shown beside its result wherever results are published (ranking table, unit
// page, open data, ranking workbook, decision annex): a reader must see why a unit is "Yếu" with 0 points
// (it did not submit) or why points were taken off (it was late), not just "0 … Yếu".
export interface SubmissionFacts {
  /** TimingInput.kind: on_time | late | late_beyond_tolerance | not_submitted. */
  timing: string;
  /** Days late (the server's clock, Vietnam's calendar); absent in snapshots published before it was kept. */
  daysLate?: number | null;
  /** Points taken off for lateness within the tolerance. */
  penaltyPoints: number;
}

const pts = (v: number) => (Math.round(v * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** "Đúng hạn"; "Nộp muộn 3 ngày, trừ 50 điểm"; "Nộp muộn 9 ngày, quá thời hạn cho phép"; "Không nộp". */
export function submissionStatusVi(f: SubmissionFacts): string {
  const days = typeof f.daysLate === 'number' && f.daysLate > 0 ? ` ${f.daysLate} ngày` : '';
  switch (f.timing) {
    case 'not_submitted':
      return 'Không nộp';
    case 'late':
      return `Nộp muộn${days}${f.penaltyPoints > 0 ? `, trừ ${pts(f.penaltyPoints)} điểm` : ''}`;
    case 'late_beyond_tolerance':
      return `Nộp muộn${days}, quá thời hạn cho phép`;
    default:
      return 'Đúng hạn';
  }
}

/** Whether the status is worth showing next to a result (anything but on time). */
export function submissionNeedsMention(f: Pick<SubmissionFacts, 'timing'>): boolean {
  return f.timing !== 'on_time';
}
