// The definition of an index-set version, with its leaves indexed by code. A published version is frozen
// for good (framework-policy: never edited, only archived), so it is cached per process: item saves
// are the hot path and must not re-read a 100 KB document each time. Drafts are never cached.
import { eq } from 'drizzle-orm';
import { type FrameworkDefinition, type FrameworkNode, flattenNodes, sortNodes } from '../../core/framework/index.ts';
import type { Db } from '../client.ts';
import { frameworks } from '../schema/frameworks.ts';

export interface IndexedDefinition {
  id: string;
  status: string;
  definition: FrameworkDefinition;
  /** Leaves (scored items) by code, in natural order. */
  leaves: Map<string, FrameworkNode>;
}

const cache = new Map<string, IndexedDefinition>();
const MAX_CACHED = 200;

export function indexDefinition(id: string, status: string, raw: FrameworkDefinition): IndexedDefinition {
  const definition = { ...raw, nodes: sortNodes(raw.nodes) };
  const leaves = new Map<string, FrameworkNode>();
  for (const flat of flattenNodes(definition)) if (flat.isLeaf) leaves.set(flat.code, flat.node);
  return { id, status, definition, leaves };
}

export async function loadDefinition(db: Db, id: string): Promise<IndexedDefinition | null> {
  const hit = cache.get(id);
  if (hit) return hit;
  const [row] = await db
    .select({ status: frameworks.status, definition: frameworks.definition })
    .from(frameworks)
    .where(eq(frameworks.id, id))
    .limit(1);
  if (!row) return null;
  const indexed = indexDefinition(id, row.status, row.definition);
  // Archived versions are frozen as well: only drafts may still change.
  if (row.status !== 'draft') {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(id, indexed);
  }
  return indexed;
}
