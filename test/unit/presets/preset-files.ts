// The shipped presets (frameworks/*.yaml) as the preset tests read them, and small tree helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/types.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIR = join(ROOT, 'frameworks');
export const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
export const presets = files.map((file) => ({
  file,
  def: parse(readFileSync(join(DIR, file), 'utf8')) as FrameworkDefinition,
}));
export const byFile = (file: string): FrameworkDefinition => {
  const p = presets.find((x) => x.file === file);
  if (!p) throw new Error(`missing ${file}`);
  return p.def;
};

export function walk(
  nodes: FrameworkNode[],
  visit: (n: FrameworkNode, parent?: FrameworkNode) => void,
  parent?: FrameworkNode,
): void {
  for (const n of nodes) {
    visit(n, parent);
    if (n.children) walk(n.children, visit, n);
  }
}
export const leaves = (def: FrameworkDefinition): FrameworkNode[] => {
  const out: FrameworkNode[] = [];
  walk(def.nodes, (n) => {
    if (!n.children?.length) out.push(n);
  });
  return out;
};
/** MM-DD, as the presets write their deadlines and reporting periods. */
export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
