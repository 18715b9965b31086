// The derived ranking of one published group (issue 15 §2, "Xếp hạng quy đổi theo đơn vị hiện nay"): the
// group's units as they are on the viewer's date, each from its predecessors' published percents
// (core/results/derived-ranking.ts). Reads the verified snapshot's stored rows and today's lineage; the
// snapshot is never changed and the engine never re-run. Shared by the portal, the staff results page and
// the ranking export, so the three show the same figures.
import { type DerivedRanking, activeOn, deriveRanking } from '../../core/results/index.ts';
import { compareCodes } from '../../core/text/vietnamese.ts';
import type { Db } from '../../db/client.ts';
import { type StoredLineageRow, allLineageRows, lineageUnits } from '../../db/queries/lineage.ts';
import type { DerivedRankingView } from '../../contract/derived-ranking.ts';
import type { GroupView, SnapshotView } from './snapshot-view.ts';

export type { DerivedRankingView };

type Ref = { id: string; code: string; name: string };
type Predecessors = DerivedRanking['rows'][number]['predecessors'];

const ref = (units: ReadonlyMap<string, Ref>, id: string): Ref => {
  const u = units.get(id);
  return u ? { id: u.id, code: u.code, name: u.name } : { id, code: '', name: '' };
};

/** The derived ranking of `group` as of `asOf` (yyyy-mm-dd); `rows` loaded once when several groups are derived. */
export async function derivedGroupRanking(
  db: Db,
  o: { view: SnapshotView; group: GroupView; asOf: string; rows?: StoredLineageRow[] },
): Promise<DerivedRankingView> {
  const { view, group, asOf, rows } = o;
  const lineage = rows ?? (await allLineageRows(db));
  const units = await lineageUnits(db, [
    ...group.units.map((u) => u.unit.id),
    ...lineage.flatMap((l) => [l.unitId, l.predecessorId]),
  ]);
  const figures = new Map(
    group.units.map((u) => [
      u.unit.id,
      { percent: u.percent, finalAfterPenalty: u.finalAfterPenalty, applicableMax: u.applicableMax },
    ]),
  );
  const d = deriveRanking({ figures, links: lineage, units, asOf, bands: view.payload.rules.bands });
  const names = new Map<string, Ref>([...units].map(([id, u]) => [id, { id, code: u.code, name: u.name }]));
  const byKey = new Map(lineage.map((l) => [`${l.unitId}|${l.predecessorId}`, l]));
  const used = new Map<string, StoredLineageRow>();
  for (const r of d.rows)
    for (const l of r.lineage) used.set(`${l.unitId}|${l.predecessorId}`, byKey.get(`${l.unitId}|${l.predecessorId}`)!);
  const flat = (list: Predecessors, via: string | null): DerivedRankingView['rows'][number]['predecessors'] =>
    [...list]
      .sort((a, b) => compareCodes(names.get(a.unitId)?.code ?? '', names.get(b.unitId)?.code ?? ''))
      .flatMap((p) => [
        { unit: ref(names, p.unitId), percent: p.percent, source: p.source, via },
        ...flat(p.predecessors ?? [], p.unitId),
      ]);
  return {
    derived: true,
    campaign: { id: view.payload.campaign.id, name: view.payload.campaign.name, year: view.payload.campaign.year },
    group: { id: group.group.id, name: group.group.name },
    asOf: d.asOf,
    method: d.method,
    methodLabel: d.methodLabel,
    // A group is on a former structure when some of its units no longer exist on the date: only then is the
    // derived ranking offered beside the original (a unit still active ranks as itself in both).
    differs: group.units.some((u) => {
      const unit = units.get(u.unit.id);
      return unit !== undefined && !activeOn(unit, asOf);
    }),
    rows: d.rows.map((r) => ({
      unit: ref(names, r.unitId),
      rank: r.rank,
      sharedBy: r.sharedBy,
      percent: r.percent,
      band: r.band,
      ownResult: r.ownResult,
      counted: r.counted,
      total: r.total,
      predecessors: flat(r.predecessors, null),
    })),
    distribution: d.distribution,
    lineage: [...used.values()]
      .filter((l) => l !== undefined)
      .map((l) => ({
        unit: ref(names, l.unitId),
        predecessor: ref(names, l.predecessorId),
        effectiveDate: l.effectiveDate,
        kind: l.kind,
        legalBasis: l.legalBasis,
        legalBasisDate: l.legalBasisDate,
      })),
  };
}

/** The derived rankings of the groups of a published view that differ from their original ranking. */
export async function derivedRankings(db: Db, view: SnapshotView, asOf: string): Promise<DerivedRankingView[]> {
  const rows = await allLineageRows(db);
  const out: DerivedRankingView[] = [];
  for (const g of view.groups) {
    // A progress round is never ranked (ranking-applies.ts): no derived ranking either.
    if (g.group.distribution === null) continue;
    const d = await derivedGroupRanking(db, { view, group: g, asOf, rows });
    if (d.differs) out.push(d);
  }
  return out;
}
