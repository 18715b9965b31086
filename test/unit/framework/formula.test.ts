import { describe, expect, it } from 'vitest';
import { compileFormula, parseFormula, scoreItem, type ScoringMethod } from '../../../src/core/framework/index.ts';

const formula = (
  expression: string,
  names: string[] = ['a', 'b'],
  types: ('number' | 'boolean')[] = [],
): ScoringMethod => ({
  kind: 'formula',
  expression,
  inputs: names.map((name, i) => ({ name, label: name.toUpperCase(), type: types[i] ?? 'number' })),
});

describe('formula language', () => {
  it('computes min(a/b, 1) × max', () => {
    expect(scoreItem({ maxPoints: 10, method: formula('min(a/b, 1) * max') }, { a: 1, b: 4 }).points).toBe(2.5);
  });
  it('respects precedence and parentheses', () => {
    expect(scoreItem({ maxPoints: 100, method: formula('a + b * 2') }, { a: 1, b: 3 }).points).toBe(7);
    expect(scoreItem({ maxPoints: 100, method: formula('(a + b) * 2') }, { a: 1, b: 3 }).points).toBe(8);
    expect(scoreItem({ maxPoints: 100, method: formula('-a + 10') }, { a: 3 }).points).toBe(7);
  });
  it('supports comparisons, and/or/not and if()', () => {
    const m = formula('if(a >= 2 and not (b == 0) or a > 100, max, max / 2)');
    expect(scoreItem({ maxPoints: 4, method: m }, { a: 2, b: 1 }).points).toBe(4);
    expect(scoreItem({ maxPoints: 4, method: m }, { a: 2, b: 0 }).points).toBe(2);
  });
  it('reads boolean inputs as 1/0', () => {
    const m = formula('if(x, max, 0)', ['x'], ['boolean']);
    expect(scoreItem({ maxPoints: 3, method: m }, { x: true }).points).toBe(3);
    expect(scoreItem({ maxPoints: 3, method: m }, { x: 'không' }).points).toBe(0);
  });
  it('round(x, digits) rounds half-up', () => {
    expect(scoreItem({ maxPoints: 10, method: formula('round(a, 1)', ['a']) }, { a: 1.25 }).points).toBe(1.3);
  });
  it('uses informational fields as info.<key>', () => {
    const m = formula('min(a / info.population * 1000, 1) * max', ['a']);
    expect(scoreItem({ maxPoints: 10, method: m }, { a: 5 }, { population: 10000 }).points).toBe(5);
    expect(scoreItem({ maxPoints: 10, method: m }, { a: 5 }, {}).issues[0]).toMatchObject({
      code: 'INPUT_MISSING',
      input: 'info.population',
    });
  });
  it('division by zero is an issue, not Infinity', () => {
    const r = scoreItem({ maxPoints: 10, method: formula('a / b') }, { a: 1, b: 0 });
    expect(r.points).toBeNull();
    expect(r.issues[0]?.code).toBe('FORMULA_DIVISION_BY_ZERO');
  });
  it('clamps the result to 0…max', () => {
    expect(scoreItem({ maxPoints: 10, method: formula('a - b') }, { a: 1, b: 5 }).points).toBe(0);
    expect(scoreItem({ maxPoints: 10, method: formula('a * b') }, { a: 10, b: 5 }).points).toBe(10);
  });
  it('reports missing inputs before evaluating', () => {
    expect(scoreItem({ maxPoints: 10, method: formula('a + b') }, { a: 1 }).issues.map((i) => i.code)).toEqual([
      'INPUT_MISSING',
    ]);
  });
});

describe('formula injection attempts are refused at compile time', () => {
  it.each(['constructor', '__proto__', 'prototype', 'a.constructor', 'toString', 'info.__proto__', 'hasOwnProperty'])(
    '"%s" is an unknown name',
    (expr) => {
      const r = compileFormula(expr, { inputs: ['a'] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('FORMULA_UNKNOWN_NAME');
    },
  );
  it('a.constructor cannot reach the prototype when scoring', () => {
    const r = scoreItem({ maxPoints: 10, method: formula('a.constructor', ['a']) }, { a: 1 });
    expect(r.points).toBeNull();
    expect(r.issues[0]?.message).toMatch(/^Lỗi tại vị trí 1: tên không xác định "a\.constructor"/);
  });
  it('input values keyed __proto__ are not inherited', () => {
    const r = scoreItem({ maxPoints: 10, method: formula('a', ['a']) }, JSON.parse('{"__proto__": {"a": 5}}'));
    expect(r.issues[0]?.code).toBe('INPUT_MISSING');
  });
  it.each(['eval(a)', 'Function(a)', 'a[0]', 'a; b', '`a`', "'a'", 'a = 1', 'a || b', 'this'])(
    '"%s" does not parse or is unknown',
    (expr) => {
      expect(compileFormula(expr, { inputs: ['a', 'b'] }).ok).toBe(false);
    },
  );
});

describe('parse errors name the character position', () => {
  it.each([
    ['min(a/b,,1)', 9],
    ['a +', 4],
    ['(a + b', 7],
    ['a = b', 3],
    ['a b', 3],
    ['foo(a)', 1],
    ['round(a, 1, 2)', 1],
    ['1 < a < 3', 7],
  ])('"%s" fails at position %i', (expr, position) => {
    const r = parseFormula(expr);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.position).toBe(position);
      expect(r.message).toMatch(new RegExp(`^Lỗi tại vị trí ${position}: `));
    }
  });
  it('refuses deeply nested expressions instead of overflowing the stack', () => {
    expect(parseFormula('('.repeat(500) + 'a' + ')'.repeat(500)).ok).toBe(false);
    expect(parseFormula('-'.repeat(500) + 'a').ok).toBe(false);
  });
});
