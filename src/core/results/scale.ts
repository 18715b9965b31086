// How a campaign shows its results (issue 15 §4): as points (the final total over the applicable max, as
// the provincial decisions publish), as a percent of the applicable max, or as an index from 0 to 1 (as
// the national DTI publishes: 0,6523). The choice changes only how the number is written: bands classify
// the exact percent and rankings order by the campaign's rankBy, whatever the scale. The index is the
// percent divided by 100 — the percent is exact to the hundredth, so the index is exact to 4 decimals.
import { formatNumberVi } from '../text/vietnamese.ts';

export const RESULT_SCALES = ['points', 'percent', 'index'] as const;
export type ResultScale = (typeof RESULT_SCALES)[number];

/** Campaigns made before the rule show points (with the percent beside them). */
export const DEFAULT_RESULT_SCALE: ResultScale = 'points';

export interface ScalableResult {
  finalTotal: number;
  applicableMax: number;
  /** Exact percent of the applicable max, 2 decimals; null when nothing is applicable. */
  percent: number | null;
}

/** The headline number of a result on the campaign's scale; null when the percent is undefined. */
export function scaledValue(scale: ResultScale, r: ScalableResult): number | null {
  if (scale === 'points') return r.finalTotal;
  if (r.percent === null) return null;
  if (scale === 'percent') return r.percent;
  return Math.round(r.percent * 100) / 10_000;
}

/** "812,5", "81,25%", "0,8125" — Vietnamese decimal comma; "—" when there is no value. */
export function formatScaledVi(scale: ResultScale, value: number | null): string {
  if (value === null) return '—';
  if (scale === 'percent') return `${formatNumberVi(value, 2)}%`;
  return formatNumberVi(value, scale === 'index' ? 4 : 2);
}

/** The column header / label of the headline number. */
export function scaleLabelVi(scale: ResultScale): string {
  return scale === 'points' ? 'Điểm' : scale === 'percent' ? 'Tỷ lệ' : 'Chỉ số (0–1)';
}

/** One sentence for the methodology page. */
export function describeScaleVi(scale: ResultScale): string {
  const how =
    scale === 'points'
      ? 'bằng điểm (tổng điểm sau thẩm định trên tổng điểm tối đa áp dụng)'
      : scale === 'percent'
        ? 'bằng tỷ lệ phần trăm của tổng điểm sau thẩm định trên tổng điểm tối đa áp dụng'
        : 'bằng chỉ số từ 0 đến 1 (tổng điểm sau thẩm định chia cho tổng điểm tối đa áp dụng)';
  return `Kết quả được thể hiện ${how}; cách thể hiện không làm thay đổi xếp loại và xếp hạng.`;
}
