// The ranges a score and a figure must lie in (issue 13 §6). A score of an item lies in 0…its max
// (self score, the support team's proposed score, the council's final score: 001 II.3.b "công nhận hoặc
// điều chỉnh điểm tự chấm" within the points the index set gives the item); a figure (số liệu) is a
// count or an amount, 0 or more. Out of range is refused, naming the item and its range — never
// clamped to the nearest bound, because a clamped 150 → 100 is a score nobody typed.
import { num } from './format-vi.ts';
import type { FrameworkNode, ScoringMethod } from './types.ts';

export type ScoreField = 'selfScore' | 'proposedScore' | 'finalScore';

export interface RangeProblem {
  /** The item's code and title, so a message read on its own still says which item. */
  item: string;
  title: string;
  field: ScoreField | 'figure';
  /** The figure's name (inputs key), for figures. */
  input?: string;
  value: number;
  min: number;
  /** null: no upper bound (a figure). */
  max: number | null;
  message: string;
}

const SCORE_NAMES: Record<ScoreField, string> = {
  selfScore: 'Điểm tự chấm',
  proposedScore: 'Điểm đề xuất',
  finalScore: 'Điểm thẩm định',
};

/** Null when the score lies in 0…max of the item (both bounds included). */
export function scoreRangeProblem(
  node: Pick<FrameworkNode, 'code' | 'title' | 'maxPoints'>,
  field: ScoreField,
  value: number,
): RangeProblem | null {
  if (Number.isFinite(value) && value >= 0 && value <= node.maxPoints) return null;
  return rangeProblem(node, field, value);
}

function rangeProblem(
  node: Pick<FrameworkNode, 'code' | 'title' | 'maxPoints'>,
  field: ScoreField,
  value: number,
): RangeProblem {
  return {
    item: node.code,
    title: node.title,
    field,
    value,
    min: 0,
    max: node.maxPoints,
    message: `Chỉ số ${node.code}: ${SCORE_NAMES[field].toLowerCase()} ${num(value)} nằm ngoài khoảng cho phép từ 0 đến ${num(node.maxPoints)} điểm.`,
  };
}

/** Every figure below 0 (figures are counts and amounts). Text and yes/no values are not figures. */
export function figureRangeProblems(
  node: Pick<FrameworkNode, 'code' | 'title'>,
  inputs: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>> = {},
): RangeProblem[] {
  const problems: RangeProblem[] = [];
  for (const [key, raw] of Object.entries(inputs)) {
    if (key === 'score' || key === 'notApplicable') continue;
    const value =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*-\s*\d/.test(raw)
          ? Number(raw.trim().replace(',', '.'))
          : null;
    if (value === null || !(value < 0)) continue;
    const label = labels[key] ?? key;
    problems.push({
      item: node.code,
      title: node.title,
      field: 'figure',
      input: key,
      value,
      min: 0,
      max: null,
      message: `Chỉ số ${node.code}: số liệu "${label}" = ${num(value)} nằm ngoài khoảng cho phép (từ 0 trở lên).`,
    });
  }
  return problems;
}

/** Labels of a method's figures, so a refusal names the figure as the form shows it. */
export function figureLabels(method: ScoringMethod | undefined): Record<string, string> {
  if (!method) return {};
  if (method.kind === 'ratio') return { a: method.numeratorLabel ?? 'a', b: method.denominatorLabel ?? 'b' };
  if (method.kind === 'steps' && method.input === 'number') return { value: method.valueLabel ?? 'value' };
  if (method.kind === 'formula') return Object.fromEntries(method.inputs.map((i) => [i.name, i.label || i.name]));
  return {};
}

const NUMBER_TEXT = /^[+-]?\d+([.,]\d+)?$/;

/**
 * What a unit typed for one item, checked before it is saved (server and form alike): a typed score
 * (manual method) outside 0…max is a score problem; otherwise every figure below 0.
 */
export function itemInputRangeProblems(
  node: FrameworkNode,
  inputs: Readonly<Record<string, unknown>>,
): { kind: 'score' | 'figure'; problems: RangeProblem[] } | null {
  const raw = inputs['score'];
  const typed =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())
        ? Number(raw.trim().replace(',', '.'))
        : null;
  const manual = (node.method?.kind ?? 'manual') === 'manual';
  const score = manual && typed !== null ? scoreRangeProblem(node, 'selfScore', typed) : null;
  if (score) return { kind: 'score', problems: [score] };
  const figures = figureRangeProblems(node, inputs, figureLabels(node.method));
  return figures.length > 0 ? { kind: 'figure', problems: figures } : null;
}
