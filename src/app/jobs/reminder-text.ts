// The words of a deadline reminder, in-app and by e-mail: the unit, the campaign, the deadline
// (dd/mm/yyyy) and the days remaining, with a link to the unit's assessment.
import { formatDateVi } from '../../core/text/vietnamese.ts';

export interface ReminderFacts {
  unitName: string;
  campaignName: string;
  deadline: string;
  daysRemaining: number;
  /** Absolute (e-mail) or in-app path. */
  link: string;
}

export function remainingText(days: number): string {
  if (days > 0) return `còn ${days} ngày`;
  if (days === 0) return 'hạn chót là hôm nay';
  return `đã quá hạn ${-days} ngày`;
}

export function reminderTitle(f: ReminderFacts): string {
  return `Nhắc hạn tự đánh giá: ${f.unitName} — ${remainingText(f.daysRemaining)}`;
}

export function reminderBody(f: ReminderFacts): string {
  return `${f.unitName} chưa gửi bản tự đánh giá của kỳ "${f.campaignName}". Hạn chót: ${formatDateVi(f.deadline)} (${remainingText(f.daysRemaining)}).`;
}

export function reminderEmail(f: ReminderFacts, fullName: string): { subject: string; text: string } {
  return {
    subject: `[Thước Đo] ${reminderTitle(f)}`,
    text: [
      `Kính gửi ${fullName},`,
      '',
      reminderBody(f),
      `Đơn vị: ${f.unitName}`,
      `Kỳ đánh giá: ${f.campaignName}`,
      `Hạn chót: ${formatDateVi(f.deadline)}`,
      `Số ngày còn lại: ${f.daysRemaining}`,
      '',
      `Mở bản tự đánh giá: ${f.link}`,
      '',
      'Thư này được gửi tự động từ hệ thống Thước Đo; vui lòng không trả lời.',
    ].join('\n'),
  };
}
