// How big an index-set tree may be, checked on the untrusted document before anything recursive looks
// at it (the zod schema, normalisation, validation, scoring all walk the tree by recursion): 650
// nested levels froze a server for 15 s in the schema and 700 overflowed its stack. The check itself
// is a loop with its own stack, so no document can overflow it. The decisions use 2–4 levels and at
// most a few hundred criteria; the limits leave ample room.

export const MAX_FRAMEWORK_DEPTH = 10;
export const MAX_FRAMEWORK_NODES = 5000;

export interface BoundsProblem {
  /** Where the limit was passed, e.g. "nodes[0].children[0].children[0]". */
  path: string;
  message: string;
}

/** The first limit the document's `nodes` tree passes, or null. Only `children` arrays are followed:
 *  they are what the schema recurses into; anything else has a fixed depth in the schema. */
export function frameworkBoundsProblem(doc: unknown): BoundsProblem | null {
  if (doc === null || typeof doc !== 'object') return null;
  const roots = (doc as { nodes?: unknown }).nodes;
  if (!Array.isArray(roots)) return null;
  const stack: { nodes: unknown[]; depth: number; path: string }[] = [{ nodes: roots, depth: 1, path: 'nodes' }];
  let count = 0;
  while (stack.length > 0) {
    const { nodes, depth, path } = stack.pop()!;
    if (depth > MAX_FRAMEWORK_DEPTH) {
      return {
        path,
        message: `Bộ chỉ số lồng quá ${MAX_FRAMEWORK_DEPTH} cấp chỉ số (các quyết định chỉ dùng 2–4 cấp); không thể kiểm tra hay lưu.`,
      };
    }
    count += nodes.length;
    if (count > MAX_FRAMEWORK_NODES) {
      return { path, message: `Bộ chỉ số có quá ${MAX_FRAMEWORK_NODES} chỉ số; không thể kiểm tra hay lưu.` };
    }
    for (let i = 0; i < nodes.length; i++) {
      const children = (nodes[i] as { children?: unknown } | null)?.children;
      if (Array.isArray(children)) stack.push({ nodes: children, depth: depth + 1, path: `${path}[${i}].children` });
    }
  }
  return null;
}
