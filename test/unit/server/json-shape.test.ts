// The depth and size of any JSON body, measured by a loop before the route's schema (issue 11, finding 2).
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonShapeProblem } from '../../../src/server/plugins/json-shape.ts';

const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`);

describe('JSON body shape', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}; arrays count like objects`, () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toBe('depth');
    expect(jsonShapeProblem(JSON.parse('['.repeat(65) + ']'.repeat(65)))).toBe('depth');
  });

  it('100,000 levels: refused in milliseconds without recursion', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    const t0 = performance.now();
    expect(jsonShapeProblem(deep)).toBe('depth');
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('more than 500,000 values, scalars and bodies that are not objects', () => {
    expect(jsonShapeProblem({ a: Array.from({ length: 500_001 }, () => 0) })).toBe('values');
    expect(jsonShapeProblem({ a: Array.from({ length: 400_000 }, () => 0) })).toBeNull();
    expect(jsonShapeProblem('x')).toBeNull();
    expect(jsonShapeProblem(null)).toBeNull();
  });
});
