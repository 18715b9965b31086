// Parse + name check: a formula may use its declared inputs, `max` (the item's maximum points) and
// `info.<key>` for declared informational fields. Anything else — including "constructor",
// "__proto__", "a.constructor" — is an error with its position, found before any scoring happens.
// Parsed ASTs are memoised by source text (pure: same text, same AST) so scoring a set stays fast.
import { parseFormula, type ParseResult } from './parser.ts';
import { collectNames, RESERVED_WORDS, type Expr } from './ast.ts';
import { errorAt, type FormulaError } from './tokens.ts';

export const INFO_PREFIX = 'info.';
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that are legal identifiers but must never be used, whatever is declared. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface NameScope {
  /** Declared input names of the item. */
  inputs: readonly string[];
  /** Declared informational keys; undefined = accept any `info.<key>` (checked for a value when scoring). */
  infoKeys?: readonly string[];
}

/** A refusal: FORMULA_PARSE_ERROR, or FORMULA_UNKNOWN_NAME with the unknown `name`. */
export type CompileResult =
  | { ok: true; ast: Expr; names: string[] }
  | ({ ok: false; code: 'FORMULA_PARSE_ERROR' | 'FORMULA_UNKNOWN_NAME'; name?: string } & FormulaError);

/** Why an input name cannot be declared, or null when it can. */
export function inputNameProblem(name: string): string | null {
  if (!INPUT_NAME.test(name))
    return `tên biến "${name}" chỉ được gồm chữ cái không dấu, chữ số và "_", không bắt đầu bằng chữ số.`;
  if (RESERVED_WORDS.has(name)) return `"${name}" là từ khóa của ngôn ngữ công thức, không dùng làm tên biến.`;
  if (FORBIDDEN_NAMES.has(name)) return `tên biến "${name}" không được phép.`;
  return null;
}

const cache = new Map<string, ParseResult>();
const CACHE_LIMIT = 1000;

export function parseFormulaCached(source: string): ParseResult {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parseFormula(source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, parsed);
  return parsed;
}

function isKnown(name: string, inputs: ReadonlySet<string>, infoKeys: ReadonlySet<string> | undefined): boolean {
  if (name === 'max') return true;
  if (name.startsWith(INFO_PREFIX)) {
    const key = name.slice(INFO_PREFIX.length);
    if (key.includes('.') || FORBIDDEN_NAMES.has(key) || !INPUT_NAME.test(key)) return false;
    return infoKeys === undefined || infoKeys.has(key);
  }
  return !FORBIDDEN_NAMES.has(name) && inputs.has(name);
}

export function compileFormula(source: string, scope: NameScope): CompileResult {
  const parsed = parseFormulaCached(source);
  if (!parsed.ok) return { ok: false, code: 'FORMULA_PARSE_ERROR', message: parsed.message, position: parsed.position };
  const inputs = new Set(scope.inputs);
  const infoKeys = scope.infoKeys ? new Set(scope.infoKeys) : undefined;
  const names = collectNames(parsed.ast);
  for (const { name, pos } of names) {
    if (!isKnown(name, inputs, infoKeys)) {
      const hint = name.startsWith(INFO_PREFIX)
        ? ' (không có trường thông tin chung này)'
        : ' (chưa khai báo trong danh sách biến)';
      const e = errorAt(pos, `tên không xác định "${name}"${hint}.`);
      return { ok: false, code: 'FORMULA_UNKNOWN_NAME', name, ...e };
    }
  }
  return { ok: true, ast: parsed.ast, names: names.map((n) => n.name) };
}
