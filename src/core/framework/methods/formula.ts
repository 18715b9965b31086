// Formula: a safe expression over the item's declared inputs, `max` and `info.<key>`. Every referenced
// input must have a value before evaluation (INPUT_MISSING otherwise); the result is clamped to 0…max.
import type { FormulaMethod } from '../types.ts';
import type { InfoValues, InputValues, ItemScore, ScoreIssue } from '../score-types.ts';
import { missing, readBoolean, readNumber } from '../inputs.ts';
import { num } from '../format-vi.ts';
import { type CompileResult, compileFormula, INFO_PREFIX } from '../formula/compile.ts';
import { evaluateFormula } from '../formula/evaluate.ts';
import { failed, scored } from './result.ts';

/**
 * compileFormula's answer for an expression over its declared inputs, memoised (pure: same text and names, same
 * answer; the parsed AST is already shared): scoring thousands of units' figures compiles each item once.
 */
const compiledCache = new Map<string, CompileResult>();
const COMPILED_LIMIT = 1000;
function compiledOf(method: FormulaMethod): CompileResult {
  const names = method.inputs.map((i) => i.name);
  const key = JSON.stringify([method.expression, ...names]);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const result = compileFormula(method.expression, { inputs: names });
  if (compiledCache.size >= COMPILED_LIMIT) compiledCache.clear();
  compiledCache.set(key, result);
  return result;
}

export function scoreFormula(
  method: FormulaMethod,
  max: number,
  inputs: InputValues | undefined,
  info?: InfoValues,
): ItemScore {
  const rule = `Điểm = ${method.expression} (giới hạn trong khoảng 0…${num(max)}).`;
  const compiled = compiledOf(method);
  if (!compiled.ok) return failed(rule, [], [{ code: compiled.code, message: compiled.message }]);
  const declared = new Map(method.inputs.map((i) => [i.name, i]));
  const values = new Map<string, number>([['max', max]]);
  const issues: ScoreIssue[] = [];
  const shown: string[] = [];
  for (const name of compiled.names) {
    if (name === 'max') continue;
    if (name.startsWith(INFO_PREFIX)) {
      const key = name.slice(INFO_PREFIX.length);
      const v = info && Object.hasOwn(info, key) ? info[key] : undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.push({ ...missing(name, `thông tin chung ${key}`), input: name });
      } else {
        values.set(name, v);
        shown.push(`${name} = ${num(v)}`);
      }
      continue;
    }
    const input = declared.get(name);
    if (!input) continue; // compileFormula already refused undeclared names
    if (input.type === 'boolean') {
      const r = readBoolean(inputs, name, input.label);
      if (!r.ok) issues.push(r.issue);
      else {
        values.set(name, r.value ? 1 : 0);
        shown.push(`${input.label} (${name}) = ${r.value ? 'Có' : 'Không'}`);
      }
    } else {
      const r = readNumber(inputs, name, input.label);
      if (!r.ok) issues.push(r.issue);
      else {
        values.set(name, r.value);
        shown.push(`${input.label} (${name}) = ${num(r.value)}`);
      }
    }
  }
  const steps = shown.length > 0 ? [`Giá trị: ${shown.join('; ')}.`] : [];
  if (issues.length > 0) return failed(rule, steps, issues);
  const result = evaluateFormula(compiled.ast, values);
  if (!result.ok) return failed(rule, steps, [{ code: result.code, message: result.message }]);
  return scored(rule, [...steps, `Giá trị công thức: ${num(result.value)}.`], result.value, max);
}
