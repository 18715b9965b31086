// One definition of "item complete" (issue 14 §6): an item is complete when it has no submission problem —
// it is answered (inputs or a typed score), its self score is valid (0…max, unless the unit's own answer
// makes it not applicable), and its evidence rule is met ('required': a document; 'evidence_or_explanation':
// a document or a written explanation, 000 Điều 8.4.a; 'none': nothing). "Answered" (started) is weaker:
// any input or a score — it tells "chưa bắt đầu" from "đang nhập", never whether the item is done.
// submissionProblems, the form, the lists, the progress page and the inbox all count with these.
import { evidenceRuleOf, scoreItem } from '../framework/index.ts';
import type { EvidenceRule, FrameworkNode } from '../framework/types.ts';
import type { ItemEntry } from './types.ts';

export type ItemProblemCode = 'ITEM_NOT_FILLED' | 'SCORE_INVALID' | 'NO_EVIDENCE_OR_EXPLANATION' | 'EVIDENCE_REQUIRED';

/** What the completeness rules read of an item's node. */
export type ItemNode = Pick<FrameworkNode, 'maxPoints' | 'method' | 'evidenceRule' | 'evidenceRequired'>;

/** Answered: a self score or any input (blank inputs are never stored). */
export function isItemAnswered(entry: ItemEntry | undefined): entry is ItemEntry {
  return (
    entry !== undefined && (entry.selfScore !== null || Object.values(entry.inputs).some((v) => v !== null && v !== ''))
  );
}

/** Not applicable by the unit's own answer (the reserved input, or the method's N/A case). */
export function isItemSelfNotApplicable(
  node: Pick<FrameworkNode, 'maxPoints' | 'method'>,
  entry: ItemEntry | undefined,
) {
  return isItemAnswered(entry) && scoreItem(node, entry.inputs).notApplicable;
}

/**
 * What stops this item from being complete, in the order a person fixes it (empty = complete).
 * `notApplicable`: isItemSelfNotApplicable of the same node and entry, when the caller has it already — a
 * form's progress needs both, and scoring an item builds its whole explanation (a hundred items a form load).
 */
export function itemProblems(
  node: ItemNode,
  entry: ItemEntry | undefined,
  setRule?: EvidenceRule,
  notApplicable = isItemSelfNotApplicable(node, entry),
): ItemProblemCode[] {
  if (!isItemAnswered(entry)) return ['ITEM_NOT_FILLED'];
  const problems: ItemProblemCode[] = [];
  if (!notApplicable && (entry.selfScore === null || entry.selfScore < 0 || entry.selfScore > node.maxPoints))
    problems.push('SCORE_INVALID');
  const rule = evidenceRuleOf(node, setRule);
  if (rule === 'required' && entry.evidenceCount === 0) problems.push('EVIDENCE_REQUIRED');
  else if (rule === 'evidence_or_explanation' && entry.evidenceCount === 0 && entry.explanation.trim() === '')
    problems.push('NO_EVIDENCE_OR_EXPLANATION');
  return problems;
}

/** Complete = no submission problem. */
export function isItemComplete(node: ItemNode, entry: ItemEntry | undefined, setRule?: EvidenceRule): boolean {
  return itemProblems(node, entry, setRule).length === 0;
}
