// The formula AST: plain data, so a parsed formula can be cached, inspected (which names it uses) and
// evaluated without ever turning text into code.

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type FunctionName = 'min' | 'max' | 'round' | 'if';

export type Expr =
  | { type: 'number'; value: number; pos: number }
  | { type: 'name'; name: string; pos: number }
  | { type: 'unary'; op: '-' | 'not'; arg: Expr; pos: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { type: 'call'; fn: FunctionName; args: Expr[]; pos: number };

/** Arity of each function: [min, max] argument count. */
export const FUNCTIONS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ['min', [1, 50]],
  ['max', [1, 50]],
  ['round', [1, 2]],
  ['if', [3, 3]],
]);

/** Words with a meaning in the language; they cannot be input names. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'true',
  'false',
  'min',
  'max',
  'round',
  'if',
  'info',
]);

/** Every name used by the expression, in order of first appearance, with its first position. */
export function collectNames(expr: Expr): { name: string; pos: number }[] {
  const seen = new Map<string, number>();
  const visit = (e: Expr): void => {
    switch (e.type) {
      case 'name':
        if (!seen.has(e.name)) seen.set(e.name, e.pos);
        return;
      case 'unary':
        visit(e.arg);
        return;
      case 'binary':
        visit(e.left);
        visit(e.right);
        return;
      case 'call':
        e.args.forEach(visit);
        return;
      case 'number':
        return;
    }
  };
  visit(expr);
  return [...seen].map(([name, pos]) => ({ name, pos }));
}
