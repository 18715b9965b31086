// A unit formed by a merger has no result of its own for a year before its formation; its comparison for
// that year is derived from its predecessors' results (issue 15 §2). The default method is the national
// DTI 2024's for merged provinces: the plain average of the predecessors' percents, equal weights, each
// predecessor counted once whatever its size. A province may decide otherwise: weighted by a figure it
// supplies (e.g. population), or by the predecessors' applicable maxima (total points over total max).
// Chains of mergers (A + B → C on 1/1/2025, C + D → E on 1/7/2025) resolve recursively: a predecessor
// without a result that year stands in by its own predecessors, combined by the same method, so every
// direct predecessor keeps its weight. A predecessor without data (no result, none of its own) is listed
// as missing and left out of the average; no predecessor with data → no derived value (never 0).
import { roundHalfUp } from '../framework/rounding.ts';
import { percentValue } from './exact.ts';
import type { UnitResult } from './types.ts';

export type PredecessorMethod =
  | { kind: 'equal' }
  | { kind: 'weighted'; by: 'population'; weights: ReadonlyMap<string, number> }
  | { kind: 'weighted'; by: 'max' };

export const DEFAULT_PREDECESSOR_METHOD: PredecessorMethod = { kind: 'equal' };

/** The method's name, as every page that shows a derived figure states it. */
export function predecessorMethodLabel(method: PredecessorMethod): string {
  if (method.kind === 'equal')
    return 'Trung bình cộng tỷ lệ % của các đơn vị tiền thân, trọng số bằng nhau (cách tính DTI 2024 của các tỉnh hợp nhất)';
  if (method.by === 'population') return 'Trung bình tỷ lệ % của các đơn vị tiền thân, có trọng số theo dân số';
  return 'Tổng điểm của các đơn vị tiền thân trên tổng điểm tối đa áp dụng (trọng số theo điểm tối đa)';
}

export interface LineageLink {
  unitId: string;
  predecessorId: string;
}

export interface DerivedPredecessor {
  unitId: string;
  /** The predecessor's own percent that year (2 decimals), or the value derived from its predecessors. */
  percent: number | null;
  source: 'result' | 'derived' | 'missing';
  /** For a derived predecessor: its own predecessors, recursively. */
  predecessors?: DerivedPredecessor[];
}

export interface DerivedPercent {
  unitId: string;
  method: PredecessorMethod['kind'] | 'weighted_population' | 'weighted_max';
  methodLabel: string;
  /** Rounded half-up to 2 decimals; null when no predecessor has data. */
  percent: number | null;
  predecessors: DerivedPredecessor[];
  /** Direct predecessors with a value / direct predecessors. */
  counted: number;
  total: number;
}

interface Value {
  percent: number;
  /** Weight under weighted-by-max: the applicable max (summed along a chain). */
  max: number;
  points: number;
  /** Weight under weighted-by-population: the figure given, summed along a chain. */
  population: number | null;
}

function methodKey(m: PredecessorMethod): DerivedPercent['method'] {
  return m.kind === 'equal' ? 'equal' : m.by === 'population' ? 'weighted_population' : 'weighted_max';
}

/**
 * The derived previous-year percent of `unitId` from `previous` (results of that year by unit id) through
 * `links` (who was formed from whom). Returns null when the unit has a result of its own that year or no
 * predecessors at all: nothing to derive.
 */
export function derivePercentFromPredecessors(
  unitId: string,
  links: readonly LineageLink[],
  previous: ReadonlyMap<
    string,
    Pick<UnitResult, 'percent' | 'notRankableReason' | 'finalAfterPenalty' | 'applicableMax'>
  >,
  method: PredecessorMethod = DEFAULT_PREDECESSOR_METHOD,
): DerivedPercent | null {
  if (previous.has(unitId)) return null;
  const preds = new Map<string, string[]>();
  for (const l of links) preds.set(l.unitId, [...(preds.get(l.unitId) ?? []), l.predecessorId]);
  if (!preds.get(unitId)?.length) return null;

  const own = (id: string): Value | null => {
    const r = previous.get(id);
    if (!r?.percent || r.notRankableReason) return null;
    const population =
      method.kind === 'weighted' && method.by === 'population' ? (method.weights.get(id) ?? null) : null;
    return { percent: percentValue(r.percent), max: r.applicableMax, points: r.finalAfterPenalty, population };
  };
  const combine = (ids: string[], seen: ReadonlySet<string>): { value: Value | null; list: DerivedPredecessor[] } => {
    const list: DerivedPredecessor[] = [];
    const values: { id: string; v: Value }[] = [];
    for (const id of [...new Set(ids)].sort()) {
      const v = own(id);
      if (v) {
        list.push({ unitId: id, percent: roundHalfUp(v.percent, 2), source: 'result' });
        values.push({ id, v });
        continue;
      }
      const next = (preds.get(id) ?? []).filter((p) => !seen.has(p));
      if (previous.has(id) || next.length === 0) {
        list.push({ unitId: id, percent: null, source: 'missing' });
        continue;
      }
      const sub = combine(next, new Set([...seen, id]));
      list.push({
        unitId: id,
        percent: sub.value ? roundHalfUp(sub.value.percent, 2) : null,
        source: sub.value ? 'derived' : 'missing',
        predecessors: sub.list,
      });
      if (sub.value) values.push({ id, v: sub.value });
    }
    return { value: average(values, method), list };
  };
  const { value, list } = combine(preds.get(unitId)!, new Set([unitId]));
  return {
    unitId,
    method: methodKey(method),
    methodLabel: predecessorMethodLabel(method),
    percent: value ? roundHalfUp(value.percent, 2) : null,
    predecessors: list,
    counted: list.filter((p) => p.source !== 'missing').length,
    total: list.length,
  };
}

function average(values: readonly { id: string; v: Value }[], method: PredecessorMethod): Value | null {
  if (values.length === 0) return null;
  const points = values.reduce((s, x) => s + x.v.points, 0);
  const max = values.reduce((s, x) => s + x.v.max, 0);
  if (method.kind === 'equal')
    return { percent: values.reduce((s, x) => s + x.v.percent, 0) / values.length, max, points, population: null };
  if (method.by === 'max') return max > 0 ? { percent: (points / max) * 100, max, points, population: null } : null;
  // By population: a predecessor without a population figure cannot be weighted — left out rather than guessed.
  const weighted = values.filter((x) => x.v.population !== null && x.v.population > 0);
  const total = weighted.reduce((s, x) => s + x.v.population!, 0);
  return total > 0
    ? {
        percent: weighted.reduce((s, x) => s + x.v.population! * x.v.percent, 0) / total,
        max,
        points,
        population: total,
      }
    : null;
}
