// Recursive-descent parser of the formula language. Precedence, lowest first:
//   or  <  and  <  not  <  comparison (non-associative)  <  + -  <  * /  <  unary -  <  primary
// A name directly followed by "(" is a function call (min, max, round, if); a bare `max` is the item's
// maximum points. Nesting is limited so a hostile formula cannot exhaust the stack.
import { errorAt, tokenize, type FormulaError, type Token } from './tokens.ts';
import { FUNCTIONS, type BinaryOp, type Expr, type FunctionName } from './ast.ts';

export type ParseResult = { ok: true; ast: Expr } | ({ ok: false } & FormulaError);

export const MAX_FORMULA_LENGTH = 2000;
const MAX_DEPTH = 64;

class ParseFailure {
  constructor(readonly error: FormulaError) {}
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }
  private fail(pos: number, message: string): never {
    throw new ParseFailure(errorAt(pos, message));
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.text === word;
  }
  private expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t.pos, `cần ${what}${describe(t)}.`);
    return this.next();
  }

  parseAll(): Expr {
    const e = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'end') this.fail(t.pos, `thừa ${describe(t).replace(/^, gặp /, '')} sau biểu thức.`);
    return e;
  }

  private nested<T>(pos: number, f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(pos, 'biểu thức lồng nhau quá sâu.');
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const pos = this.next().pos;
      left = { type: 'binary', op: 'or', left, right: this.parseAnd(), pos };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const pos = this.next().pos;
      left = { type: 'binary', op: 'and', left, right: this.parseNot(), pos };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isWord('not')) {
      const pos = this.next().pos;
      return this.nested(pos, () => ({ type: 'unary', op: 'not', arg: this.parseNot(), pos }));
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text)) {
        this.fail(after.pos, 'không được viết nối tiếp hai phép so sánh; hãy dùng and.');
      }
      return { type: 'binary', op: t.text as BinaryOp, left, right, pos: t.pos };
    }
    return left;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.parseMultiplicative(), pos: t.pos };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    for (let t = this.peek(); t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.next();
      left = { type: 'binary', op: t.text as BinaryOp, left, right: this.parseUnary(), pos: t.pos };
    }
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      return this.nested(t.pos, () => {
        const arg = this.parseUnary();
        return t.text === '-' ? { type: 'unary', op: '-', arg, pos: t.pos } : arg;
      });
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: Number(t.text), pos: t.pos };
      case 'lparen': {
        const inner = this.nested(t.pos, () => this.parseOr());
        this.expect('rparen', 'dấu ")" để đóng ngoặc mở ở vị trí ' + t.pos);
        return inner;
      }
      case 'name':
        return this.parseNameOrCall(t);
      default:
        return this.fail(t.pos, `cần một số, một tên hoặc "("${describe(t)}.`);
    }
  }

  private parseNameOrCall(t: Token): Expr {
    if (t.text === 'true' || t.text === 'false')
      return { type: 'number', value: t.text === 'true' ? 1 : 0, pos: t.pos };
    if (t.text === 'and' || t.text === 'or' || t.text === 'not') this.fail(t.pos, `thiếu toán hạng trước "${t.text}".`);
    if (this.peek().kind !== 'lparen') return { type: 'name', name: t.text, pos: t.pos };
    const arity = FUNCTIONS.get(t.text);
    if (!arity) this.fail(t.pos, `hàm không được hỗ trợ "${t.text}" (chỉ có min, max, round, if).`);
    this.next();
    const args: Expr[] = [];
    this.nested(t.pos, () => {
      if (this.peek().kind !== 'rparen') {
        args.push(this.parseOr());
        while (this.peek().kind === 'comma') {
          this.next();
          args.push(this.parseOr());
        }
      }
      this.expect('rparen', `dấu "," hoặc ")" trong lời gọi ${t.text}(`);
    });
    const [lo, hi] = arity;
    if (args.length < lo || args.length > hi) {
      const want = lo === hi ? `${lo}` : hi >= 50 ? `ít nhất ${lo}` : `${lo} đến ${hi}`;
      this.fail(t.pos, `hàm ${t.text} cần ${want} đối số (có ${args.length}).`);
    }
    return { type: 'call', fn: t.text as FunctionName, args, pos: t.pos };
  }
}

function describe(t: Token): string {
  return t.kind === 'end' ? ', nhưng biểu thức đã kết thúc' : `, gặp "${t.text}"`;
}

export function parseFormula(source: string): ParseResult {
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, ...errorAt(MAX_FORMULA_LENGTH + 1, `công thức dài quá ${MAX_FORMULA_LENGTH} ký tự.`) };
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  if (lexed.tokens.length === 1) return { ok: false, ...errorAt(1, 'công thức trống.') };
  try {
    return { ok: true, ast: new Parser(lexed.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, ...e.error };
    throw e;
  }
}
