// Guardrails that stop the administrative mistakes of issue 13 §6 before they change units' outcomes:
// opening with a self-assessment deadline already past (every unit would be "not submitted → lowest
// band" at once, 000 Điều 9.2.e), closing self-assessment while units may still submit, an approval
// decision dated in the future or a publication before the decision it publishes (000 Điều 9.3–9.4:
// "phê duyệt và công bố"), and one unit ranked twice in the same year. Dates are Vietnamese calendar
// dates (yyyy-mm-dd); "today" is the server's date in Vietnam.
import { formatDateVi } from '../text/vietnamese.ts';
import type { CampaignKind, IsoDate } from './types.ts';

export interface GroupDeadline {
  groupId: string;
  name: string;
  selfAssessment: IsoDate;
}

/** Groups whose self-assessment deadline is before today (the deadline day itself is still open). */
export function pastSelfAssessmentDeadlines<G extends GroupDeadline>(groups: readonly G[], today: IsoDate): G[] {
  return groups.filter((g) => g.selfAssessment < today);
}

export function pastDeadlineMessage(past: readonly GroupDeadline[], today: IsoDate): string {
  const list = past.map((g) => `"${g.name}" (${formatDateVi(g.selfAssessment)})`).join(', ');
  return `Hạn tự đánh giá của nhóm ${list} đã qua (hôm nay ${formatDateVi(today)}): mở kỳ lúc này thì mọi đơn vị bị tính là không gửi báo cáo và xếp loại thấp nhất. Hãy đặt hạn mới ngay trong bước mở kỳ.`;
}

export interface GroupSubmissions extends GroupDeadline {
  units: number;
  submitted: number;
}

export interface EarlyClose {
  /** Groups whose deadline has not ended: units there may still submit on time. */
  early: GroupSubmissions[];
  /** Units that have not submitted, over the whole campaign. */
  unsubmitted: number;
  units: number;
  /** Latest self-assessment deadline still running, or null. */
  deadline: IsoDate | null;
}

/** Closing on or before a group's deadline day cuts off units that may still submit on time. */
export function earlyClose(groups: readonly GroupSubmissions[], today: IsoDate): EarlyClose {
  const early = groups.filter((g) => g.selfAssessment >= today);
  const deadline = early.reduce<IsoDate | null>(
    (d, g) => (d === null || g.selfAssessment > d ? g.selfAssessment : d),
    null,
  );
  return {
    early,
    unsubmitted: groups.reduce((n, g) => n + (g.units - g.submitted), 0),
    units: groups.reduce((n, g) => n + g.units, 0),
    deadline,
  };
}

export function earlyCloseMessage(e: EarlyClose): string {
  return `Kết thúc tự đánh giá trước hạn (${formatDateVi(e.deadline ?? '')}): còn ${e.unsubmitted}/${e.units} đơn vị chưa gửi bản tự đánh giá và sẽ bị tính là không gửi. Cần nêu lý do.`;
}

/** 000 Điều 9.3: the decision approves results already appraised — it cannot be dated after today. */
export function decisionDateProblem(decisionDate: IsoDate, today: IsoDate): string | null {
  if (decisionDate <= today) return null;
  return `Ngày quyết định phê duyệt ${formatDateVi(decisionDate)} sau ngày hôm nay (${formatDateVi(today)}): không ghi nhận quyết định chưa ban hành.`;
}

/** Publication today cannot precede any approval it publishes. */
export function publicationBeforeApproval(
  approvals: readonly { decisionNumber: string; decisionDate: IsoDate }[],
  today: IsoDate,
): string | null {
  const later = approvals.filter((a) => a.decisionDate > today);
  if (later.length === 0) return null;
  const list = later.map((a) => `${a.decisionNumber} ngày ${formatDateVi(a.decisionDate)}`).join(', ');
  return `Không công bố trước ngày phê duyệt: quyết định ${list} chưa đến ngày (hôm nay ${formatDateVi(today)}).`;
}

export interface CampaignOverlap {
  campaignId: string;
  name: string;
  year: number;
  kind: CampaignKind;
  /** Units taking part in both. */
  units: number;
}

/**
 * A unit is ranked once a year: a second annual campaign of the same year for the same unit is refused
 * unless the DX office records why. Progress rounds are never ranked (000 Điều 7.2), so their overlap is
 * only a warning.
 */
export function overlapVerdict(
  kind: CampaignKind,
  year: number,
  overlaps: readonly CampaignOverlap[],
): { refuse: CampaignOverlap[]; warn: CampaignOverlap[] } {
  const refuse = kind === 'annual' ? overlaps.filter((o) => o.kind === 'annual' && o.year === year) : [];
  return { refuse, warn: overlaps.filter((o) => !refuse.includes(o)) };
}

export function overlapMessage(refuse: readonly CampaignOverlap[]): string {
  const list = refuse.map((o) => `"${o.name}" (${o.units} đơn vị)`).join(', ');
  return `Có đơn vị đã tham gia kỳ đánh giá hằng năm khác trong cùng năm: ${list}. Mỗi đơn vị chỉ được xếp hạng một lần trong năm; nếu vẫn mở kỳ, cần nêu lý do.`;
}
