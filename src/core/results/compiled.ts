// The index set flattened once into arrays (pre-order, parent indices, maxima in hundredths), so that
// scoring thousands of units walks arrays instead of re-walking the tree. Cached per `nodes` array in
// a WeakMap: the definition is immutable data, so memoising is invisible to callers.
import type { FrameworkDefinition, FrameworkNode } from '../framework/types.ts';
import { toHundredths } from '../framework/rounding.ts';

export interface CompiledDefinition {
  codes: string[];
  titles: string[];
  depth: number[];
  /** -1 for main indicators. */
  parent: number[];
  isLeaf: boolean[];
  maxH: number[];
  /** Indices of the main indicators (depth 1). */
  roots: number[];
  leafIndices: number[];
  indexByCode: Map<string, number>;
}

const cache = new WeakMap<readonly FrameworkNode[], CompiledDefinition>();

export function compileDefinition(definition: Pick<FrameworkDefinition, 'nodes'>): CompiledDefinition {
  const hit = cache.get(definition.nodes);
  if (hit) return hit;
  const c: CompiledDefinition = {
    codes: [],
    titles: [],
    depth: [],
    parent: [],
    isLeaf: [],
    maxH: [],
    roots: [],
    leafIndices: [],
    indexByCode: new Map(),
  };
  const visit = (node: FrameworkNode, depth: number, parent: number): void => {
    const i = c.codes.length;
    const leaf = !node.children || node.children.length === 0;
    c.codes.push(node.code);
    c.titles.push(node.title);
    c.depth.push(depth);
    c.parent.push(parent);
    c.isLeaf.push(leaf);
    c.maxH.push(toHundredths(node.maxPoints));
    c.indexByCode.set(node.code, i);
    if (parent < 0) c.roots.push(i);
    if (leaf) c.leafIndices.push(i);
    else for (const child of node.children!) visit(child, depth + 1, i);
  };
  for (const root of definition.nodes) visit(root, 1, -1);
  cache.set(definition.nodes, c);
  return c;
}

/**
 * The slot order of a set's score sheets: its leaves in pre-order, as the engine walks them. Stored in
 * framework_leaves (src/db/queries/campaign-score-sheets.ts) so the database packs sheets in the
 * engine's own order — the order is computed here only, never again in SQL.
 */
export function sheetLeafCodes(definition: Pick<FrameworkDefinition, 'nodes'>): string[] {
  const c = compileDefinition(definition);
  return c.leafIndices.map((i) => c.codes[i]!);
}
