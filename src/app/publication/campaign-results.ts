// A campaign's results with the one results engine (src/core/results): per unit computeUnitResult over
// the council's final scores (N/A per unit and per group, replacements), the timing from each
// assessment's stored lateness (or, never submitted, judgeSubmission's non-submission rule); per group
// rankGroup. Used by GET /campaigns/{id}/results, closing checks and the publication snapshot.
// The scores come from the packed score sheets (campaign-results-fast.ts); a unit whose sheet cannot
// be read as it stands takes the per-item path (campaign-results-reference.ts), same results.
import { type CampaignRules, rankingOptions } from '../../core/campaign/index.ts';
import { indicatorSummaries, rankGroup, resultFigures } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type GroupWithFramework, loadCampaignGroups } from '../../db/queries/campaigns.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type ItemRow, loadFastEntries } from './campaign-results-fast.ts';
import { loadReferenceEntries } from './campaign-results-reference.ts';

export { itemScoresOf, missingOf, timingOf } from './campaign-results-reference.ts';

export async function loadGroupDefinitions(
  db: Db,
  groups: readonly GroupWithFramework[],
): Promise<Map<string, IndexedDefinition>> {
  const defs = new Map<string, IndexedDefinition>();
  for (const g of groups) defs.set(g.id, (await loadDefinition(db, g.frameworkId))!);
  return defs;
}

/**
 * Totals, bands and ranks of every unit, without the per-item rows: what GET /campaigns/{id}/results
 * and the closing checks need. `itemsOf` gives a unit's items when someone wants them.
 */
export async function computeCampaignRanking(db: Db, campaign: { id: string; rules: CampaignRules }) {
  const groups = (await loadCampaignGroups(db, [campaign.id])).get(campaign.id) ?? [];
  const defs = await loadGroupDefinitions(db, groups);
  const rules = campaign.rules;
  // One score sheet per assessment (campaign-results-fast.ts); a group-wide replacement: per item.
  const loaded =
    (await loadFastEntries(db, campaign, groups, defs)) ?? (await loadReferenceEntries(db, campaign, groups, defs));
  const { groupNotApplicable } = loaded;
  const out = groups.map((g) => {
    const def = defs.get(g.id)!;
    const entries = loaded.perGroup.get(g.id) ?? [];
    const ranked = rankGroup(entries, rankingOptions(rules));
    const byUnit = new Map(entries.map((e) => [e.unitId, e]));
    return {
      group: g,
      def,
      notApplicable: groupNotApplicable
        .filter((n) => n.groupId === g.id)
        .map(({ code, reason, replacementCode }) => ({ code, reason, replacementCode })),
      distribution: ranked.distribution,
      units: ranked.units.map((u) => {
        const e = byUnit.get(u.unitId)!;
        const r = u.result;
        return {
          assessmentId: e.assessment.id,
          unit: e.assessment.unit,
          group: { id: g.id, name: g.name },
          submitted: e.assessment.status === 'submitted',
          timing: r.timing.kind,
          daysLate: e.assessment.daysLate ?? null,
          ...resultFigures(r),
          band: r.band ? { code: r.band.code, label: r.band.label } : null,
          bandByScore: r.bandByScore ? { code: r.bandByScore.code, label: r.bandByScore.label } : null,
          rank: u.rank,
          sharedBy: u.sharedBy,
          rankable: u.tier === 'ranked',
          lowestBandReason:
            r.status === 'forced_lowest_band'
              ? r.timing.kind === 'not_submitted'
                ? 'not_submitted'
                : 'late_beyond_tolerance'
              : null,
          notApplicableCodes: r.notApplicableCodes,
          unappraisedCodes: r.unappraisedCodes,
          complete: r.complete,
          // Per main indicator (depth-1 node) for the public group page, radar and trend; penalty-free.
          mainIndicators: indicatorSummaries(r),
        };
      }),
    };
  });
  const items = new Map([...loaded.perGroup.values()].flat().map((e) => [e.assessment.id, e.items]));
  return {
    groups: out,
    missing: loaded.missing,
    itemsOf: (assessmentId: string): ItemRow[] => items.get(assessmentId)?.() ?? [],
  };
}

/** The ranking with every unit's items (unit × item: the snapshot, the exports, the dashboards). */
export async function computeCampaignResults(db: Db, campaign: { id: string; rules: CampaignRules }) {
  const { groups, missing, itemsOf } = await computeCampaignRanking(db, campaign);
  return {
    groups: groups.map((g) => ({ ...g, units: g.units.map((u) => ({ ...u, items: itemsOf(u.assessmentId) })) })),
    missing,
  };
}

export type CampaignResults = Awaited<ReturnType<typeof computeCampaignResults>>;
