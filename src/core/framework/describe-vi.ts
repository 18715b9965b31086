// Index sets described for citizens, in plain Vietnamese: how an item is scored (instead of the editor's
// notation, e.g. `ratio cap=1 zero=na`) and which decision issued the set (instead of a raw object).
// Used by the public methodology page; the API sends the method as data and the page describes it.
import { num } from './format-vi.ts';
import type { DecisionRef, ScoringMethod } from './types.ts';

const pts = (v: number) => `${num(v, 2)} điểm`;
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/** "Quyết định số 2878/QĐ-UBND ngày 07/11/2023 của UBND tỉnh Hà Tĩnh"; a plain string is shown as it is. */
export function describeDecisionVi(decision: DecisionRef | string | null | undefined): string | null {
  if (!decision) return null;
  if (typeof decision === 'string') return decision;
  const date = decision.date ? ` ngày ${ddmmyyyy(decision.date)}` : '';
  return `Quyết định số ${decision.number}${date} của ${decision.issuer}`;
}

function stepPoints(t: { points?: number; fraction?: number }, max: number): number {
  return t.points ?? (t.fraction ?? 0) * max;
}

/** How the item's points are obtained, as one sentence a citizen can read. */
export function describeMethodVi(method: ScoringMethod, maxPoints: number): string {
  switch (method.kind) {
    case 'manual':
      return `Chấm trực tiếp từ 0 đến ${pts(maxPoints)}${method.step ? ` (mỗi mức ${pts(method.step)})` : ''}.`;
    case 'yesno':
      return `Có: ${pts(maxPoints)}; không: 0 điểm.`;
    case 'choice':
      return `Chọn một mức: ${method.options.map((o) => `${o.label}: ${pts(stepPoints(o, maxPoints))}`).join('; ')}.`;
    case 'ratio': {
      const a = method.numeratorLabel ?? 'số đạt';
      const b = method.denominatorLabel ?? 'tổng số';
      const parts = [`Điểm = ${num(maxPoints, 2)} × (${a} / ${b}), tối đa ${pts(maxPoints)}`];
      if (method.minRatio) parts.push(`tỷ lệ dưới ${num(method.minRatio * 100, 2)}% được 0 điểm`);
      parts.push(
        method.zeroDenominator === 'not_applicable'
          ? `khi ${b} bằng 0, chỉ số không áp dụng`
          : `khi ${b} bằng 0, được 0 điểm`,
      );
      return `${parts.join('; ')}.`;
    }
    case 'steps': {
      const unit = method.input === 'percent' ? '%' : '';
      const what = method.valueLabel ?? (method.input === 'percent' ? 'Tỷ lệ' : 'Số lượng');
      const levels = [...method.thresholds]
        .sort((x, y) => y.atLeast - x.atLeast)
        .map((t) => `từ ${num(t.atLeast, 2)}${unit} trở lên: ${pts(stepPoints(t, maxPoints))}`);
      const zero = method.zeroDenominator === 'not_applicable' ? '; khi mẫu số bằng 0, chỉ số không áp dụng' : '';
      return `${what} ${levels.join('; ')}; thấp hơn: 0 điểm${zero}.`;
    }
    case 'formula':
      return `Tính theo công thức từ: ${method.inputs.map((i) => i.label).join(', ')}; kết quả trong khoảng 0 đến ${pts(maxPoints)}.`;
  }
}
