// The data of a unit's public page: its result in one published campaign, its rank in its group, the
// radar (main indicators vs the group average), strengths and weaknesses (indicators furthest above and
// below the average) and the trend over every published campaign it took part in, compared under the one
// comparability rule (public-trend.ts; docs/results-rules.md §8).
import type { CampaignRules } from '../../core/campaign/index.ts';
import { DEFAULT_RESULT_SCALE } from '../../core/results/scale.ts';
import { type Classification, classificationOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { type PublishedMeta, verifiedViews } from './public-snapshots.ts';
import { publicationUnverified } from './snapshot-integrity.ts';
import type { GroupView, SnapshotView } from './snapshot-view.ts';
import { derivedTrend } from './derived-trend.ts';
import { buildTrend, compareDerived } from './public-trend.ts';
import type { UnitPublicPage } from '../../contract/public.ts';

type Entry = { view: SnapshotView; meta: PublishedMeta; group: GroupView; row: GroupView['units'][number] };

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The unit's figures; a progress report's carry no rank, band or penalty, and its completion instead. */
function unitResultOf(
  row: Entry['row'],
  cls: Classification,
  rules: Pick<CampaignRules, 'resultScale'>,
): UnitPublicPage['result'] {
  return {
    resultScale: rules.resultScale ?? DEFAULT_RESULT_SCALE,
    publishedAs: cls.publishedAs,
    rank: cls.ranked ? row.rank : null,
    selfTotal: row.selfTotal,
    finalTotal: row.finalTotal,
    penaltyPoints: cls.latePenalised ? row.penaltyPoints : 0,
    applicableMax: row.applicableMax,
    percent: row.percent,
    band: cls.classified && row.band ? { code: row.band.code, label: row.band.label } : null,
    rankable: cls.ranked && row.rankable,
    lowestBandReason: cls.classified ? row.lowestBandReason : null,
    ...(row.progress ? { progress: row.progress } : {}),
  };
}

export async function unitPage(
  db: Db,
  o: { unitId: string; metas: readonly PublishedMeta[]; campaignId?: string },
): Promise<UnitPublicPage | null> {
  const { unitId, metas, campaignId } = o;
  // Publications that fail verification are left out of the trend; the one asked for by id is refused.
  const views = await verifiedViews(db, metas);
  if (
    campaignId &&
    metas.some((m) => m.campaignId === campaignId) &&
    !views.some((v) => v.meta.campaignId === campaignId)
  )
    throw publicationUnverified(campaignId);
  const entries: Entry[] = [];
  for (const { meta, view } of views) {
    const hit = view.unitIndex.get(unitId);
    if (hit) entries.push({ view, meta, ...hit });
  }
  entries.sort(
    (a, b) =>
      a.view.payload.campaign.year - b.view.payload.campaign.year ||
      a.view.payload.publishedAt.localeCompare(b.view.payload.publishedAt),
  );
  const selected = campaignId ? entries.find((e) => e.meta.campaignId === campaignId) : entries[entries.length - 1];
  if (!selected) return null;
  const { row, group } = selected;
  const average = new Map(group.averages.map((a) => [a.code, a.averagePercent]));
  const radar = row.mainIndicators.map((m) => ({
    code: m.code,
    title: m.title,
    percent: m.percent,
    groupAverage: average.get(m.code) ?? null,
  }));
  const gaps = radar
    .filter((r) => r.percent !== null && r.groupAverage !== null)
    .map((r) => ({
      code: r.code,
      title: r.title,
      percent: r.percent!,
      groupAverage: r.groupAverage!,
      difference: round2(r.percent! - r.groupAverage!),
    }));
  const strengths = gaps
    .filter((g) => g.difference > 0)
    .sort((a, b) => b.difference - a.difference)
    .slice(0, 3);
  const weaknesses = gaps
    .filter((g) => g.difference < 0)
    .sort((a, b) => a.difference - b.difference)
    .slice(0, 3);

  const trend = await buildTrend(db, entries, selected);
  return {
    unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
    campaign: {
      id: selected.meta.campaignId,
      name: selected.view.payload.campaign.name,
      year: selected.view.payload.campaign.year,
    },
    group: { id: group.group.id, name: group.group.name, unitCount: group.units.length },
    result: unitResultOf(row, classificationOf(selected.view.payload.campaign.kind), selected.view.payload.rules),
    radar,
    strengths,
    weaknesses,
    trend,
    // Years before the unit's formation (a merger): derived from its predecessors, labelled, method named.
    derivedTrend: await compareDerived(db, {
      points: await derivedTrend(db, { unitId, views, beforeYear: entries[0]!.view.payload.campaign.year }),
      views,
      first: entries[0]!,
    }),
    digest: selected.meta.digest,
  };
}
