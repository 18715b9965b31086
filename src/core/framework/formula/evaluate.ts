// Evaluator of a parsed formula over a Map of numeric values. Booleans are 1/0; comparisons and
// and/or/not yield 1/0 and treat any non-zero as true; and/or/if short-circuit. Division by zero and
// non-finite results are returned as errors, never as Infinity/NaN.
import { roundHalfUp } from '../rounding.ts';
import { errorAt, type FormulaError } from './tokens.ts';
import type { Expr } from './ast.ts';

export type EvalResult = { ok: true; value: number } | ({ ok: false; code: string } & FormulaError);

class EvalFailure {
  constructor(
    readonly code: string,
    readonly error: FormulaError,
  ) {}
}

function fail(code: string, pos: number, message: string): never {
  throw new EvalFailure(code, errorAt(pos, message));
}

function finite(value: number, pos: number): number {
  if (!Number.isFinite(value)) fail('FORMULA_NOT_FINITE', pos, 'kết quả không phải là số hữu hạn.');
  return value;
}

function evalExpr(e: Expr, values: ReadonlyMap<string, number>): number {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'name': {
      const v = values.get(e.name);
      if (v === undefined) fail('FORMULA_UNKNOWN_NAME', e.pos, `tên không xác định "${e.name}".`);
      return v;
    }
    case 'unary': {
      const v = evalExpr(e.arg, values);
      return e.op === '-' ? -v : v === 0 ? 1 : 0;
    }
    case 'binary': {
      if (e.op === 'and') return evalExpr(e.left, values) !== 0 && evalExpr(e.right, values) !== 0 ? 1 : 0;
      if (e.op === 'or') return evalExpr(e.left, values) !== 0 || evalExpr(e.right, values) !== 0 ? 1 : 0;
      const l = evalExpr(e.left, values);
      const r = evalExpr(e.right, values);
      switch (e.op) {
        case '+':
          return finite(l + r, e.pos);
        case '-':
          return finite(l - r, e.pos);
        case '*':
          return finite(l * r, e.pos);
        case '/':
          if (r === 0) fail('FORMULA_DIVISION_BY_ZERO', e.pos, 'chia cho 0.');
          return finite(l / r, e.pos);
        case '<':
          return l < r ? 1 : 0;
        case '<=':
          return l <= r ? 1 : 0;
        case '>':
          return l > r ? 1 : 0;
        case '>=':
          return l >= r ? 1 : 0;
        case '==':
          return l === r ? 1 : 0;
        case '!=':
          return l !== r ? 1 : 0;
      }
      return fail('FORMULA_INTERNAL', e.pos, 'phép toán không xác định.');
    }
    case 'call':
      return evalCall(e, values);
  }
}

function evalCall(e: Extract<Expr, { type: 'call' }>, values: ReadonlyMap<string, number>): number {
  switch (e.fn) {
    case 'if': {
      const [cond, then, otherwise] = e.args as [Expr, Expr, Expr];
      return evalExpr(cond, values) !== 0 ? evalExpr(then, values) : evalExpr(otherwise, values);
    }
    case 'min':
      return Math.min(...e.args.map((a) => evalExpr(a, values)));
    case 'max':
      return Math.max(...e.args.map((a) => evalExpr(a, values)));
    case 'round': {
      const x = evalExpr(e.args[0] as Expr, values);
      const digits = e.args.length > 1 ? evalExpr(e.args[1] as Expr, values) : 0;
      if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
        fail('FORMULA_BAD_ARGUMENT', e.pos, 'số chữ số của round phải là số nguyên từ 0 đến 10.');
      }
      return roundHalfUp(x, digits);
    }
  }
}

export function evaluateFormula(ast: Expr, values: ReadonlyMap<string, number>): EvalResult {
  try {
    return { ok: true, value: evalExpr(ast, values) };
  } catch (err) {
    if (err instanceof EvalFailure) return { ok: false, code: err.code, ...err.error };
    throw err;
  }
}
