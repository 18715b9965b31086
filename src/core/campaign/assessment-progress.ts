// A form's progress as every screen and export shows it (issue 14 §6): items answered (started), items
// complete (item-completeness.ts: no submission problem) and the self total with its applicable max
// (results/self-total.ts). The form header, GET assessment, the unit's list and home card, the inbox and
// the DX office's progress page (through the stored summary, docs/decisions/0014) all read this.
import { flattenNodes } from '../framework/index.ts';
import type { EvidenceRule, FrameworkDefinition, FrameworkNode } from '../framework/types.ts';
import { type SelfItem, selfTotalOf } from '../results/self-total.ts';
import { type ItemNode, isItemAnswered, isItemSelfNotApplicable, itemProblems } from './item-completeness.ts';
import type { ItemEntry } from './types.ts';

export interface AssessmentProgress {
  /** Items of the set (leaves). */
  total: number;
  /** Items with any answer: 0 = "chưa bắt đầu". */
  answered: number;
  /** Items without a submission problem. */
  complete: number;
  /** complete / total in percent, one decimal. */
  percent: number;
  selfTotal: number;
  selfApplicableMax: number;
  selfMaxPoints: number;
  /** Per main indicator: its self points and applicable max (the form's section totals). */
  selfIndicators: Record<string, { points: number; applicableMax: number }>;
}

/** Items complete out of the set's items in percent, one decimal (0 for an empty set): the form, its stored
 * progress (docs/decisions/0014) and the lists show the same figure. */
export function progressPercent(complete: number, total: number): number {
  return total === 0 ? 0 : Math.round((complete / total) * 1000) / 10;
}

export function assessmentProgressOf(
  definition: Pick<FrameworkDefinition, 'nodes' | 'evidenceRule'>,
  entries: ReadonlyMap<string, ItemEntry>,
): AssessmentProgress {
  return progressOfItems(definition, (code, node) => itemProgressOf(node, entries.get(code), definition.evidenceRule));
}

/** What one item brings to its form's progress (assessmentProgressOf adds these up over the set's items). */
export interface ItemProgress {
  answered: boolean;
  complete: boolean;
  /** The item's self-score as the self total counts it; undefined for an item never saved. */
  self: SelfItem | undefined;
}

/** One item's part of its form's progress: `entry` undefined for an item never saved. */
export function itemProgressOf(
  node: ItemNode,
  entry: ItemEntry | undefined,
  setRule: EvidenceRule | undefined,
): ItemProgress {
  // Scored once for both questions (itemProblems would score it again).
  const notApplicable = isItemSelfNotApplicable(node, entry);
  return {
    answered: isItemAnswered(entry),
    complete: itemProblems(node, entry, setRule, notApplicable).length === 0,
    self: entry ? { self: entry.selfScore, notApplicable } : undefined,
  };
}

/**
 * The progress from each item's part (itemProgressOf), asked for every item of the set in its order. A form
 * that keeps its items' parts (form-items-patch.ts) computes again only the part of the item a save changed:
 * scoring an item builds its whole explanation, so scoring a hundred on every load after a save was most of
 * that load's cost.
 */
export function progressOfItems(
  definition: Pick<FrameworkDefinition, 'nodes'>,
  partOf: (code: string, node: FrameworkNode) => ItemProgress,
): AssessmentProgress {
  let total = 0;
  let answered = 0;
  let complete = 0;
  const self = new Map<string, SelfItem>();
  for (const flat of flattenNodes(definition.nodes)) {
    if (!flat.isLeaf) continue;
    total++;
    const part = partOf(flat.code, flat.node);
    if (part.answered) answered++;
    if (part.complete) complete++;
    if (part.self) self.set(flat.code, part.self);
  }
  const t = selfTotalOf(definition, self);
  return {
    total,
    answered,
    complete,
    percent: progressPercent(complete, total),
    selfTotal: t.total,
    selfApplicableMax: t.applicableMax,
    selfMaxPoints: t.maxPoints,
    selfIndicators: Object.fromEntries(
      t.indicators.map((i) => [i.code, { points: i.points, applicableMax: i.applicableMax }]),
    ),
  };
}

/** Where a form stands, as one word for the row and the summary counts alike (the "Đang nhập 0" fix). */
export type FormStage = 'not_started' | 'in_progress' | 'submitted';

/** Submitted; else in progress once any item is answered; else not started. */
export function formStageOf(f: { status: string; answered: number }): FormStage {
  if (f.status === 'submitted') return 'submitted';
  return f.answered > 0 ? 'in_progress' : 'not_started';
}
