// Index-set trees are measured before any recursive check looks at them (issue 11, finding 2): depth
// and node count, by a loop that no document can overflow; parseFrameworkDocument refuses an oversized
// tree at once, before zod's recursive schema.
import { describe, expect, it } from 'vitest';
import {
  MAX_FRAMEWORK_DEPTH,
  frameworkBoundsProblem,
  parseFrameworkDocument,
} from '../../../src/core/framework/index.ts';
import { framework, leaf } from './fixtures.ts';

/** A chain of `depth` nested nodes, built without recursion; `bad` gives every node wrong field types. */
function chain(depth: number, bad = false): unknown {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let d = 1; d <= depth; d++) {
    Object.assign(
      node,
      bad
        ? { code: d, title: [d], maxPoints: 'nhiều', extra: true }
        : { code: `${d}`, title: `Cấp ${d}`, maxPoints: 1 },
    );
    if (d < depth) {
      const child: Record<string, unknown> = {};
      node.children = [child];
      node = child;
    }
  }
  return { ...framework([]), nodes: [root] };
}

describe('index-set tree bounds', () => {
  it(`accepts ${MAX_FRAMEWORK_DEPTH} levels and 5,000 nodes; refuses one more level or node, naming the limit and where`, () => {
    expect(frameworkBoundsProblem(chain(MAX_FRAMEWORK_DEPTH))).toBeNull();
    expect(frameworkBoundsProblem(chain(MAX_FRAMEWORK_DEPTH + 1))).toEqual({
      path: `nodes[0]${'.children[0]'.repeat(MAX_FRAMEWORK_DEPTH - 1)}.children`,
      message: expect.stringMatching(/lồng quá 10 cấp/),
    });
    const wide = (n: number) => framework(Array.from({ length: n }, (_, i) => leaf(`${i + 1}`, 1)));
    expect(frameworkBoundsProblem(wide(5000))).toBeNull();
    expect(frameworkBoundsProblem(wide(5001))?.message).toMatch(/quá 5000 chỉ số/);
  });

  it('650, 700, 5,000 and 200,000 levels, with right or wrong field types: refused in milliseconds, no stack overflow', () => {
    for (const depth of [650, 700, 5_000, 200_000]) {
      for (const bad of [false, true]) {
        const doc = chain(depth, bad);
        const t0 = performance.now();
        const parsed = parseFrameworkDocument(doc);
        expect(performance.now() - t0, `${depth} levels`).toBeLessThan(100);
        expect(parsed).toMatchObject({
          ok: false,
          oversized: true,
          problems: [{ message: expect.stringMatching(/lồng quá 10 cấp/) }],
        });
      }
    }
  });

  it('a document without a nodes array is left to the schema', () => {
    expect(frameworkBoundsProblem(null)).toBeNull();
    expect(frameworkBoundsProblem({ nodes: 'x' })).toBeNull();
    expect(parseFrameworkDocument({ nodes: 'x' })).toMatchObject({ ok: false });
  });
});
