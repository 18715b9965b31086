// What blocks a submission, item by item: every scored item needs its inputs (or a typed score) and a
// valid self-score; then the item's evidence rule (evidenceRuleOf): 'required' needs a document,
// 'evidence_or_explanation' a document or a written explanation (000 Điều 8.4.a), 'none' nothing.
// All problems are listed at once.
import { evidenceRuleOf, flattenNodes, scoreItem } from '../framework/index.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import type { ItemEntry } from './types.ts';

/** Every problem code the API can send; the web words each (test/unit/web/i18n-keys.test.ts, issue 14 §6). */
export const SUBMISSION_PROBLEM_CODES = [
  'ITEM_NOT_FILLED',
  'SCORE_INVALID',
  'NO_EVIDENCE_OR_EXPLANATION',
  'EVIDENCE_REQUIRED',
] as const;

export type SubmissionProblemCode = (typeof SUBMISSION_PROBLEM_CODES)[number];

export interface SubmissionProblem {
  code: string;
  title: string;
  problem: SubmissionProblemCode;
  /** SCORE_INVALID: max, the item's maximum points. */
  params: { max?: number };
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
    const add = (problem: SubmissionProblemCode, params: SubmissionProblem['params'] = {}) =>
      problems.push({ code: node.code, title: node.title, problem, params });
    if (!isFilled(entry)) {
      add('ITEM_NOT_FILLED');
      continue;
    }
    const score = scoreItem(node, entry.inputs);
    const notApplicable = score.notApplicable;
    if (!notApplicable && (entry.selfScore === null || entry.selfScore < 0 || entry.selfScore > node.maxPoints)) {
      add('SCORE_INVALID', { max: node.maxPoints });
    }
    const rule = evidenceRuleOf(node, definition.evidenceRule);
    if (rule === 'required' && entry.evidenceCount === 0) {
      add('EVIDENCE_REQUIRED');
    } else if (rule === 'evidence_or_explanation' && entry.evidenceCount === 0 && entry.explanation.trim() === '') {
      add('NO_EVIDENCE_OR_EXPLANATION');
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
