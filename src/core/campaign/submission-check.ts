// What blocks a submission, item by item: each item's problems as item-completeness.ts defines them (the
// one definition of "item complete": answered, a valid self-score, the evidence rule met — 000 Điều 8.4.a).
// All problems are listed at once.
import { flattenNodes } from '../framework/index.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import { type ItemProblemCode, itemProblems } from './item-completeness.ts';
import type { ItemEntry } from './types.ts';

export type SubmissionProblemCode = ItemProblemCode;

export interface SubmissionProblem {
  code: string;
  title: string;
  problem: SubmissionProblemCode;
  message: string;
}

const MESSAGES: Record<SubmissionProblemCode, (maxPoints: number) => string> = {
  ITEM_NOT_FILLED: () => 'Chưa nhập số liệu hoặc điểm tự chấm.',
  SCORE_INVALID: (max) => `Điểm tự chấm phải từ 0 đến ${max}.`,
  EVIDENCE_REQUIRED: () => 'Chỉ số này bắt buộc có tài liệu kiểm chứng.',
  NO_EVIDENCE_OR_EXPLANATION: () => 'Không có tài liệu kiểm chứng thì phải có giải trình cách đánh giá, tính điểm.',
};

export function submissionProblems(
  definition: FrameworkDefinition,
  entries: ReadonlyMap<string, ItemEntry>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const flat of flattenNodes(definition)) {
    if (!flat.isLeaf) continue;
    const node = flat.node;
    for (const problem of itemProblems(node, entries.get(node.code), definition.evidenceRule))
      problems.push({ code: node.code, title: node.title, problem, message: MESSAGES[problem](node.maxPoints) });
  }
  return problems;
}
