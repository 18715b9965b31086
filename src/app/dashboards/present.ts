// What the dashboards show of the engine's output: points with 2 decimals, percents rounded for display
// from the exact fraction (displayPercent), bands by code and label. Nothing here decides a rule.
import type { BandRule } from '../../core/framework/index.ts';
import {
  type GapAnalysis,
  type UnitResult,
  displayPercent,
  percentValue,
  resultFigures,
} from '../../core/results/index.ts';
import type { GroupResults, UnitEntry } from './result-set.ts';
import type { DashboardBandRef, UnitDashboard } from '../../contract/dashboard-pages.ts';

// Typed with the contract's answers (src/contract/dashboard-pages.ts): a drift fails typecheck.
type Row<K extends keyof UnitDashboard> = NonNullable<UnitDashboard[K]>;

export const bandRef = (b: BandRule | null): DashboardBandRef | null =>
  b ? { code: b.code, label: b.label, minPercent: b.minPercent } : null;
const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function unitSummary(entry: UnitEntry, group: GroupResults): Row<'result'> {
  const r = entry.result;
  return {
    unit: entry.unit,
    group: { id: group.id, name: group.name },
    ...resultFigures(r),
    band: bandRef(r.band),
    bandByScore: bandRef(r.bandByScore),
    rank: entry.rank,
    groupSize: group.entries.length,
    complete: r.complete,
    unappraisedCodes: r.unappraisedCodes,
    ...(entry.progress ? { progress: entry.progress } : {}),
  };
}

/** Mean percent of each main indicator over these results (display only: never banded). */
export function indicatorAverages(results: readonly UnitResult[]): Map<string, number | null> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of results)
    for (const ind of r.indicators) {
      const s = sums.get(ind.code) ?? { sum: 0, n: 0 };
      if (ind.percent) {
        s.sum += percentValue(ind.percent);
        s.n++;
      }
      sums.set(ind.code, s);
    }
  return new Map([...sums].map(([code, s]) => [code, s.n ? round2(s.sum / s.n) : null]));
}

export function mainIndicators(
  r: UnitResult,
  groupAverage: Map<string, number | null>,
): UnitDashboard['mainIndicators'] {
  return r.indicators.map((ind) => ({
    code: ind.code,
    title: ind.title,
    self: ind.self,
    final: ind.final,
    max: ind.max,
    applicableMax: ind.applicableMax,
    notApplicable: ind.notApplicable,
    percent: displayPercent(ind.percent),
    groupAveragePercent: groupAverage.get(ind.code) ?? null,
  }));
}

export function presentGap(g: GapAnalysis, titles: ReadonlyMap<string, string>): Row<'gap'> {
  const target = (t: GapAnalysis['targets'][number]) => ({
    band: bandRef(t.band)!,
    targetAfterPenalty: t.targetAfterPenalty,
    pointsNeeded: t.pointsNeeded,
    reachable: t.reachable,
  });
  return {
    blockedBy: g.blockedBy ?? null,
    nextBand: g.nextBand ? target(g.nextBand) : null,
    targets: g.targets.map(target),
    headroom: g.headroom,
    items: g.items.map((i) => ({
      code: i.code,
      title: titles.get(i.code) ?? i.code,
      available: i.available,
      effective: i.effective,
    })),
  };
}
