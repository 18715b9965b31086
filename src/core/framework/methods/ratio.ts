// Ratio: a / b × max. The ratio is capped (default 1, so a > b still gives max), an optional minimum
// ratio gives 0 below it, and b = 0 follows the declared rule — never NaN or Infinity.
import type { RatioMethod } from '../types.ts';
import type { InputValues, ItemScore, ScoreIssue } from '../score-types.ts';
import { readNumber } from '../inputs.ts';
import { num } from '../format-vi.ts';
import { failed, notApplicable, scored } from './result.ts';

export function describeRatioRule(method: RatioMethod, max: number): string {
  const a = method.numeratorLabel ?? 'a';
  const b = method.denominatorLabel ?? 'b';
  const cap = method.cap ?? 1;
  const parts = [`Điểm = (${a} / ${b}) × ${num(max)}, tỷ lệ tính tối đa ${num(cap)}`];
  if (method.minRatio !== undefined) parts.push(`tỷ lệ dưới ${num(method.minRatio)} được 0 điểm`);
  parts.push(method.zeroDenominator === 'not_applicable' ? `${b} = 0 thì không áp dụng` : `${b} = 0 thì 0 điểm`);
  return parts.join('; ') + '.';
}

export function scoreRatio(method: RatioMethod, max: number, inputs: InputValues | undefined): ItemScore {
  const rule = describeRatioRule(method, max);
  const aLabel = method.numeratorLabel ?? 'a';
  const bLabel = method.denominatorLabel ?? 'b';
  const a = readNumber(inputs, 'a', aLabel);
  const b = readNumber(inputs, 'b', bLabel);
  const issues: ScoreIssue[] = [];
  if (!a.ok) issues.push(a.issue);
  if (!b.ok) issues.push(b.issue);
  if (!a.ok || !b.ok) return failed(rule, [], issues);
  const steps = [`${aLabel} = ${num(a.value)}; ${bLabel} = ${num(b.value)}.`];
  if (b.value === 0) {
    if (method.zeroDenominator === 'not_applicable') return notApplicable(rule, steps, `${bLabel} = 0`);
    return scored(rule, [...steps, `${bLabel} = 0 nên được 0 điểm theo quy định.`], 0, max);
  }
  const ratio = a.value / b.value;
  const cap = method.cap ?? 1;
  steps.push(`Tỷ lệ = ${num(a.value)} / ${num(b.value)} = ${num(ratio)}.`);
  if (method.minRatio !== undefined && ratio < method.minRatio) {
    return scored(rule, [...steps, `Tỷ lệ dưới mức tối thiểu ${num(method.minRatio)} nên được 0 điểm.`], 0, max);
  }
  const used = Math.min(ratio, cap);
  if (used !== ratio) steps.push(`Tỷ lệ vượt mức trần ${num(cap)}, tính bằng ${num(cap)}.`);
  const raw = used * max;
  steps.push(`Điểm = ${num(used)} × ${num(max)} = ${num(raw)}.`);
  return scored(rule, steps, raw, max);
}
