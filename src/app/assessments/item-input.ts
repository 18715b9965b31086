// Turns what a person typed for one item into what is stored, with the same engine the browser uses
// (src/core/framework). The server's score is authoritative for computed methods: a client self-score
// that disagrees is replaced. A manual score outside 0…max, or a figure below 0, is refused naming the item
// and its range (422 SCORE_OUT_OF_RANGE / FIGURE_OUT_OF_RANGE — never clamped); off the step grid → 400
// SCORE_INVALID; text where a number is expected, an unknown option or an input the method does not take is refused
// (400 VALIDATION_FAILED). Missing inputs are allowed: a unit fills an item over several sittings.
import {
  type FrameworkNode,
  type InfoValues,
  type InputValues,
  type ItemScore,
  type RangeProblem,
  type ScoringMethod,
  itemInputRangeProblems,
  scoreItem,
} from '../../core/framework/index.ts';
import { OperationError } from '../errors.ts';

export type StoredInputs = Record<string, number | boolean | string | null>;

export interface EvaluatedItem {
  inputs: StoredInputs;
  selfScore: number | null;
  score: ItemScore;
}

const SCORE_CODES = new Set(['SCORE_ABOVE_MAX', 'SCORE_NEGATIVE', 'SCORE_OFF_STEP']);
const BAD_INPUT_CODES = new Set(['INPUT_NOT_NUMBER', 'INPUT_NOT_BOOLEAN', 'INPUT_NEGATIVE', 'CHOICE_UNKNOWN']);

/** The input keys each method reads (`notApplicable` is accepted by every method). */
export function inputKeysOf(method: ScoringMethod | undefined): string[] {
  const m = method ?? { kind: 'manual' };
  switch (m.kind) {
    case 'manual':
      return ['score'];
    case 'yesno':
      return ['yes'];
    case 'choice':
      return ['choice'];
    case 'ratio':
      return ['a', 'b'];
    case 'steps':
      return m.input === 'percent' ? ['a', 'b'] : ['value'];
    case 'formula':
      return m.inputs.map((i) => i.name);
  }
}

/** Blank values are dropped so "filled" means "has a value" everywhere (progress counts in SQL too). */
function clean(inputs: InputValues): StoredInputs {
  const out: StoredInputs = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      const text = value.normalize('NFC').trim();
      if (text !== '') out[key] = text;
    } else out[key] = value;
  }
  return out;
}

export function evaluateItem(
  node: FrameworkNode,
  given: { inputs: InputValues; selfScore?: number | null },
  info: InfoValues,
): EvaluatedItem {
  const inputs = clean(given.inputs);
  const allowed = new Set([...inputKeysOf(node.method), 'notApplicable']);
  const unknown = Object.keys(inputs).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw new OperationError('VALIDATION_FAILED', `Chỉ số ${node.code} không có số liệu: ${unknown.join(', ')}.`, {
      issues: unknown.map((k) => ({
        path: `/inputs/${k}`,
        message: 'Số liệu không thuộc phương pháp tính điểm của chỉ số',
      })),
    });
  }
  if (inputs.notApplicable !== undefined && typeof inputs.notApplicable !== 'boolean') {
    throw new OperationError('VALIDATION_FAILED', '"Không áp dụng" phải là true hoặc false.', {
      issues: [{ path: '/inputs/notApplicable', message: 'Phải là true hoặc false' }],
    });
  }
  if (inputs.notApplicable === false) delete inputs.notApplicable;
  const manual = (node.method?.kind ?? 'manual') === 'manual';
  if (manual && given.selfScore !== undefined) {
    if (given.selfScore === null) delete inputs.score;
    else inputs.score = given.selfScore;
  }
  refuseOutOfRange(node, inputs);
  const score = scoreItem(node, inputs, info);
  const scoreIssues = score.issues.filter((i) => SCORE_CODES.has(i.code));
  if (scoreIssues.length > 0) {
    throw new OperationError('SCORE_INVALID', scoreIssues.map((i) => i.message).join(' '), {
      code: node.code,
      maxPoints: node.maxPoints,
      issues: scoreIssues,
    });
  }
  const badInputs = score.issues.filter((i) => BAD_INPUT_CODES.has(i.code));
  if (badInputs.length > 0) {
    throw new OperationError('VALIDATION_FAILED', badInputs.map((i) => i.message).join(' '), {
      issues: badInputs.map((i) => ({ path: `/inputs/${i.input ?? ''}`, message: i.message, code: i.code })),
    });
  }
  return { inputs, selfScore: score.notApplicable ? null : score.points, score };
}

/** 422 naming the item and its range: a typed score outside 0…max, or a figure below 0. */
function refuseOutOfRange(node: FrameworkNode, inputs: StoredInputs): void {
  const found = itemInputRangeProblems(node, inputs);
  if (found) throw rangeError(found.kind === 'score' ? 'SCORE_OUT_OF_RANGE' : 'FIGURE_OUT_OF_RANGE', found.problems);
}

export function rangeError(
  code: 'SCORE_OUT_OF_RANGE' | 'FIGURE_OUT_OF_RANGE',
  problems: RangeProblem[],
): OperationError {
  const first = problems[0]!;
  return new OperationError(code, problems.map((p) => p.message).join(' '), {
    code: first.item,
    title: first.title,
    min: first.min,
    max: first.max,
    value: first.value,
    problems,
    issues: problems.map((p) => ({ path: p.input ? `/inputs/${p.input}` : `/${p.field}`, message: p.message })),
  });
}
