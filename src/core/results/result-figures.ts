// The figures of one unit's result as every reader shows them — the ranking table, the snapshot, the
// dashboards: points with 2 decimals, the penalty, the applicable max and the percent rounded for display
// from the exact fraction. One home, so a figure cannot be shown two ways.
import { displayPercent } from './exact.ts';
import type { UnitResult } from './types.ts';

export function resultFigures(r: UnitResult) {
  return {
    status: r.status,
    selfTotal: r.selfTotal,
    finalTotal: r.finalTotal,
    penaltyPoints: r.penaltyApplied,
    finalAfterPenalty: r.finalAfterPenalty,
    maxPoints: r.maxPoints,
    applicableMax: r.applicableMax,
    percent: displayPercent(r.percent),
  };
}
