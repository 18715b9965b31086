// What blocks a submission, item by item: each item's problems as item-completeness.ts defines them (the
// one definition of "item complete": answered, a valid self-score, the evidence rule met — 000 Điều 8.4.a).
// All problems are listed at once, as codes with their parameters: the staff app words them (issue 14 §6).
import { flattenNodes } from '../framework/index.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import { type ItemProblemCode, itemProblems } from './item-completeness.ts';
import type { ItemEntry } from './types.ts';

/** Every problem code the API can send; the web words each (test/unit/web/i18n-keys.test.ts, issue 14 §6). */
export const SUBMISSION_PROBLEM_CODES = [
  'ITEM_NOT_FILLED',
  'SCORE_INVALID',
  'NO_EVIDENCE_OR_EXPLANATION',
  'EVIDENCE_REQUIRED',
] as const satisfies readonly ItemProblemCode[];

export type SubmissionProblemCode = ItemProblemCode;

export interface SubmissionProblem {
  code: string;
  title: string;
  problem: SubmissionProblemCode;
  /** SCORE_INVALID: max, the item's maximum points. */
  params: { max?: number };
}

export function submissionProblems(
  definition: FrameworkDefinition,
  entries: ReadonlyMap<string, ItemEntry>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const flat of flattenNodes(definition)) {
    if (!flat.isLeaf) continue;
    const node = flat.node;
    for (const problem of itemProblems(node, entries.get(node.code), definition.evidenceRule))
      problems.push({
        code: node.code,
        title: node.title,
        problem,
        params: problem === 'SCORE_INVALID' ? { max: node.maxPoints } : {},
      });
  }
  return problems;
}
