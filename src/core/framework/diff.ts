// Differences between two versions of a set, matched by node code: what was added, removed, and which
// fields of the remaining nodes changed (old/new values), plus the change of the total max points.
import type { FrameworkDefinition, FrameworkNode } from './types.ts';
import { flattenNodes, type FlatNode } from './tree.ts';
import { fromHundredths, toHundredths } from './rounding.ts';

export interface NodeRef {
  code: string;
  title: string;
  maxPoints: number;
  parentCode: string | null;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface NodeChange {
  code: string;
  title: string;
  fields: FieldChange[];
  oldMaxPoints: number;
  newMaxPoints: number;
}

export interface FrameworkDiff {
  added: NodeRef[];
  removed: NodeRef[];
  changed: NodeChange[];
  totalPoints: { old: number; new: number; delta: number };
}

/** Fields compared on each node; `children` is structure, reported through added/removed/parentCode. */
const COMPARED_FIELDS = [
  'title',
  'maxPoints',
  'method',
  'guidance',
  'evidence',
  'dataSource',
  'verifyingUnit',
  'evidenceRequired',
  'evidenceRule',
  'domain',
  'notApplicableAllowed',
  'automaticSource',
] as const;

/** JSON with sorted keys, so two methods written with keys in a different order compare equal. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function ref(f: FlatNode): NodeRef {
  return { code: f.code, title: f.node.title, maxPoints: f.node.maxPoints, parentCode: f.parentCode };
}

function totalOf(nodes: readonly FrameworkNode[]): number {
  return nodes.reduce((s, n) => s + toHundredths(n.maxPoints), 0);
}

export function diffFrameworks(
  a: Pick<FrameworkDefinition, 'nodes'>,
  b: Pick<FrameworkDefinition, 'nodes'>,
): FrameworkDiff {
  const oldFlat = flattenNodes(a.nodes);
  const newFlat = flattenNodes(b.nodes);
  const oldByCode = new Map(oldFlat.map((f) => [f.code, f]));
  const newByCode = new Map(newFlat.map((f) => [f.code, f]));
  const added = newFlat.filter((f) => !oldByCode.has(f.code)).map(ref);
  const removed = oldFlat.filter((f) => !newByCode.has(f.code)).map(ref);
  const changed: NodeChange[] = [];
  for (const n of newFlat) {
    const o = oldByCode.get(n.code);
    if (!o) continue;
    const fields: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      const ov = o.node[field];
      const nv = n.node[field];
      if (stableStringify(ov) !== stableStringify(nv)) fields.push({ field, old: ov, new: nv });
    }
    if (o.parentCode !== n.parentCode) fields.push({ field: 'parentCode', old: o.parentCode, new: n.parentCode });
    if (fields.length > 0) {
      changed.push({
        code: n.code,
        title: n.node.title,
        fields,
        oldMaxPoints: o.node.maxPoints,
        newMaxPoints: n.node.maxPoints,
      });
    }
  }
  const oldTotal = totalOf(a.nodes);
  const newTotal = totalOf(b.nodes);
  return {
    added,
    removed,
    changed,
    totalPoints: {
      old: fromHundredths(oldTotal),
      new: fromHundredths(newTotal),
      delta: fromHundredths(newTotal - oldTotal),
    },
  };
}
