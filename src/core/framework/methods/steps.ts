// Steps: a value (a count, or a percent a/b × 100) mapped through thresholds, highest first: the first
// threshold the value reaches gives its points (or fraction of max); below every threshold gives 0.
import type { StepsMethod, StepThreshold } from '../types.ts';
import type { InputValues, ItemScore, ScoreIssue } from '../score-types.ts';
import { readNumber } from '../inputs.ts';
import { num } from '../format-vi.ts';
import { describeShare, failed, notApplicable, scored, shareToPoints } from './result.ts';

/** Thresholds highest first, whatever order the file wrote them in (validation flags unsorted ones). */
export function sortedThresholds(thresholds: readonly StepThreshold[]): StepThreshold[] {
  return [...thresholds].sort((x, y) => y.atLeast - x.atLeast);
}

export function describeStepsRule(method: StepsMethod, max: number): string {
  const unit = method.input === 'percent' ? '%' : '';
  const what = method.valueLabel ?? (method.input === 'percent' ? 'Tỷ lệ (a/b × 100)' : 'Giá trị');
  const parts = sortedThresholds(method.thresholds).map(
    (t) => `từ ${num(t.atLeast)}${unit} trở lên: ${describeShare(t, max)}`,
  );
  return `${what}: ${parts.join('; ')}; thấp hơn: 0 điểm.`;
}

function readValue(
  method: StepsMethod,
  inputs: InputValues | undefined,
):
  | { ok: true; value: number; steps: string[] }
  | { ok: false; issues: ScoreIssue[]; notApplicable?: string; steps?: string[] } {
  if (method.input === 'number') {
    const v = readNumber(inputs, 'value', method.valueLabel ?? 'Giá trị');
    if (!v.ok) return { ok: false, issues: [v.issue] };
    return { ok: true, value: v.value, steps: [`${method.valueLabel ?? 'Giá trị'} = ${num(v.value)}.`] };
  }
  const a = readNumber(inputs, 'a');
  const b = readNumber(inputs, 'b');
  const issues: ScoreIssue[] = [];
  if (!a.ok) issues.push(a.issue);
  if (!b.ok) issues.push(b.issue);
  if (!a.ok || !b.ok) return { ok: false, issues };
  const steps = [`a = ${num(a.value)}; b = ${num(b.value)}.`];
  if (b.value === 0) {
    if (method.zeroDenominator === 'not_applicable') return { ok: false, issues: [], notApplicable: 'b = 0', steps };
    if (method.zeroDenominator === 'zero')
      return { ok: true, value: 0, steps: [...steps, 'b = 0 nên tỷ lệ tính bằng 0%.'] };
    return {
      ok: false,
      issues: [{ code: 'DENOMINATOR_ZERO', input: 'b', message: 'Mẫu số b bằng 0 nên không tính được tỷ lệ.' }],
      steps,
    };
  }
  const percent = (a.value / b.value) * 100;
  return {
    ok: true,
    value: percent,
    steps: [...steps, `Tỷ lệ = ${num(a.value)} / ${num(b.value)} × 100 = ${num(percent)}%.`],
  };
}

export function scoreSteps(method: StepsMethod, max: number, inputs: InputValues | undefined): ItemScore {
  const rule = describeStepsRule(method, max);
  const read = readValue(method, inputs);
  if (!read.ok) {
    if (read.notApplicable) return notApplicable(rule, read.steps ?? [], read.notApplicable);
    return failed(rule, read.steps ?? [], read.issues);
  }
  const unit = method.input === 'percent' ? '%' : '';
  const hit = sortedThresholds(method.thresholds).find((t) => read.value >= t.atLeast);
  if (!hit) return scored(rule, [...read.steps, 'Không đạt ngưỡng nào nên được 0 điểm.'], 0, max);
  return scored(
    rule,
    [...read.steps, `Đạt ngưỡng từ ${num(hit.atLeast)}${unit} trở lên: ${describeShare(hit, max)}.`],
    shareToPoints(hit, max),
    max,
  );
}
