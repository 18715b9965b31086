// Problems from checkDecision as API errors: a score outside 0…max → 422 SCORE_OUT_OF_RANGE naming the
// item and its range (never clamped); more than 2 decimals → 400 SCORE_INVALID; a departure from the self score without a listed reason and a comment → 400
// REASON_REQUIRED. Every problem is listed in details.problems.
import type { DecisionProblem } from '../../core/appraisal/index.ts';
import { type FrameworkNode, type ScoreField, scoreRangeProblem } from '../../core/framework/index.ts';
import { rangeError } from '../assessments/item-input.ts';
import { OperationError, versionConflict } from '../errors.ts';
import type { Db } from '../../db/client.ts';
import { loadReviewState } from '../../db/queries/item-reviews.ts';
import { presentReview } from '../presenters/item-review.ts';

export interface DecidedScore {
  node: Pick<FrameworkNode, 'code' | 'title' | 'maxPoints'>;
  field: ScoreField;
  score: number | null;
}

export function decisionError(problems: readonly DecisionProblem[], decided?: DecidedScore): OperationError | null {
  if (problems.length === 0) return null;
  const range =
    decided && decided.score !== null ? scoreRangeProblem(decided.node, decided.field, decided.score) : null;
  if (range) return rangeError('SCORE_OUT_OF_RANGE', [range]);
  const scoreProblem = problems.find((p) => p.field === 'score');
  const code = scoreProblem ? 'SCORE_INVALID' : 'REASON_REQUIRED';
  return new OperationError(code, (scoreProblem ?? problems[0]!).message, { problems });
}

/** 409 with the review as it now stands (the other person's values), nothing overwritten. */
export async function reviewConflict(tx: Db, assessmentId: string, code: string): Promise<OperationError> {
  const state = await loadReviewState(tx, assessmentId, code);
  return versionConflict(presentReview({ assessmentId, code, selfScore: state.selfScore, review: state.review }));
}
