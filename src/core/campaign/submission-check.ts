// What blocks a submission, item by item: every scored item needs its inputs (or a typed score) and a
// valid self-score; then the item's evidence rule (evidenceRuleOf): 'required' needs a document,
// 'evidence_or_explanation' a document or a written explanation (000 Điều 8.4.a), 'none' nothing.
// All problems are listed at once.
import { evidenceRuleOf, flattenNodes, scoreItem } from '../framework/index.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import type { ItemEntry } from './types.ts';

export type SubmissionProblemCode =
  | 'ITEM_NOT_FILLED'
  | 'SCORE_INVALID'
  | 'NO_EVIDENCE_OR_EXPLANATION'
  | 'EVIDENCE_REQUIRED';

export interface SubmissionProblem {
  code: string;
  title: string;
  problem: SubmissionProblemCode;
  message: string;
}

export interface ItemProgress {
  total: number;
  filled: number;
  percent: number;
  selfTotal: number;
}

function isFilled(entry: ItemEntry | undefined): entry is ItemEntry {
  return (
    Boolean(entry) && (entry!.selfScore !== null || Object.values(entry!.inputs).some((v) => v !== null && v !== ''))
  );
}

export function submissionProblems(
  definition: FrameworkDefinition,
  entries: ReadonlyMap<string, ItemEntry>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const flat of flattenNodes(definition)) {
    if (!flat.isLeaf) continue;
    const node = flat.node;
    const entry = entries.get(node.code);
    const add = (problem: SubmissionProblemCode, message: string) =>
      problems.push({ code: node.code, title: node.title, problem, message });
    if (!isFilled(entry)) {
      add('ITEM_NOT_FILLED', 'Chưa nhập số liệu hoặc điểm tự chấm.');
      continue;
    }
    const score = scoreItem(node, entry.inputs);
    const notApplicable = score.notApplicable;
    if (!notApplicable && (entry.selfScore === null || entry.selfScore < 0 || entry.selfScore > node.maxPoints)) {
      add('SCORE_INVALID', `Điểm tự chấm phải từ 0 đến ${node.maxPoints}.`);
    }
    const rule = evidenceRuleOf(node, definition.evidenceRule);
    if (rule === 'required' && entry.evidenceCount === 0) {
      add('EVIDENCE_REQUIRED', 'Chỉ số này bắt buộc có tài liệu kiểm chứng.');
    } else if (rule === 'evidence_or_explanation' && entry.evidenceCount === 0 && entry.explanation.trim() === '') {
      add(
        'NO_EVIDENCE_OR_EXPLANATION',
        'Không có tài liệu kiểm chứng thì phải có giải trình cách đánh giá, tính điểm.',
      );
    }
  }
  return problems;
}

export function itemProgress(definition: FrameworkDefinition, entries: ReadonlyMap<string, ItemEntry>): ItemProgress {
  let total = 0;
  let filled = 0;
  let hundredths = 0;
  for (const flat of flattenNodes(definition)) {
    if (!flat.isLeaf) continue;
    total++;
    const entry = entries.get(flat.code);
    if (isFilled(entry)) {
      filled++;
      hundredths += Math.round((entry.selfScore ?? 0) * 100);
    }
  }
  return {
    total,
    filled,
    percent: total === 0 ? 0 : Math.round((filled / total) * 1000) / 10,
    selfTotal: hundredths / 100,
  };
}
