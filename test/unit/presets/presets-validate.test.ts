// Every preset in frameworks/*.yaml through the shared validator and zod schema: no errors, only the intended
// count warnings of the structure-only sets, and the illustrative set's formulas evaluate.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import * as core from '../../../src/core/framework/index.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../../src/core/framework/types.ts';

const DIR = join(resolve(import.meta.dirname, '../../..'), 'frameworks');
const presets = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, def: parse(readFileSync(join(DIR, file), 'utf8')) as FrameworkDefinition }));
const byFile = (file: string): FrameworkDefinition => presets.find((x) => x.file === file)!.def;
const leaves = (nodes: FrameworkNode[]): FrameworkNode[] =>
  nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
describe('presets through validateFramework and frameworkDefinitionSchema', () => {
  type Report = { errors: { code: string }[]; warnings: { code: string }[] };
  const schema = core.frameworkDefinitionSchema as unknown as {
    safeParse: (x: unknown) => { success: boolean; error?: unknown };
  };
  const validate = core.validateFramework as unknown as (d: unknown) => Report;

  it.each(presets)('$file: schema accepts it and validation finds no errors', ({ def }) => {
    const parsed = schema.safeParse(def);
    expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
    expect(validate(def).errors).toEqual([]);
  });

  it('warnings are only the intended count mismatches of the structure-only sets', () => {
    const got = Object.fromEntries(presets.map(({ file, def }) => [file, validate(def).warnings.map((w) => w.code)]));
    for (const f of ['so', 'huyen', 'xa']) expect(got[`ha-tinh-2878-2023-${f}.yaml`]).toEqual(['SUB_COUNT_MISMATCH']);
    expect(got['tuan-giao-2023-xa.yaml']).toEqual(['MAIN_COUNT_MISMATCH']);
    expect(got['minh-hoa-xa-1000.yaml']).toEqual([]);
  });

  it('the illustrative formulas evaluate with the informational fields', () => {
    const scoreItem = core.scoreItem as unknown as (
      item: unknown,
      inputs: unknown,
      info: unknown,
    ) => { points: number | null; issues: unknown[] };
    const info = { population: 2000, households: 500, staff: 20 };
    for (const l of leaves(byFile('minh-hoa-xa-1000.yaml').nodes).filter((x) => x.method?.kind === 'formula')) {
      const r = scoreItem({ code: l.code, maxPoints: l.maxPoints, method: l.method }, { a: 250 }, info);
      expect(r.issues, l.code).toEqual([]);
      expect(r.points, l.code).not.toBeNull();
      expect(r.points!).toBeGreaterThanOrEqual(0);
      expect(r.points!).toBeLessThanOrEqual(l.maxPoints);
    }
  });
});
