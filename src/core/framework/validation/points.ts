// Checks on a number of points written in a method (option points, threshold points): finite, ≥ 0,
// at most 2 decimals (scores are kept to hundredths), not above the node's max. `what` names the option or
// threshold in Vietnamese for the message; `at` names it for the parameters ({option} or {threshold}).
import { hasAtMostDecimals } from '../rounding.ts';
import { num } from '../format-vi.ts';
import { atNode, given, problem, type Problem, type ProblemParams } from './problem.ts';

export function checkPoints(
  value: unknown,
  nodeMax: number,
  what: string,
  nodeCode: string,
  at: ProblemParams = {},
): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [
      problem('POINTS_NOT_FINITE', atNode(nodeCode, `${what}: số điểm không hợp lệ (${String(value)}).`), nodeCode, {
        ...at,
        value: given(value),
      }),
    ];
  }
  const out: Problem[] = [];
  if (value < 0)
    out.push(
      problem('POINTS_NEGATIVE', atNode(nodeCode, `${what}: số điểm âm (${num(value)}).`), nodeCode, { ...at, value }),
    );
  if (!hasAtMostDecimals(value, 2)) {
    out.push(
      problem('POINTS_PRECISION', atNode(nodeCode, `${what}: số điểm ${value} có quá 2 chữ số thập phân.`), nodeCode, {
        ...at,
        value,
      }),
    );
  }
  if (Number.isFinite(nodeMax) && value > nodeMax) {
    out.push(
      problem(
        'POINTS_ABOVE_MAX',
        atNode(nodeCode, `${what}: ${num(value)} điểm vượt điểm tối đa ${num(nodeMax)}.`),
        nodeCode,
        { ...at, value, max: nodeMax },
      ),
    );
  }
  return out;
}

export function checkFraction(value: unknown, what: string, nodeCode: string, at: ProblemParams = {}): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    return [
      problem(
        'FRACTION_OUT_OF_RANGE',
        atNode(nodeCode, `${what}: tỷ lệ điểm phải nằm trong khoảng 0…1 (nhận ${String(value)}).`),
        nodeCode,
        { ...at, value: given(value) },
      ),
    ];
  }
  return [];
}

/** A share has exactly one of points / fraction. */
export function checkShare(
  share: { points?: number; fraction?: number },
  nodeMax: number,
  what: string,
  nodeCode: string,
  at: ProblemParams = {},
): Problem[] {
  const hasPoints = share.points !== undefined;
  const hasFraction = share.fraction !== undefined;
  if (hasPoints === hasFraction) {
    return [
      problem(
        'SHARE_AMBIGUOUS',
        atNode(nodeCode, `${what}: phải ghi đúng một trong hai: số điểm hoặc tỷ lệ của điểm tối đa.`),
        nodeCode,
        at,
      ),
    ];
  }
  return hasPoints
    ? checkPoints(share.points, nodeMax, what, nodeCode, at)
    : checkFraction(share.fraction, what, nodeCode, at);
}
