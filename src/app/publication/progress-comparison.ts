// A progress round's rows compared with the previous round and with the annual campaign (000 Điều 7.2:
// the periodic report shows how far each unit has got, not a rank). The previous round is, per unit, the
// latest earlier round of the same annual campaign in which the unit has a result (progress-source.ts);
// the annual figure is the unit's result in the parent campaign. Both are computed by the one engine
// (computeCampaignRanking, which never compares again, so rounds do not chain).
// Nothing unpublished leaks through a comparison: the annual result is shown only once the annual
// campaign is published (before that it has no result, only work in progress — and its readers are not
// necessarily the round's); in a publication (`published: true`) the previous round is named only when
// it was published too.
import { compareProgress, type ReportedFigures } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { findProgressRelatives } from '../../db/queries/progress-source.ts';
import { type CampaignResultRow, computeCampaignRanking } from './campaign-results.ts';

/** A unit's figures in another campaign: appraised points only when every applicable item was appraised. */
function figuresOf(c: { id: string; name: string }, row: CampaignResultRow): ReportedFigures {
  return {
    campaignId: c.id,
    campaignName: c.name,
    selfTotal: row.selfTotal,
    finalTotal: row.submitted && row.complete && row.unappraisedCodes.length === 0 ? row.finalAfterPenalty : null,
    applicableMax: row.applicableMax,
  };
}

async function figuresByUnit(
  db: Db,
  c: { id: string; name: string; kind: string; rules: Parameters<typeof computeCampaignRanking>[1]['rules'] },
): Promise<Map<string, ReportedFigures>> {
  const r = await computeCampaignRanking(db, c);
  return new Map(r.groups.flatMap((g) => g.units.map((u) => [u.unit.id, figuresOf(c, u)] as const)));
}

const PUBLISHED = new Set(['published', 'archived']);

/** Adds `previous` and `annual` to every progress row of a progress round's results (in place). */
export async function addProgressComparison(
  db: Db,
  o: { campaignId: string; groups: readonly { units: CampaignResultRow[] }[]; published?: boolean },
): Promise<void> {
  const { campaignId, groups, published = false } = o;
  const rows = groups.flatMap((g) => g.units).filter((u) => u.progress);
  if (rows.length === 0) return;
  const relatives = await findProgressRelatives(db, campaignId);
  if (!relatives) return;
  const annual = PUBLISHED.has(relatives.annual.status)
    ? await figuresByUnit(db, relatives.annual)
    : new Map<string, ReportedFigures>();
  const earlier = [];
  for (const round of relatives.earlier)
    if (!published || PUBLISHED.has(round.status)) earlier.push(await figuresByUnit(db, round));
  for (const row of rows) {
    const previous = earlier.map((m) => m.get(row.unit.id)).find((f) => f !== undefined) ?? null;
    const cmp = compareProgress(row.selfTotal, previous, annual.get(row.unit.id) ?? null);
    row.progress = { ...row.progress!, previous: cmp.previous, annual: cmp.annual };
  }
}
