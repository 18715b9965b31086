// Helpers of the review panel: the framework node of an item, its inputs as text, the review fields of an
// item whether the server nests them under `review` or not.
import { figureLabels } from '../../../core/framework/index.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../core/framework/index.ts';
import type { ReviewItem, ReviewView } from '../../api/appraisalTypes.ts';

export function findNode(def: Pick<FrameworkDefinition, 'nodes'> | undefined, code: string): FrameworkNode | null {
  const walk = (nodes: readonly FrameworkNode[]): FrameworkNode | null => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const hit = n.children ? walk(n.children) : null;
      if (hit) return hit;
    }
    return null;
  };
  return def ? walk(def.nodes) : null;
}

/** Main indicators and their descendants as tree-select data (value = code). */
export interface CodeTreeNode {
  value: string;
  title: string;
  children?: CodeTreeNode[];
}

export function codeTree(def: Pick<FrameworkDefinition, 'nodes'> | undefined): CodeTreeNode[] {
  const map = (n: FrameworkNode): CodeTreeNode => ({
    value: n.code,
    title: `${n.code}. ${n.title}`,
    ...(n.children?.length ? { children: n.children.map(map) } : {}),
  });
  return (def?.nodes ?? []).map(map);
}

/** How a figure is written to the appraiser: its label, and its value in words (never the input's key). */
export interface InputWords {
  /** The label of an input key (the index set's own label where it has one). */
  label: (key: string) => string;
  number: (n: number) => string;
  yes: string;
  no: string;
}

/**
 * The unit's figures as "Số tin, bài: 24; Có kế hoạch: Có" — labelled by the index set (figureLabels) or the
 * method's own words (a typed score, a yes/no answer, a choice by its option label), never by internal keys.
 */
export function inputsText(
  inputs: Record<string, unknown> | undefined,
  node: FrameworkNode | null,
  words: InputWords,
): string {
  if (!inputs) return '';
  const labels = figureLabels(node?.method);
  const method = node?.method;
  const value = (k: string, v: unknown): string => {
    if (method?.kind === 'choice' && k === 'choice')
      return method.options.find((o) => o.value === v)?.label ?? String(v);
    if (typeof v === 'number') return words.number(v);
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    return String(v);
  };
  return Object.entries(inputs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${labels[k] ?? words.label(k)}: ${value(k, v)}`)
    .join('; ');
}

export function reviewOf(item: ReviewItem | undefined): Partial<ReviewView> {
  return item ?? {};
}
