// Parser of the method notation used in the Excel column "Phương pháp tính điểm" (grammar in
// docs/framework-format.md). Errors are returned with a 1-based position and a Vietnamese message.
import type { ChoiceOption, FormulaInput, ScoringMethod, StepThreshold } from '../types.ts';
import { errorAt } from '../formula/tokens.ts';
import { parseFormula } from '../formula/parser.ts';
import { collectNames } from '../formula/ast.ts';
import { INFO_PREFIX, inputNameProblem } from '../formula/compile.ts';
import { scanWords, splitWord, type Part, type Word } from './scan.ts';
import { parseNumber, parseShare, type Share } from './numbers.ts';

export type NotationResult = { ok: true; method: ScoringMethod } | { ok: false; message: string; position: number };

class NotationFailure {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

function fail(position: number, message: string): never {
  const e = errorAt(position, message);
  throw new NotationFailure(e.position, e.message);
}

function words(text: string, from: number): Word[] {
  const r = scanWords(text, from);
  if (!r.ok) throw new NotationFailure(r.position, r.message);
  return r.words;
}

function textOf(p: Part | null | undefined, where: number, what: string): Part {
  if (!p) fail(where, `thiếu ${what}.`);
  return p;
}

function bareNumber(p: Part | null | undefined, where: number, what: string): number {
  const part = textOf(p, where, what);
  const n = parseNumber(part.value);
  if (n === null || part.quoted) fail(part.pos, `${what} phải là một số không âm (gặp "${part.value}").`);
  return n;
}

function share(p: Part | null | undefined, where: number): Share {
  const part = textOf(p, where, 'điểm (ví dụ 20, max, 0.5max, 1/2, 50%)');
  const s = part.quoted ? null : parseShare(part.value);
  if (!s)
    fail(
      part.pos,
      `điểm "${part.value}" không hợp lệ: viết số điểm (20) hoặc tỷ lệ của điểm tối đa (max, 0.5max, 1/2, 50%).`,
    );
  if ('fraction' in s && (s.fraction < 0 || s.fraction > 1))
    fail(part.pos, `tỷ lệ "${part.value}" phải nằm trong khoảng 0…1.`);
  return s;
}

/** key=value option word; returns null when the word is not of that form. */
function option(word: Word): { key: Part; value: Part } | null {
  const { texts, seps } = splitWord(word);
  if (seps.length !== 1 || seps[0]?.value !== '=') return null;
  const key = texts[0];
  if (!key || key.quoted) return null;
  return { key, value: textOf(texts[1], (seps[0]?.pos ?? word.pos) + 1, `giá trị sau "${key.value}="`) };
}

function zeroRule(p: Part): 'zero' | 'not_applicable' {
  if (p.value === '0' || p.value === 'zero') return 'zero';
  if (p.value === 'na' || p.value === 'not_applicable') return 'not_applicable';
  return fail(p.pos, `zero= phải là 0 (được 0 điểm) hoặc na (không áp dụng), gặp "${p.value}".`);
}

function noMore(ws: Word[], keyword: string): void {
  const extra = ws[0];
  if (extra) fail(extra.pos, `"${keyword}" không nhận thêm tham số (gặp "${extra.raw}").`);
}

function parseManual(ws: Word[]): ScoringMethod {
  if (ws.length === 0) return { kind: 'manual' };
  if (ws.length > 1) fail((ws[1] as Word).pos, 'manual chỉ nhận một tham số: bước chấm điểm.');
  const w = ws[0] as Word;
  const opt = option(w);
  const value = opt
    ? opt.key.value === 'step'
      ? opt.value
      : fail(opt.key.pos, `tham số không hỗ trợ "${opt.key.value}".`)
    : w.parts[0];
  if (!opt && w.parts.length !== 1) fail(w.pos, `bước chấm điểm không hợp lệ "${w.raw}".`);
  const step = bareNumber(value, w.pos, 'bước chấm điểm');
  if (step <= 0) fail(w.pos, 'bước chấm điểm phải lớn hơn 0.');
  return { kind: 'manual', step };
}

function parseRatio(ws: Word[]): ScoringMethod {
  const m: {
    cap?: number;
    minRatio?: number;
    zeroDenominator: 'zero' | 'not_applicable';
    numeratorLabel?: string;
    denominatorLabel?: string;
  } = {
    zeroDenominator: 'zero',
  };
  for (const w of ws) {
    const opt = option(w);
    if (!opt) fail(w.pos, `cần tham số dạng khóa=giá trị (cap=, min=, zero=, a=, b=), gặp "${w.raw}".`);
    const key = opt.key.value;
    if (key === 'cap') m.cap = bareNumber(opt.value, opt.value.pos, 'cap');
    else if (key === 'min') m.minRatio = bareNumber(opt.value, opt.value.pos, 'min');
    else if (key === 'zero') m.zeroDenominator = zeroRule(opt.value);
    else if (key === 'a') m.numeratorLabel = opt.value.value;
    else if (key === 'b') m.denominatorLabel = opt.value.value;
    else fail(opt.key.pos, `tham số không hỗ trợ "${key}" (dùng cap=, min=, zero=, a=, b=).`);
  }
  return { kind: 'ratio', ...m };
}

function parseSteps(ws: Word[], percent: boolean): ScoringMethod {
  let valueLabel: string | undefined;
  let zero: 'zero' | 'not_applicable' | undefined;
  const thresholds: StepThreshold[] = [];
  for (const w of ws) {
    const opt = option(w);
    if (opt) {
      if (opt.key.value === 'label') valueLabel = opt.value.value;
      else if (opt.key.value === 'zero' && percent) zero = zeroRule(opt.value);
      else
        fail(
          opt.key.pos,
          `tham số không hỗ trợ "${opt.key.value}"${percent ? ' (dùng label=, zero=)' : ' (dùng label=)'}.`,
        );
      continue;
    }
    const { texts, seps } = splitWord(w);
    if (seps.length !== 1 || seps[0]?.value !== ':')
      fail(w.pos, `ngưỡng phải có dạng mức:điểm (ví dụ 4:20, 90:max), gặp "${w.raw}".`);
    const at = textOf(texts[0], w.pos, 'mức ngưỡng');
    const atText = percent && at.value.endsWith('%') ? at.value.slice(0, -1) : at.value;
    const atLeast = bareNumber({ ...at, value: atText }, w.pos, 'mức ngưỡng');
    thresholds.push({ atLeast, ...share(texts[1], (seps[0]?.pos ?? w.pos) + 1) });
  }
  if (thresholds.length === 0) fail(1, 'thang bậc cần ít nhất một ngưỡng (ví dụ steps 4:20 3:15).');
  return {
    kind: 'steps',
    input: percent ? 'percent' : 'number',
    ...(valueLabel !== undefined ? { valueLabel } : {}),
    thresholds,
    ...(zero !== undefined ? { zeroDenominator: zero } : {}),
  };
}

function parseChoice(ws: Word[]): ScoringMethod {
  const options: ChoiceOption[] = [];
  for (const w of ws) {
    const { texts, seps } = splitWord(w);
    const shape = seps.map((s) => s.value).join('');
    if (shape !== ':' && shape !== '=:')
      fail(w.pos, `phương án phải có dạng mã:điểm hoặc mã="Tên":điểm, gặp "${w.raw}".`);
    const value = textOf(texts[0], w.pos, 'mã phương án').value;
    const label = shape === '=:' ? textOf(texts[1], w.pos, 'tên phương án').value : value;
    const last = seps[seps.length - 1] as Part;
    options.push({ value, label, ...share(texts[texts.length - 1], last.pos + 1) });
  }
  if (options.length === 0) fail(1, 'lựa chọn cần ít nhất một phương án (ví dụ choice co:max khong:0).');
  return { kind: 'choice', options };
}

function parseFormulaNotation(text: string, from: number): ScoringMethod {
  const bar = text.indexOf('|', from);
  const exprEnd = bar < 0 ? text.length : bar;
  const raw = text.slice(from, exprEnd);
  const lead = raw.length - raw.trimStart().length;
  const expression = raw.trim();
  const parsed = parseFormula(expression);
  if (!parsed.ok) {
    const pos = from + lead + parsed.position;
    fail(pos, parsed.message.replace(/^Lỗi tại vị trí \d+: /, ''));
  }
  const names = collectNames(parsed.ast).filter((n) => n.name !== 'max' && !n.name.startsWith(INFO_PREFIX));
  let inputs: FormulaInput[];
  if (bar < 0) {
    inputs = names.map((n) => ({ name: n.name, label: n.name, type: 'number' }));
  } else {
    inputs = words(text, bar + 1).map((w) => {
      const { texts, seps } = splitWord(w);
      const name = textOf(texts[0], w.pos, 'tên biến');
      let type: 'number' | 'boolean' = 'number';
      let label = name.value;
      seps.forEach((s, k) => {
        const t = textOf(texts[k + 1], s.pos + 1, s.value === ':' ? 'kiểu biến' : 'nhãn biến');
        if (s.value === ':' && k === 0 && (t.value === 'number' || t.value === 'boolean')) type = t.value;
        else if (s.value === '=' && k === seps.length - 1) label = t.value;
        else fail(s.pos, `khai báo biến phải có dạng ten[:number|:boolean][="Nhãn"], gặp "${w.raw}".`);
      });
      return { name: name.value, label, type };
    });
  }
  for (const input of inputs) {
    const why = inputNameProblem(input.name);
    if (why) fail(bar < 0 ? from + lead + 1 : bar + 2, why);
  }
  const declared = new Set(inputs.map((i) => i.name));
  for (const n of names) {
    if (!declared.has(n.name)) fail(from + lead + n.pos, `tên không xác định "${n.name}" (chưa khai báo sau dấu |).`);
  }
  return { kind: 'formula', expression, inputs };
}

const KEYWORD = /^\s*(\S+)/;

export function parseMethodNotation(text: string): NotationResult {
  try {
    const m = KEYWORD.exec(text);
    if (!m) fail(1, 'chưa ghi phương pháp tính điểm (manual, yesno, choice, ratio, steps, steps%, formula).');
    const keyword = (m[1] as string).toLowerCase();
    const from = m[0].length;
    const kwPos = from - (m[1] as string).length + 1;
    switch (keyword) {
      case 'manual':
        return { ok: true, method: parseManual(words(text, from)) };
      case 'yesno':
        noMore(words(text, from), 'yesno');
        return { ok: true, method: { kind: 'yesno' } };
      case 'choice':
        return { ok: true, method: parseChoice(words(text, from)) };
      case 'ratio':
        return { ok: true, method: parseRatio(words(text, from)) };
      case 'steps':
      case 'steps%':
        return { ok: true, method: parseSteps(words(text, from), keyword === 'steps%') };
      case 'formula':
        return { ok: true, method: parseFormulaNotation(text, from) };
      default:
        return fail(
          kwPos,
          `phương pháp không xác định "${m[1]}" (dùng manual, yesno, choice, ratio, steps, steps%, formula).`,
        );
    }
  } catch (e) {
    if (e instanceof NotationFailure) return { ok: false, message: e.message, position: e.position };
    throw e;
  }
}
