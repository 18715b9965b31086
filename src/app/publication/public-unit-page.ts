// The data of a unit's public page: its result in one published campaign, its rank in its group, the
// radar (main indicators vs the group average), strengths and weaknesses (indicators furthest above and
// below the average) and the trend over every published campaign it took part in. Main indicators of
// another year are matched ONLY through the node mapping between the two index-set versions (identity
// for the same version, else a confirmed framework_mappings row): an unmapped indicator is reported
// not comparable, never matched by a code that merely looks the same (docs/results-rules.md §8).
import { type Classification, classificationOf, isRankedKind } from '../../core/campaign/index.ts';
import { indicatorComparability } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type PublishedMeta, confirmedMapping, verifiedViews } from './public-snapshots.ts';
import { publicationUnverified } from './snapshot-integrity.ts';
import type { GroupView, SnapshotView } from './snapshot-view.ts';
import { derivedTrend } from './derived-trend.ts';
import type { UnitPublicPage } from '../../contract/public.ts';

type Entry = { view: SnapshotView; meta: PublishedMeta; group: GroupView; row: GroupView['units'][number] };

const round2 = (v: number) => Math.round(v * 100) / 100;

/** toCode (selected set) → fromCode (other set), or null when the two versions have no confirmed mapping. */
type CodeMap = 'identity' | Map<string, string[]> | null;

async function codeMap(db: Db, otherFw: string, selectedFw: string): Promise<CodeMap> {
  if (otherFw === selectedFw) return 'identity';
  const forward = await confirmedMapping(db, otherFw, selectedFw);
  const pairs =
    forward ??
    (await confirmedMapping(db, selectedFw, otherFw))?.map((p) => ({ fromCode: p.toCode, toCode: p.fromCode })) ??
    null;
  if (!pairs) return null;
  const map = new Map<string, string[]>();
  for (const p of pairs) map.set(p.toCode, [...(map.get(p.toCode) ?? []), p.fromCode]);
  return map;
}

/** The unit's figures; a progress report's carry no rank, band or penalty, and its completion instead. */
function unitResultOf(row: Entry['row'], cls: Classification): UnitPublicPage['result'] {
  return {
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
  unitId: string,
  metas: readonly PublishedMeta[],
  campaignId: string | undefined,
): Promise<UnitPublicPage | null> {
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

  const trend: UnitPublicPage['trend'] = [];
  for (const e of entries) {
    const same = e === selected;
    const map: CodeMap = same ? 'identity' : await codeMap(db, e.group.group.frameworkId, group.group.frameworkId);
    const byCode = new Map(e.row.mainIndicators.map((m) => [m.code, m]));
    trend.push({
      campaignId: e.meta.campaignId,
      campaignName: e.view.payload.campaign.name,
      year: e.view.payload.campaign.year,
      group: { id: e.group.group.id, name: e.group.group.name },
      selected: same,
      percent: e.row.percent,
      // A progress round in the trend: its percent, never a band or a rank (ranking-applies.ts).
      band:
        isRankedKind(e.view.payload.campaign.kind) && e.row.band
          ? { code: e.row.band.code, label: e.row.band.label }
          : null,
      rank: isRankedKind(e.view.payload.campaign.kind) ? e.row.rank : null,
      unitsInGroup: e.group.units.length,
      indicators: row.mainIndicators.map((m) => {
        const c = indicatorComparability(
          map === 'identity' ? [m.code] : map?.get(m.code),
          (code) => byCode.get(code),
          (prev) => prev.percent !== null,
        );
        return {
          code: m.code,
          previousCode: c.previousCode,
          comparable: c.comparable,
          ...(c.reason ? { reason: c.reason } : {}),
          percent: c.figures?.percent ?? null,
        };
      }),
    });
  }
  return {
    unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
    campaign: {
      id: selected.meta.campaignId,
      name: selected.view.payload.campaign.name,
      year: selected.view.payload.campaign.year,
    },
    group: { id: group.group.id, name: group.group.name, unitCount: group.units.length },
    result: unitResultOf(row, classificationOf(selected.view.payload.campaign.kind)),
    radar,
    strengths,
    weaknesses,
    trend,
    // Years before the unit's formation (a merger): derived from its predecessors, labelled, method named.
    derivedTrend: await derivedTrend(db, unitId, views, entries[0]!.view.payload.campaign.year),
    digest: selected.meta.digest,
  };
}
