// Tokenizer of the formula language. Hand-written on purpose: the language is tiny and every error must
// name the character position (1-based column) where it happened.

export type TokenKind = 'number' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for numbers, the digits; for names, the dotted name). */
  text: string;
  /** 1-based column of the first character. */
  pos: number;
}

export interface FormulaError {
  message: string;
  /** 1-based column. */
  position: number;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | ({ ok: false } & FormulaError);

/** Longest operators first so "<=" is not read as "<" then "=". */
const OPERATORS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/'];
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

export function errorAt(position: number, message: string): FormulaError {
  return { position, message: `Lỗi tại vị trí ${position}: ${message}` };
}

export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const pos = i + 1;
    if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(source[i + 1] ?? ''))) {
      let j = i;
      while (j < source.length && DIGIT.test(source[j] as string)) j++;
      if (source[j] === '.') {
        j++;
        if (!DIGIT.test(source[j] ?? ''))
          return { ok: false, ...errorAt(j + 1, 'thiếu chữ số sau dấu chấm thập phân.') };
        while (j < source.length && DIGIT.test(source[j] as string)) j++;
      }
      tokens.push({ kind: 'number', text: source.slice(i, j), pos });
      i = j;
      continue;
    }
    if (NAME_START.test(ch)) {
      // Dotted names (info.population) are one token; "a.constructor" is thus one unknown name,
      // never a property access.
      let j = i;
      for (;;) {
        while (j < source.length && NAME_PART.test(source[j] as string)) j++;
        if (source[j] === '.' && NAME_START.test(source[j + 1] ?? '')) {
          j++;
          continue;
        }
        break;
      }
      if (source[j] === '.') return { ok: false, ...errorAt(j + 1, 'sau dấu chấm phải là một tên.') };
      tokens.push({ kind: 'name', text: source.slice(i, j), pos });
      i = j;
      continue;
    }
    if (ch === '(') tokens.push({ kind: 'lparen', text: ch, pos });
    else if (ch === ')') tokens.push({ kind: 'rparen', text: ch, pos });
    else if (ch === ',') tokens.push({ kind: 'comma', text: ch, pos });
    else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) {
        const hint =
          ch === '='
            ? ' (so sánh bằng viết là ==)'
            : ch === '&' || ch === '|' || ch === '!'
              ? ' (dùng and, or, not)'
              : '';
        return { ok: false, ...errorAt(pos, `ký tự không hợp lệ "${ch}"${hint}.`) };
      }
      tokens.push({ kind: 'op', text: op, pos });
      i += op.length;
      continue;
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', pos: source.length + 1 });
  return { ok: true, tokens };
}
