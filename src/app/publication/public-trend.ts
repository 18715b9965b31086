// The trend on a unit's public page: every published campaign it took part in, each compared with the
// selected one and with the one before it under the one comparability rule (src/core/results/
// comparability.ts) — the portal joins two points by a line only when they compare, and shows the reason
// otherwise. Main indicators of another year are matched ONLY through the node mapping between the two
// index-set versions (identity for the same version, else a confirmed framework_mappings row, either
// direction): an unmapped indicator is not comparable, never matched by a code that merely looks the same.
import {
  type Comparability,
  type IndexSetLink,
  type YearStanding,
  derivedStanding,
  indicatorComparability,
  overallComparability,
  publishedStanding,
} from '../../core/results/index.ts';
import { isRankedKind } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { type PublishedMeta, confirmedMapping } from './public-snapshots.ts';
import type { GroupView, SnapshotView } from './snapshot-view.ts';
import type { DerivedTrendPoint } from './derived-trend.ts';
import type { UnitPublicPage } from '../../contract/public.ts';

export type TrendEntry = {
  view: SnapshotView;
  meta: PublishedMeta;
  group: GroupView;
  row: GroupView['units'][number];
};

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

const linkOf = (m: CodeMap): IndexSetLink => (m === 'identity' ? 'identity' : m ? 'confirmed' : 'none');

function standing(e: TrendEntry): YearStanding {
  return publishedStanding(
    e.view.payload.campaign.kind,
    e.row,
    e.group.units.map((u) => u.unit.id),
  );
}

/** Later year first: the rule reads "current" and "previous". */
function compare(a: TrendEntry, b: TrendEntry, link: IndexSetLink): Comparability {
  const [later, earlier] = order(a, b) <= 0 ? [b, a] : [a, b];
  return overallComparability(standing(later), standing(earlier), link);
}

function order(a: TrendEntry, b: TrendEntry): number {
  return (
    a.view.payload.campaign.year - b.view.payload.campaign.year ||
    a.view.payload.publishedAt.localeCompare(b.view.payload.publishedAt)
  );
}

/** `entries` in time order; `selected` one of them. */
export async function buildTrend(
  db: Db,
  entries: readonly TrendEntry[],
  selected: TrendEntry,
): Promise<UnitPublicPage['trend']> {
  const selectedFw = selected.group.group.frameworkId;
  const trend: UnitPublicPage['trend'] = [];
  for (const [k, e] of entries.entries()) {
    const same = e === selected;
    const map: CodeMap = same ? 'identity' : await codeMap(db, e.group.group.frameworkId, selectedFw);
    const comparison: Comparability = same ? { comparable: true } : compare(e, selected, linkOf(map));
    const before = k > 0 ? entries[k - 1]! : null;
    const withPrevious = before
      ? compare(e, before, linkOf(await codeMap(db, before.group.group.frameworkId, e.group.group.frameworkId)))
      : null;
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
      comparison,
      withPrevious,
      indicators: selected.row.mainIndicators.map((m) => {
        // The years do not compare (progress round, no submission, unrelated index sets): nor do their parts.
        if (!comparison.comparable)
          return {
            code: m.code,
            previousCode: null,
            comparable: false,
            reason: comparison.reason!,
            ...(comparison.params ? { params: comparison.params } : {}),
            percent: null,
          };
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
  return trend;
}

/**
 * Each derived point (a year before the unit's formation) against the unit's first own year: the
 * predecessors' index sets (of those with a result) joined to the unit's — the weakest link decides.
 */
export async function compareDerived(
  db: Db,
  o: {
    points: readonly DerivedTrendPoint[];
    views: readonly { meta: PublishedMeta; view: SnapshotView }[];
    first: TrendEntry;
  },
): Promise<UnitPublicPage['derivedTrend']> {
  const { points, views, first } = o;
  const out: UnitPublicPage['derivedTrend'] = [];
  for (const p of points) {
    const view = views.find((v) => v.meta.campaignId === p.campaignId)?.view;
    const frameworks = new Set(
      p.predecessors
        .filter((x) => x.source === 'result')
        .map((x) => view?.unitIndex.get(x.id)?.group.group.frameworkId)
        .filter((f) => f !== undefined),
    );
    let link: IndexSetLink = frameworks.size > 0 ? 'identity' : 'none';
    for (const fw of frameworks) {
      const l = linkOf(await codeMap(db, fw, first.group.group.frameworkId));
      if (l === 'none' || (l === 'confirmed' && link === 'identity')) link = l;
    }
    const then = derivedStanding(view?.payload.campaign.kind ?? 'annual', p.percent);
    out.push({ ...p, comparison: overallComparability(standing(first), then, link) });
  }
  return out;
}
