// A unit's history across published campaigns, for its dashboard page: its percent, band and rank in the
// latest snapshot of each, read from the VERIFIED snapshot views (public-snapshots.ts) — a snapshot that
// fails verification is left out of the history (and logged and audited once by snapshot-integrity.ts).
import { isRankedKind } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { snapshotsOfUnit } from '../../db/queries/dashboards.ts';
import { verifiedViews } from '../publication/public-snapshots.ts';
import type { UnitDashboard } from '../../contract/dashboard-pages.ts';

/** One row of the unit dashboard's history (src/contract/dashboard-pages.ts). */
export type HistoryRow = UnitDashboard['history'][number];

/** Every published campaign the unit took part in, newest year first. */
export async function publishedHistory(db: Db, unitId: string): Promise<HistoryRow[]> {
  const snapshots = await snapshotsOfUnit(db, unitId);
  const metas = snapshots.map((s) => ({
    snapshotId: s.ref.id,
    campaignId: s.ref.campaignId,
    digest: s.ref.digest,
    signature: s.ref.signature,
    keyId: s.ref.keyId,
    heading: s,
  }));
  const rows: HistoryRow[] = [];
  for (const { meta, view } of await verifiedViews(db, metas)) {
    const hit = view.unitIndex.get(unitId);
    if (!hit) continue;
    const { row, group } = hit;
    rows.push({
      campaignId: meta.campaignId,
      name: meta.heading.name,
      year: meta.heading.year,
      kind: meta.heading.kind,
      percent: row.percent,
      // A progress round: its percent only, never a band or a rank (ranking-applies.ts).
      band: isRankedKind(meta.heading.kind) && row.band ? { code: row.band.code, label: row.band.label } : null,
      rank: isRankedKind(meta.heading.kind) ? row.rank : null,
      groupSize: group.units.length,
    });
  }
  return rows;
}
