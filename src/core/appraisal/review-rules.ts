// Checks on a proposed or final score: within 0…max of the item (or of its replacement), at most two
// decimals, and a reason + comment whenever the score departs from the unit's self score or the item is
// marked not applicable. Returns Vietnamese problems; empty means valid.
import { hasAtMostDecimals } from '../framework/index.ts';
import { REVIEW_REASONS, type ReviewReason } from './types.ts';

export interface ScoreDecision {
  score: number | null;
  reason: ReviewReason | null;
  comment: string | null;
  notApplicable?: boolean;
}

export interface DecisionProblem {
  field: 'score' | 'reason' | 'comment';
  code:
    | 'SCORE_ABOVE_MAX'
    | 'SCORE_NEGATIVE'
    | 'SCORE_PRECISION'
    | 'SCORE_MISSING'
    | 'REASON_REQUIRED'
    | 'REASON_UNKNOWN'
    | 'COMMENT_REQUIRED';
  message: string;
  /** SCORE_ABOVE_MAX: max, for a client that words the problem itself. */
  params?: { max: number };
}

/** Every decision problem code; the web words each (test/unit/web/i18n-keys.test.ts). */
export const DECISION_PROBLEM_CODES = [
  'SCORE_ABOVE_MAX',
  'SCORE_NEGATIVE',
  'SCORE_PRECISION',
  'SCORE_MISSING',
  'REASON_REQUIRED',
  'REASON_UNKNOWN',
  'COMMENT_REQUIRED',
] as const satisfies readonly DecisionProblem['code'][];

export function checkDecision(decision: ScoreDecision, maxPoints: number, selfScore: number | null): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const { score } = decision;
  if (decision.notApplicable) {
    if (!decision.comment?.trim())
      problems.push({ field: 'comment', code: 'COMMENT_REQUIRED', message: 'Cần nêu lý do không áp dụng chỉ số.' });
    return problems;
  }
  if (score === null) {
    problems.push({ field: 'score', code: 'SCORE_MISSING', message: 'Chưa nhập điểm.' });
    return problems;
  }
  if (score < 0) problems.push({ field: 'score', code: 'SCORE_NEGATIVE', message: 'Điểm không được âm.' });
  if (score > maxPoints)
    problems.push({
      field: 'score',
      code: 'SCORE_ABOVE_MAX',
      message: `Điểm không được vượt quá điểm tối đa ${maxPoints}.`,
      params: { max: maxPoints },
    });
  if (!hasAtMostDecimals(score, 2))
    problems.push({ field: 'score', code: 'SCORE_PRECISION', message: 'Điểm có tối đa 2 chữ số thập phân.' });
  const departs = selfScore === null || Math.round(score * 100) !== Math.round(selfScore * 100);
  if (departs) {
    if (!decision.reason)
      problems.push({ field: 'reason', code: 'REASON_REQUIRED', message: 'Điểm khác điểm tự chấm: cần chọn lý do.' });
    else if (!(REVIEW_REASONS as readonly string[]).includes(decision.reason))
      problems.push({ field: 'reason', code: 'REASON_UNKNOWN', message: 'Lý do không có trong danh mục.' });
    if (!decision.comment?.trim())
      problems.push({
        field: 'comment',
        code: 'COMMENT_REQUIRED',
        message: 'Điểm khác điểm tự chấm: cần ghi nhận xét.',
      });
  }
  return problems;
}

/** The official score of an item: the final score (001 II.4.a); null until the council decides. */
export function officialScore(review: { finalScore: number | null; notApplicable: boolean }): number | null {
  return review.notApplicable ? null : review.finalScore;
}

/** Delta shown everywhere scores are shown, in hundredths-exact arithmetic. */
export function scoreDelta(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return (Math.round(to * 100) - Math.round(from * 100)) / 100;
}
