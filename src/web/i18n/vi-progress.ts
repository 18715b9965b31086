// Vietnamese strings of a progress round's results (Báo cáo tiến độ, 000 Điều 7.2: never ranked, never
// classified); merged into vi.ts. English in en-progress.ts.
export const viProgress = {
  'progress.reportTitle': 'Báo cáo tiến độ',
  'progress.notRanked':
    'Báo cáo tiến độ định kỳ: chỉ đánh giá mức độ thực hiện, không xếp loại, không xếp hạng, không trừ điểm nộp muộn.',
  'progress.completion': 'Mức độ hoàn thành',
  'progress.completionValue': '{done}/{total} chỉ tiêu',
  'progress.selfTotal': 'Điểm tự chấm',
  'progress.selfPercent': 'Tỷ lệ tự chấm',
  'progress.previous': 'Kỳ trước',
  'progress.annual': 'Kết quả năm',
  'progress.delta': 'Tăng/giảm',
  'progress.none': 'Chưa có',
  'progress.submission': 'Tình trạng nộp',
  'progress.exportXlsx': 'Báo cáo tiến độ (.xlsx)',
  'progress.timing.on_time': 'Đúng hạn',
  'progress.timing.late': 'Nộp muộn {n} ngày',
  'progress.timing.not_submitted': 'Không nộp',
  'progress.compareTip': '{name}: {value} điểm',
} as const;
