// Manual score: the person types the points. Anything outside 0…max or off the declared grid is
// refused (points null) rather than silently corrected, so the form can ask again.
import type { ManualMethod } from '../types.ts';
import type { InputValues, ItemScore } from '../score-types.ts';
import { readNumber } from '../inputs.ts';
import { num } from '../format-vi.ts';
import { failed, scored } from './result.ts';

/** Tolerance when checking a score against the step grid (0.1 × 3 is not exactly 0.3 in binary). */
const GRID_EPSILON = 1e-9;

export function isOnStepGrid(value: number, step: number): boolean {
  const k = value / step;
  return Math.abs(k - Math.round(k)) < GRID_EPSILON * Math.max(1, Math.abs(k));
}

export function scoreManual(method: ManualMethod, max: number, inputs: InputValues | undefined): ItemScore {
  const rule =
    method.step !== undefined
      ? `Chấm trực tiếp từ 0 đến ${num(max)} điểm, theo bước ${num(method.step)} điểm.`
      : `Chấm trực tiếp từ 0 đến ${num(max)} điểm.`;
  const read = readNumber(inputs, 'score', 'Điểm');
  if (!read.ok) {
    // A negative typed as text is still a negative score, not a generic negative input.
    const issue = read.issue.code === 'INPUT_NEGATIVE' ? { ...read.issue, code: 'SCORE_NEGATIVE' } : read.issue;
    return failed(rule, [], [issue]);
  }
  const score = read.value;
  const steps = [`Điểm nhập: ${num(score)}.`];
  if (score > max) {
    return failed(rule, steps, [
      { code: 'SCORE_ABOVE_MAX', input: 'score', message: `Điểm ${num(score)} vượt quá điểm tối đa ${num(max)}.` },
    ]);
  }
  if (method.step !== undefined && method.step > 0 && !isOnStepGrid(score, method.step)) {
    return failed(rule, steps, [
      {
        code: 'SCORE_OFF_STEP',
        input: 'score',
        message: `Điểm ${num(score)} không theo bước ${num(method.step)} điểm.`,
      },
    ]);
  }
  return scored(rule, steps, score, max);
}
