// Tree utilities over FrameworkNode: natural ordering of codes, pre-order flattening with depth and
// parent, lookup, and the counts the decisions declare (main indicators = depth 1, sub = depth 2).
import { compareCodes } from '../text/vietnamese.ts';
import type { FrameworkDefinition, FrameworkNode } from './types.ts';

export interface FlatNode {
  node: FrameworkNode;
  code: string;
  /** 1 for top-level nodes (main indicators), 2 for their children, … */
  depth: number;
  parentCode: string | null;
  isLeaf: boolean;
  /** Position in the flattened pre-order list. */
  index: number;
}

type NodesOrDefinition = FrameworkDefinition | readonly FrameworkNode[];

function rootsOf(input: NodesOrDefinition): readonly FrameworkNode[] {
  return Array.isArray(input) ? (input as readonly FrameworkNode[]) : (input as FrameworkDefinition).nodes;
}

export function isLeaf(node: FrameworkNode): boolean {
  return !node.children || node.children.length === 0;
}

/** Nodes sorted naturally by code ("1.2" < "1.10"), recursively; returns new arrays, input untouched. */
export function sortNodes(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  return [...nodes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((n) => (n.children ? { ...n, children: sortNodes(n.children) } : n));
}

/** Pre-order walk in the given order (sort first with sortNodes when order matters). */
export function walkNodes(input: NodesOrDefinition, visit: (flat: FlatNode) => void): void {
  let index = 0;
  const go = (nodes: readonly FrameworkNode[], depth: number, parentCode: string | null): void => {
    for (const node of nodes) {
      visit({ node, code: node.code, depth, parentCode, isLeaf: isLeaf(node), index: index++ });
      if (node.children) go(node.children, depth + 1, node.code);
    }
  };
  go(rootsOf(input), 1, null);
}

export function flattenNodes(input: NodesOrDefinition): FlatNode[] {
  const out: FlatNode[] = [];
  walkNodes(input, (f) => out.push(f));
  return out;
}

export function findNode(input: NodesOrDefinition, code: string): FlatNode | undefined {
  let found: FlatNode | undefined;
  walkNodes(input, (f) => {
    if (!found && f.code === code) found = f;
  });
  return found;
}

export function leaves(input: NodesOrDefinition): FlatNode[] {
  return flattenNodes(input).filter((f) => f.isLeaf);
}

export interface IndicatorCounts {
  mainIndicators: number;
  subIndicators: number;
  leaves: number;
  nodes: number;
}

export function countIndicators(input: NodesOrDefinition): IndicatorCounts {
  const counts: IndicatorCounts = { mainIndicators: 0, subIndicators: 0, leaves: 0, nodes: 0 };
  walkNodes(input, (f) => {
    counts.nodes++;
    if (f.depth === 1) counts.mainIndicators++;
    if (f.depth === 2) counts.subIndicators++;
    if (f.isLeaf) counts.leaves++;
  });
  return counts;
}
