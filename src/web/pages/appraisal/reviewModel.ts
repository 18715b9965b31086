// Helpers of the review panel: the framework node of an item, its inputs as text, the review fields of an
// item whether the server nests them under `review` or not.
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

export function inputsText(inputs: Record<string, unknown> | undefined, fmt: (n: number) => string): string {
  if (!inputs) return '';
  return Object.entries(inputs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(
      ([k, v]) =>
        `${k} = ${typeof v === 'number' ? fmt(v) : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : String(v)}`,
    )
    .join('; ');
}

export function reviewOf(item: ReviewItem | undefined): Partial<ReviewView> {
  if (!item) return {};
  return item.review ? { ...item, ...item.review } : item;
}
