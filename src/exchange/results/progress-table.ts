// The columns of a progress report (Báo cáo tiến độ, 000 Điều 7.2; 003 Điều 2.1.c "chỉ đánh giá mức độ
// thực hiện, không đánh giá xếp loại"): no band, no rank, no penalty — completion, the points reported,
// the previous round and the annual result. Shared by the workbook and the decision annex, so the two
// documents cannot print a progress round two ways. Whether a campaign is one: ranking-applies.ts.
import { classificationOf } from '../../core/campaign/ranking-applies.ts';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';
import type { ExportCampaign, ExportUnitRow } from './types.ts';

export const PROGRESS_HEADERS = [
  'STT',
  'Tên đơn vị',
  'Chỉ tiêu đã báo cáo',
  'Tỷ lệ hoàn thành %',
  'Điểm tự chấm',
  'Kỳ trước',
  'Tăng/giảm so với kỳ trước',
  'Kết quả năm',
  'Tình trạng nộp',
] as const;

export const isProgressReport = (c: Pick<ExportCampaign, 'kind'>) =>
  classificationOf(c.kind).publishedAs === 'progress_report';

/** The figure a comparison is read from: appraised points when there are any, else the points reported. */
const basis = (f: { selfTotal: number; finalTotal: number | null } | null | undefined) =>
  f ? (f.finalTotal ?? f.selfTotal) : null;

/** One unit's cells: numbers stay numbers (null when absent); the writer formats them. */
export function progressCells(u: ExportUnitRow, stt: number): (string | number | null)[] {
  const p = u.progress;
  return [
    stt,
    u.unit.name,
    p ? `${p.completion.complete}/${p.completion.applicable}` : null,
    p?.completion.percent ?? null,
    u.selfTotal,
    basis(p?.previous),
    p?.previous ? p.previous.delta : null,
    basis(p?.annual),
    // Lateness is a fact here, never a penalty: the row carries no points off.
    submissionStatusVi({ timing: u.timing, daysLate: u.daysLate ?? null, penaltyPoints: 0 }),
  ];
}

export const progressTitle = (year: number) => `BÁO CÁO TIẾN ĐỘ CHUYỂN ĐỔI SỐ NĂM ${year}`;
export const PROGRESS_NOTE =
  'Ghi chú: Báo cáo tiến độ chỉ đánh giá mức độ thực hiện, không xếp loại, không xếp hạng (Quyết định 000 Điều 7.2). ' +
  'Kỳ trước và kết quả năm: điểm thẩm định nếu đã thẩm định, nếu không là điểm tự chấm.';
