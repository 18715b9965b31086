// Builders shared by the scoring methods, so every method finishes the same way: clamp to 0…max,
// round half-up to 2 decimals, and say so in the explanation.
import { clamp, roundHalfUp } from '../rounding.ts';
import { num } from '../format-vi.ts';
import type { ItemScore, ScoreIssue } from '../score-types.ts';

export function failed(rule: string, steps: string[], issues: ScoreIssue[]): ItemScore {
  return {
    points: null,
    notApplicable: false,
    explanation: { rule, steps: [...steps, ...issues.map((i) => `Không tính được: ${i.message}`)] },
    issues,
  };
}

export function notApplicable(rule: string, steps: string[], reason: string): ItemScore {
  return {
    points: null,
    notApplicable: true,
    explanation: { rule, steps: [...steps, `Kết quả: không áp dụng (${reason}); điểm tối đa được giảm tương ứng.`] },
    issues: [],
  };
}

/** Final step: clamp into 0…max, round, and record both in the explanation when they changed the value. */
export function scored(rule: string, steps: string[], raw: number, max: number): ItemScore {
  const lines = [...steps];
  const clamped = clamp(raw, 0, max);
  if (clamped !== raw) lines.push(`Giới hạn trong khoảng 0…${num(max)}: ${num(raw)} → ${num(clamped)}.`);
  const points = roundHalfUp(clamped, 2);
  if (points !== clamped) lines.push(`Làm tròn đến 2 chữ số thập phân: ${num(clamped, 6)} → ${num(points)}.`);
  lines.push(`Kết quả: ${num(points)}/${num(max)} điểm.`);
  return { points, notApplicable: false, explanation: { rule, steps: lines }, issues: [] };
}

/** Points of a share that is either fixed points or a fraction of max. */
export function shareToPoints(share: { points?: number; fraction?: number }, max: number): number {
  if (typeof share.points === 'number') return share.points;
  if (typeof share.fraction === 'number') return share.fraction * max;
  return 0;
}

export function describeShare(share: { points?: number; fraction?: number }, max: number): string {
  if (typeof share.points === 'number') return `${num(share.points)} điểm`;
  if (typeof share.fraction === 'number') {
    return share.fraction === 1
      ? `tối đa (${num(max)} điểm)`
      : `${num(share.fraction)} × tối đa (${num(share.fraction * max)} điểm)`;
  }
  return '0 điểm';
}
