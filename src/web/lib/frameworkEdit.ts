// Pure, immutable edits of an index-set tree for the editor. Nodes stay in natural code order (sortNodes);
// a node's place among its siblings *is* its code, so moving a node renumbers it (and re-prefixes the
// codes of its descendants that start with its old code).
import { findNode, sortNodes } from '../../core/framework/index.ts';
import type { FrameworkNode } from '../../core/framework/index.ts';

type Nodes = readonly FrameworkNode[];

/** The node with `oldCode` renamed to `newCode`; descendants written "<old>.x" become "<new>.x". */
export function recode(node: FrameworkNode, newCode: string): FrameworkNode {
  const oldCode = node.code;
  if (oldCode === newCode) return node;
  const go = (n: FrameworkNode): FrameworkNode => {
    const code =
      n.code === oldCode ? newCode : n.code.startsWith(`${oldCode}.`) ? newCode + n.code.slice(oldCode.length) : n.code;
    return n.children ? { ...n, code, children: n.children.map(go) } : { ...n, code };
  };
  return go(node);
}

/** Applies `fn` to the node with `code` (first match); `fn` may return null to delete it. */
export function mapNode(nodes: Nodes, code: string, fn: (n: FrameworkNode) => FrameworkNode | null): FrameworkNode[] {
  let done = false;
  const go = (list: Nodes): FrameworkNode[] => {
    const out: FrameworkNode[] = [];
    for (const n of list) {
      if (!done && n.code === code) {
        done = true;
        const r = fn(n);
        if (r) out.push(r);
      } else if (!done && n.children) {
        out.push({ ...n, children: go(n.children) });
      } else out.push(n);
    }
    return out;
  };
  return go(nodes);
}

function childrenOf(nodes: Nodes, parentCode: string | null): Nodes {
  if (parentCode === null) return nodes;
  return findNode(nodes, parentCode)?.node.children ?? [];
}

function allCodes(nodes: Nodes): Set<string> {
  const s = new Set<string>();
  const go = (l: Nodes) =>
    l.forEach((n) => {
      s.add(n.code);
      if (n.children) go(n.children);
    });
  go(nodes);
  return s;
}

/** Next free code under `parentCode`: one more than the highest numeric last segment. */
export function nextChildCode(nodes: Nodes, parentCode: string | null): string {
  const used = allCodes(nodes);
  let n = 0;
  for (const c of childrenOf(nodes, parentCode)) {
    const last = /(\d+)$/.exec(c.code.split('.').pop() ?? '');
    if (last) n = Math.max(n, Number(last[1]));
  }
  let code: string;
  do {
    n += 1;
    code = parentCode === null ? String(n) : `${parentCode}.${n}`;
  } while (used.has(code));
  return code;
}

export function parentCodeOf(nodes: Nodes, code: string): string | null {
  return findNode(nodes, code)?.parentCode ?? null;
}

function setChildren(nodes: Nodes, parentCode: string | null, children: FrameworkNode[]): FrameworkNode[] {
  if (parentCode === null) return children;
  return mapNode(nodes, parentCode, (p) => {
    const { method: _method, children: _old, ...rest } = p;
    if (children.length > 0) return { ...rest, children };
    const { children: _none, ...leaf } = p;
    return leaf;
  });
}

/** Adds a new leaf under `parentCode` (null: a main indicator); a leaf parent loses its method. */
export function addChild(
  nodes: Nodes,
  parentCode: string | null,
  title: string,
): { nodes: FrameworkNode[]; code: string } {
  const code = nextChildCode(nodes, parentCode);
  const siblings = childrenOf(nodes, parentCode);
  const parentMax = parentCode === null ? 0 : (findNode(nodes, parentCode)?.node.maxPoints ?? 0);
  const leaf: FrameworkNode = {
    code,
    title,
    maxPoints: siblings.length === 0 ? parentMax : 0,
    method: { kind: 'manual' },
  };
  return { nodes: sortNodes(setChildren(nodes, parentCode, [...siblings, leaf])), code };
}

export function deleteNode(nodes: Nodes, code: string): FrameworkNode[] {
  const parent = parentCodeOf(nodes, code);
  const rest = mapNode(nodes, code, () => null);
  if (parent === null) return rest;
  // A group left without children becomes a leaf again.
  return mapNode(rest, parent, (p) => (p.children && p.children.length === 0 ? { ...p, children: undefined } : p));
}

/** Updates fields of a node; a new code re-prefixes its descendants. Returns the nodes re-sorted. */
export function updateNode(nodes: Nodes, code: string, patch: Partial<FrameworkNode>): FrameworkNode[] {
  return sortNodes(
    mapNode(nodes, code, (n) => {
      const { code: newCode, ...fields } = patch;
      const merged: FrameworkNode = { ...n, ...fields };
      for (const k of Object.keys(merged) as (keyof FrameworkNode)[]) if (merged[k] === undefined) delete merged[k];
      return newCode !== undefined ? recode(merged, newCode) : merged;
    }),
  );
}

/** Gives the siblings under `parentCode` the codes of that list, sorted, in the order `orderedCodes`. */
function reorderSiblings(nodes: Nodes, parentCode: string | null, orderedCodes: string[]): FrameworkNode[] {
  const siblings = childrenOf(nodes, parentCode);
  const byCode = new Map(siblings.map((s) => [s.code, s]));
  const sortedCodes = siblings.map((s) => s.code);
  const recoded = orderedCodes.map((c, i) => recode(byCode.get(c)!, sortedCodes[i]!));
  return sortNodes(setChildren(nodes, parentCode, recoded));
}

/** Moves a node one place up (-1) or down (+1) among its siblings, swapping codes. */
export function moveNode(nodes: Nodes, code: string, dir: -1 | 1): { nodes: FrameworkNode[]; code: string } {
  const parent = parentCodeOf(nodes, code);
  const order = childrenOf(nodes, parent).map((s) => s.code);
  const i = order.indexOf(code);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= order.length) return { nodes: [...nodes], code };
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { nodes: reorderSiblings(nodes, parent, order), code: childrenOf(nodes, parent)[j]!.code };
}

/** True when `code` is `ancestor` or below it. */
export function isInSubtree(nodes: Nodes, ancestor: string, code: string): boolean {
  const sub = findNode(nodes, ancestor);
  return !!sub && allCodes([sub.node]).has(code);
}

/** Moves a node under another parent (null: top level) with the next free code there. */
export function changeParent(
  nodes: Nodes,
  code: string,
  newParent: string | null,
): { nodes: FrameworkNode[]; code: string } {
  const found = findNode(nodes, code);
  if (!found || (newParent !== null && isInSubtree(nodes, code, newParent)) || found.parentCode === newParent) {
    return { nodes: [...nodes], code };
  }
  const without = deleteNode(nodes, code);
  const newCode = nextChildCode(without, newParent);
  const moved = recode(found.node, newCode);
  const siblings = childrenOf(without, newParent);
  return { nodes: sortNodes(setChildren(without, newParent, [...siblings, moved])), code: newCode };
}

/** Drag and drop: into `target` (as last child), or before/after it among its siblings. */
export function dropNode(
  nodes: Nodes,
  code: string,
  target: string,
  where: 'into' | 'before' | 'after',
): { nodes: FrameworkNode[]; code: string } {
  if (code === target || isInSubtree(nodes, code, target)) return { nodes: [...nodes], code };
  if (where === 'into') return changeParent(nodes, code, target);
  const parent = parentCodeOf(nodes, target);
  const moved = changeParent(nodes, code, parent);
  const order = childrenOf(moved.nodes, parent)
    .map((s) => s.code)
    .filter((c) => c !== moved.code);
  const at = order.indexOf(target) + (where === 'after' ? 1 : 0);
  order.splice(at, 0, moved.code);
  const siblings = childrenOf(moved.nodes, parent).map((s) => s.code);
  const newCode = siblings[order.indexOf(moved.code)]!;
  return { nodes: reorderSiblings(moved.nodes, parent, order), code: newCode };
}
