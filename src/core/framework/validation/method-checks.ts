// Checks on a leaf's method parameters. Each returns errors; a method that passes here can be scored
// without surprises (no NaN, no unreachable thresholds, no formula that fails to parse).
import type { ChoiceMethod, FormulaMethod, RatioMethod, ScoringMethod, StepsMethod } from '../types.ts';
import { hasAtMostDecimals } from '../rounding.ts';
import { num } from '../format-vi.ts';
import { compileFormula, inputNameProblem } from '../formula/compile.ts';
import { atNode, given, problem, type Problem } from './problem.ts';
import { checkShare } from './points.ts';

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function checkChoice(m: ChoiceMethod, max: number, code: string): Problem[] {
  if (!Array.isArray(m.options) || m.options.length === 0) {
    return [problem('CHOICE_NO_OPTIONS', atNode(code, 'phương pháp lựa chọn chưa có phương án nào.'), code)];
  }
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const o of m.options) {
    if (typeof o.value !== 'string' || o.value.trim() === '') {
      out.push(problem('CHOICE_VALUE_EMPTY', atNode(code, 'có phương án không có mã (value).'), code));
      continue;
    }
    if (seen.has(o.value))
      out.push(
        problem('CHOICE_DUPLICATE_VALUE', atNode(code, `phương án "${o.value}" bị trùng.`), code, {
          option: o.label || o.value,
        }),
      );
    seen.add(o.value);
    out.push(...checkShare(o, max, `Phương án "${o.label || o.value}"`, code, { option: o.label || o.value }));
  }
  return out;
}

function checkRatio(m: RatioMethod, code: string): Problem[] {
  const out: Problem[] = [];
  if (m.cap !== undefined && (!isFiniteNumber(m.cap) || m.cap <= 0)) {
    out.push(
      problem(
        'RATIO_CAP_INVALID',
        atNode(code, `mức trần tỷ lệ (cap) phải là số dương (nhận ${String(m.cap)}).`),
        code,
        { value: given(m.cap) },
      ),
    );
  }
  if (m.minRatio !== undefined && (!isFiniteNumber(m.minRatio) || m.minRatio < 0 || m.minRatio > (m.cap ?? 1))) {
    out.push(
      problem(
        'RATIO_MIN_INVALID',
        atNode(code, `tỷ lệ tối thiểu (min) phải nằm trong khoảng 0…${num(m.cap ?? 1)} (nhận ${String(m.minRatio)}).`),
        code,
        { value: given(m.minRatio), cap: given(m.cap ?? 1) },
      ),
    );
  }
  if (m.zeroDenominator !== 'zero' && m.zeroDenominator !== 'not_applicable') {
    out.push(
      problem(
        'RATIO_ZERO_RULE_INVALID',
        atNode(code, 'phải quy định cách xử lý khi mẫu số bằng 0 (zero hoặc not_applicable).'),
        code,
      ),
    );
  }
  return out;
}

function checkSteps(m: StepsMethod, max: number, code: string): Problem[] {
  const out: Problem[] = [];
  if (m.input !== 'number' && m.input !== 'percent') {
    out.push(
      problem('STEPS_INPUT_INVALID', atNode(code, 'loại giá trị của thang bậc phải là number hoặc percent.'), code),
    );
  }
  if (!Array.isArray(m.thresholds) || m.thresholds.length === 0) {
    return [...out, problem('THRESHOLDS_EMPTY', atNode(code, 'thang bậc chưa có ngưỡng nào.'), code)];
  }
  if (m.zeroDenominator !== undefined && m.input !== 'percent') {
    out.push(
      problem(
        'STEPS_ZERO_RULE_UNUSED',
        atNode(code, 'quy định mẫu số bằng 0 chỉ dùng cho thang bậc theo tỷ lệ %.'),
        code,
      ),
    );
  }
  let previous: number | undefined;
  for (const [i, t] of m.thresholds.entries()) {
    const what = `Ngưỡng thứ ${i + 1}`;
    if (!isFiniteNumber(t.atLeast) || t.atLeast < 0) {
      out.push(
        problem(
          'THRESHOLD_INVALID',
          atNode(code, `${what}: mức ngưỡng phải là số không âm (nhận ${String(t.atLeast)}).`),
          code,
          { threshold: i + 1, value: given(t.atLeast) },
        ),
      );
    } else if (previous !== undefined) {
      if (t.atLeast === previous) {
        out.push(
          problem('THRESHOLDS_DUPLICATE', atNode(code, `ngưỡng ${num(t.atLeast)} bị lặp lại.`), code, {
            value: t.atLeast,
          }),
        );
      } else if (t.atLeast > previous) {
        out.push(
          problem(
            'THRESHOLDS_UNSORTED',
            atNode(code, `các ngưỡng phải ghi từ cao xuống thấp (${num(previous)} đứng trước ${num(t.atLeast)}).`),
            code,
            { previous, value: t.atLeast },
          ),
        );
      }
    }
    if (isFiniteNumber(t.atLeast)) previous = t.atLeast;
    out.push(...checkShare(t, max, what, code, { threshold: i + 1 }));
  }
  return out;
}

function checkFormula(m: FormulaMethod, code: string, infoKeys: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const inputs = Array.isArray(m.inputs) ? m.inputs : [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const why = inputNameProblem(input.name);
    if (why) out.push(problem('FORMULA_INPUT_NAME_INVALID', atNode(code, why), code, { input: String(input.name) }));
    if (seen.has(input.name))
      out.push(
        problem('FORMULA_INPUT_DUPLICATE', atNode(code, `biến "${input.name}" được khai báo hai lần.`), code, {
          input: input.name,
        }),
      );
    seen.add(input.name);
  }
  if (typeof m.expression !== 'string') {
    return [
      ...out,
      problem('FORMULA_PARSE_ERROR', atNode(code, 'công thức trống.'), code, { expression: '', position: 1 }),
    ];
  }
  const compiled = compileFormula(m.expression, { inputs: inputs.map((i) => i.name), infoKeys });
  if (!compiled.ok)
    out.push(
      problem(compiled.code, atNode(code, `công thức "${m.expression}": ${compiled.message}`), code, {
        expression: m.expression,
        position: compiled.position,
        ...(compiled.name === undefined ? {} : { name: compiled.name }),
      }),
    );
  return out;
}

/** Method parameter errors of one leaf (max = the leaf's maxPoints). */
export function checkMethod(method: ScoringMethod, max: number, code: string, infoKeys: readonly string[]): Problem[] {
  switch (method.kind) {
    case 'manual':
      if (method.step === undefined) return [];
      if (!isFiniteNumber(method.step) || method.step <= 0) {
        return [
          problem(
            'STEP_NOT_POSITIVE',
            atNode(code, `bước chấm điểm phải lớn hơn 0 (nhận ${String(method.step)}).`),
            code,
            { value: given(method.step) },
          ),
        ];
      }
      if (!hasAtMostDecimals(method.step, 2)) {
        return [
          problem('POINTS_PRECISION', atNode(code, `bước chấm điểm ${method.step} có quá 2 chữ số thập phân.`), code, {
            value: method.step,
          }),
        ];
      }
      return [];
    case 'yesno':
      return [];
    case 'choice':
      return checkChoice(method, max, code);
    case 'ratio':
      return checkRatio(method, code);
    case 'steps':
      return checkSteps(method, max, code);
    case 'formula':
      return checkFormula(method, code, infoKeys);
    default:
      return [
        problem(
          'METHOD_UNKNOWN',
          atNode(code, `phương pháp tính điểm không được hỗ trợ: ${String((method as { kind?: unknown }).kind)}.`),
          code,
          { kind: String((method as { kind?: unknown }).kind) },
        ),
      ];
  }
}

/** Warnings that do not block publishing: a manual grid that cannot reach max. */
export function methodWarnings(method: ScoringMethod, max: number, code: string): Problem[] {
  if (method.kind === 'manual' && isFiniteNumber(method.step) && method.step > 0) {
    const k = max / method.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) {
      return [
        problem(
          'STEP_MAX_OFF_GRID',
          atNode(code, `điểm tối đa ${num(max)} không chia hết cho bước ${num(method.step)}.`),
          code,
          { max, step: method.step },
        ),
      ];
    }
  }
  return [];
}
