// A campaign's results with the one results engine (src/core/results): per unit computeUnitResult over
// the council's final scores (N/A per unit and per group, replacements), the timing from each
// assessment's stored lateness (or, never submitted, judgeSubmission's non-submission rule); per group
// rankGroup. Used by GET /campaigns/{id}/results, closing checks and the publication snapshot.
// The scores come from the packed score sheets (campaign-results-fast.ts); a unit whose sheet cannot
// be read as it stands takes the per-item path (campaign-results-reference.ts), same results.
import { classificationOf, rankingOptions } from '../../core/campaign/index.ts';
import {
  type BandDistribution,
  type ProgressFigures,
  type PublishedStatus,
  completionOf,
  displayPercent,
  indicatorSummaries,
  rankGroup,
  resultFigures,
} from '../../core/results/index.ts';
import { compareCodes } from '../../core/text/vietnamese.ts';
import type { Db } from '../../db/client.ts';
import { type GroupWithFramework, loadCampaignGroups } from '../../db/queries/campaigns.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type ItemRow, loadFastEntries } from './campaign-results-fast.ts';
import { type ResultCampaign, type ResultEntry, loadReferenceEntries } from './campaign-results-reference.ts';

export { itemScoresOf, missingOf, timingOf, type ResultCampaign } from './campaign-results-reference.ts';

export async function loadGroupDefinitions(
  db: Db,
  groups: readonly GroupWithFramework[],
): Promise<Map<string, IndexedDefinition>> {
  const defs = new Map<string, IndexedDefinition>();
  for (const g of groups) defs.set(g.id, (await loadDefinition(db, g.frameworkId))!);
  return defs;
}

/** One unit's row: the figures, then either its band and rank (annual) or its progress (progress round). */
// A type, not an interface: the route's response schema (an object with passthrough) needs an index signature.
export type CampaignResultRow = Omit<ResultFigures, 'status'> & {
  assessmentId: string;
  unit: ResultEntry['assessment']['unit'];
  group: { id: string; name: string };
  submitted: boolean;
  timing: ResultEntry['result']['timing']['kind'];
  daysLate: number | null;
  status: PublishedStatus;
  band: { code: string; label: string } | null;
  bandByScore: { code: string; label: string } | null;
  rank: number | null;
  sharedBy?: number;
  rankable: boolean;
  lowestBandReason: string | null;
  notApplicableCodes: string[];
  unappraisedCodes: string[];
  complete: boolean;
  mainIndicators: ReturnType<typeof indicatorSummaries>;
  progress?: ProgressFigures;
};

type ResultFigures = ReturnType<typeof resultFigures>;

/** Where a unit stands: its band and rank (annual) or its progress (progress round). */
type Placing = Pick<CampaignResultRow, 'status' | 'band' | 'bandByScore' | 'rank' | 'rankable' | 'lowestBandReason'>;

/**
 * A unit's row as one object literal in a fixed key order, the figures copied from resultFigures (their
 * one home): thousands of rows are built per recompute, and spreading partial objects into each other
 * (the earlier shape) cost a quarter of the whole recompute (bench/results-recompute, PGlite). The caller
 * adds `sharedBy` (annual) or `progress` (progress round) last, always in the same order, so the rows
 * keep one shape.
 */
function resultRow(g: { id: string; name: string }, e: ResultEntry, p: Placing): CampaignResultRow {
  const f = resultFigures(e.result);
  return {
    assessmentId: e.assessment.id,
    unit: e.assessment.unit,
    group: { id: g.id, name: g.name },
    submitted: e.assessment.status === 'submitted',
    timing: e.result.timing.kind,
    daysLate: e.assessment.daysLate ?? null,
    status: p.status,
    selfTotal: f.selfTotal,
    finalTotal: f.finalTotal,
    penaltyPoints: f.penaltyPoints,
    finalAfterPenalty: f.finalAfterPenalty,
    maxPoints: f.maxPoints,
    applicableMax: f.applicableMax,
    percent: f.percent,
    band: p.band,
    bandByScore: p.bandByScore,
    rank: p.rank,
    rankable: p.rankable,
    lowestBandReason: p.lowestBandReason,
    notApplicableCodes: e.result.notApplicableCodes,
    unappraisedCodes: e.result.unappraisedCodes,
    complete: e.result.complete,
    // Per main indicator (depth-1 node) for the public group page, radar and trend; penalty-free.
    mainIndicators: indicatorSummaries(e.result),
  };
}

/**
 * Totals, bands and ranks of every unit, without the per-item rows: what GET /campaigns/{id}/results
 * and the closing checks need. `itemsOf` gives a unit's items when someone wants them. A progress round
 * (classificationOf, src/core/campaign/ranking-applies.ts) has no rank, no band, no distribution and no
 * late penalty: its rows say how complete the report is, in unit code order.
 */
export async function computeCampaignRanking(db: Db, campaign: ResultCampaign) {
  const groups = (await loadCampaignGroups(db, [campaign.id])).get(campaign.id) ?? [];
  const defs = await loadGroupDefinitions(db, groups);
  const rules = campaign.rules;
  const classification = classificationOf(campaign.kind);
  // One score sheet per assessment (campaign-results-fast.ts); a group-wide replacement: per item.
  const loaded =
    (await loadFastEntries(db, { campaign, groups, defs })) ??
    (await loadReferenceEntries(db, { campaign, groups, defs }));
  const { groupNotApplicable } = loaded;
  const out = groups.map((g) => {
    const def = defs.get(g.id)!;
    const entries = loaded.perGroup.get(g.id) ?? [];
    const byUnit = new Map(entries.map((e) => [e.unitId, e]));
    const notApplicable = groupNotApplicable
      .filter((n) => n.groupId === g.id)
      .map(({ code, reason, replacementCode }) => ({ code, reason, replacementCode }));
    if (!classification.ranked) {
      const units = [...entries]
        .sort((x, y) => compareCodes(x.assessment.unit.code, y.assessment.unit.code))
        .map((e): CampaignResultRow => {
          const row = resultRow(g, e, {
            status: 'progress_report',
            band: null,
            bandByScore: null,
            rank: null,
            rankable: false,
            lowestBandReason: null,
          });
          row.progress = {
            completion: completionOf(e.items()),
            selfPercent: displayPercent(e.result.selfPercent),
          };
          return row;
        });
      return { group: g, def, notApplicable, distribution: null as BandDistribution | null, units };
    }
    const ranked = rankGroup(entries, rankingOptions(rules));
    return {
      group: g,
      def,
      notApplicable,
      distribution: ranked.distribution as BandDistribution | null,
      units: ranked.units.map((u): CampaignResultRow => {
        const e = byUnit.get(u.unitId)!;
        const r = u.result;
        const row = resultRow(g, e, {
          status: r.status,
          band: r.band ? { code: r.band.code, label: r.band.label } : null,
          bandByScore: r.bandByScore ? { code: r.bandByScore.code, label: r.bandByScore.label } : null,
          rank: u.rank,
          rankable: u.tier === 'ranked',
          lowestBandReason:
            r.status === 'forced_lowest_band'
              ? r.timing.kind === 'not_submitted'
                ? 'not_submitted'
                : 'late_beyond_tolerance'
              : null,
        });
        row.sharedBy = u.sharedBy;
        return row;
      }),
    };
  });
  const items = new Map([...loaded.perGroup.values()].flat().map((e) => [e.assessment.id, e.items]));
  return {
    classification,
    groups: out,
    missing: loaded.missing,
    itemsOf: (assessmentId: string): ItemRow[] => items.get(assessmentId)?.() ?? [],
  };
}

/** The ranking with every unit's items (unit × item: the snapshot, the exports, the dashboards). */
export async function computeCampaignResults(db: Db, campaign: ResultCampaign) {
  const { classification, groups, missing, itemsOf } = await computeCampaignRanking(db, campaign);
  return {
    classification,
    // The rows are this call's own: each gets its items added in place (a spread copy per unit cost more
    // than building the items).
    groups: groups.map((g) => ({
      ...g,
      units: g.units.map((u) => Object.assign(u, { items: itemsOf(u.assessmentId) })),
    })),
    missing,
  };
}

export type CampaignResults = Awaited<ReturnType<typeof computeCampaignResults>>;
