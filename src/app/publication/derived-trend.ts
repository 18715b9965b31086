// A merged unit's public page, for the published campaigns before its formation: its figure derived from its
// predecessors' published results (issue 15 §2) — labelled as derived, with the method named and the
// predecessors listed. The signed snapshots are read, never changed. Lineage comes from org_unit_lineage.
import {
  DEFAULT_PREDECESSOR_METHOD,
  type DerivedPredecessor,
  derivePercentFromPredecessors,
} from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { lineageOf } from '../../db/queries/lineage.ts';
import type { PublishedMeta } from './public-snapshots.ts';
import type { SnapshotView } from './snapshot-view.ts';

export interface DerivedTrendPoint {
  campaignId: string;
  campaignName: string;
  year: number;
  derived: true;
  method: string;
  methodLabel: string;
  percent: number | null;
  predecessorsCounted: number;
  predecessorsTotal: number;
  predecessors: {
    id: string;
    code: string;
    name: string;
    percent: number | null;
    source: DerivedPredecessor['source'];
    via: string | null;
  }[];
}

/** Derived points for the campaigns (verified views) in which the unit has no result, before `beforeYear`. */
export async function derivedTrend(
  db: Db,
  o: { unitId: string; views: readonly { meta: PublishedMeta; view: SnapshotView }[]; beforeYear: number },
): Promise<DerivedTrendPoint[]> {
  const { unitId, views, beforeYear } = o;
  const earlier = views.filter((v) => v.view.payload.campaign.year < beforeYear && !v.view.unitIndex.has(unitId));
  if (earlier.length === 0) return [];
  const { links, names } = await lineageOf(db, unitId);
  if (links.length === 0) return [];
  const out: DerivedTrendPoint[] = [];
  for (const { meta, view } of earlier) {
    // The published percent (2 decimals) stands in as the exact one: the derived figure averages what the portal shows.
    const previous = new Map(
      [...view.unitIndex].map(([id, { row }]) => [
        id,
        {
          percent: row.percent === null ? null : { numerator: Math.round(row.percent * 100), denominator: 10000 },
          finalAfterPenalty: row.finalAfterPenalty,
          applicableMax: row.applicableMax,
        },
      ]),
    );
    const d = derivePercentFromPredecessors(unitId, links, previous, DEFAULT_PREDECESSOR_METHOD);
    if (!d || d.counted === 0) continue;
    const flat = (list: DerivedPredecessor[], via: string | null): DerivedTrendPoint['predecessors'] =>
      list.flatMap((p) => [
        {
          id: p.unitId,
          code: names.get(p.unitId)?.code ?? '',
          name: names.get(p.unitId)?.name ?? '',
          percent: p.percent,
          source: p.source,
          via,
        },
        ...flat(p.predecessors ?? [], p.unitId),
      ]);
    out.push({
      campaignId: meta.campaignId,
      campaignName: view.payload.campaign.name,
      year: view.payload.campaign.year,
      derived: true,
      method: d.method,
      methodLabel: d.methodLabel,
      percent: d.percent,
      predecessorsCounted: d.counted,
      predecessorsTotal: d.total,
      predecessors: flat(d.predecessors, null),
    });
  }
  return out.sort((a, b) => a.year - b.year);
}
