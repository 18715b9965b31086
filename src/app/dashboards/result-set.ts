// A campaign's results as the dashboards use them: every unit's result (a UnitResult, so gap analysis,
// what-if and year-over-year work on one shape) and its group ranking. Published campaigns are read
// from their latest signed snapshot, from the verified snapshot view only (a snapshot failing
// verification answers PUBLICATION_UNVERIFIED): the totals, percent, band, status, rank and main
// indicators it stored (publishedUnitResult) — the engine is not re-run over a snapshot, so what is
// shown is what was signed. Only the what-if (and the gap analysis that reads lower nodes) computes
// from the stored item scores. Before publication the results are live from the appraisal (final
// scores so far, computed) and marked provisional.
import {
  type CampaignRules,
  type Classification,
  classificationOf,
  rankingOptions,
} from '../../core/campaign/index.ts';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import {
  type ProgressFigures,
  type RankedGroup,
  type ResultRow,
  type UnitResult,
  type UnitResultInput,
  computeUnitResult,
  itemScoresFromRows,
  publishedUnitResult,
  rankGroup,
  unclassified,
} from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type DashboardCampaign, type SnapshotRef, latestSnapshots } from '../../db/queries/dashboards.ts';
import { OperationError } from '../errors.ts';
import { computeCampaignResults } from '../publication/campaign-results.ts';
import { addProgressComparison } from '../publication/progress-comparison.ts';
import { snapshotView } from '../publication/public-snapshots.ts';
import type { SnapshotView } from '../publication/snapshot-view.ts';

/** What a published (or live) unit row of computeCampaignResults carries that the engine needs. */
export interface PublishedUnitRow {
  unit: { id: string; code: string; name: string };
  group: { id: string; name: string };
  timing: string;
  penaltyPoints: number;
  finalTotal: number;
  lowestBandReason: string | null;
  rank: number | null;
  complete?: boolean;
  /** A progress round's completion and comparisons (absent in an assessment campaign). */
  progress?: ProgressFigures;
  items: {
    code: string;
    self: number | null;
    final: number | null;
    notApplicable: boolean;
    replacementCode: string | null;
  }[];
}

export interface UnitEntry {
  unitId: string;
  unit: { id: string; code: string; name: string };
  rank: number | null;
  /** What a progress round reports instead of a rank and a band (completion, previous round, annual result). */
  progress?: ProgressFigures;
  input: UnitResultInput;
  result: UnitResult;
}

export interface GroupResults {
  id: string;
  name: string;
  frameworkId: string;
  definition: FrameworkDefinition;
  entries: UnitEntry[];
  byUnit: Map<string, UnitEntry>;
  ranked: RankedGroup;
}

export interface ResultSet {
  campaignId: string;
  source: 'snapshot' | 'live';
  /** Live results during appraisal: final scores so far, not yet approved and published. */
  provisional: boolean;
  snapshot: { id: string; version: number; publishedAt: string } | null;
  rules: CampaignRules;
  /** Whether the campaign is ranked and classified at all (a progress round is not: ranking-applies.ts). */
  classification: Classification;
  groups: GroupResults[];
}

/** The engine input of a unit row (for the what-if): its item rows as the engine's item scores. */
export function inputOf(row: PublishedUnitRow, definition: FrameworkDefinition, rules: CampaignRules): UnitResultInput {
  // The row keeps the penalty applied (never more than the total); when the total was wiped out, the
  // campaign's full penalty is what the gap analysis must overcome.
  const kind = row.timing as UnitResultInput['timing']['kind'];
  const penalty =
    kind === 'late'
      ? row.penaltyPoints < row.finalTotal
        ? row.penaltyPoints
        : Math.max(row.penaltyPoints, rules.lateSubmission.penaltyPoints)
      : 0;
  return {
    definition,
    itemScores: itemScoresFromRows(row.items),
    timing: { kind, penaltyPoints: penalty, lowestBand: row.lowestBandReason !== null },
    rules: { bands: rules.bands, notApplicable: rules.notApplicable },
  };
}

type GroupHead = { id: string; name: string; frameworkId: string; definition: FrameworkDefinition };

/** A progress round's group: its units in the order given, none ranked, no band counted. */
function unrankedGroup(entries: UnitEntry[]): RankedGroup {
  return {
    rankBy: 'percent',
    units: entries.map((e) => ({ unitId: e.unitId, rank: null, tier: 'not_rankable', sharedBy: 1, result: e.result })),
    distribution: { bands: [], notRankable: entries.length, total: entries.length },
  };
}

function groupOf(g: GroupHead, entries: UnitEntry[], rules: CampaignRules, cls: Classification): GroupResults {
  return {
    ...g,
    entries,
    byUnit: new Map(entries.map((e) => [e.unitId, e])),
    ranked: cls.ranked ? rankGroup(entries, rankingOptions(rules)) : unrankedGroup(entries),
  };
}

/** Live results (open campaign): computed by the engine from the appraisal so far; never banded in a progress round. */
function liveGroup(
  g: GroupHead,
  rows: readonly PublishedUnitRow[],
  rules: CampaignRules,
  cls: Classification,
): GroupResults {
  return groupOf(
    g,
    rows.map((row): UnitEntry => {
      const input = inputOf(row, g.definition, rules);
      const result = computeUnitResult(input);
      return {
        unitId: row.unit.id,
        unit: row.unit,
        rank: cls.ranked ? row.rank : null,
        ...(row.progress ? { progress: row.progress } : {}),
        input,
        result: cls.classified ? result : unclassified(result),
      };
    }),
    rules,
    cls,
  );
}

/** A published group: every figure as the snapshot stored it; the ranking re-ranks the stored results. */
function publishedGroup(
  g: GroupHead,
  rows: readonly ResultRow[],
  rules: CampaignRules,
  cls: Classification,
): GroupResults {
  const resultRules = { bands: rules.bands, notApplicable: rules.notApplicable };
  return groupOf(
    g,
    rows.map((row): UnitEntry => {
      const input = inputOf(row, g.definition, rules);
      // A progress round published before its rule was enforced still shows no rank or band.
      const result = publishedUnitResult(row, g.definition, resultRules, input.timing);
      return {
        unitId: row.unit.id,
        unit: row.unit,
        rank: cls.ranked ? row.rank : null,
        ...(row.progress ? { progress: row.progress } : {}),
        input,
        result: cls.classified ? result : unclassifiedPublished(result),
      };
    }),
    rules,
    cls,
  );
}

/**
 * A published result keeps its lazily built nodes (a class instance: spreading would lose them), so the
 * band is hidden on the instance itself.
 */
function unclassifiedPublished(r: UnitResult): UnitResult {
  if (r.band === null && r.bandByScore === null && r.status === 'not_rankable') return r;
  return Object.assign(r, { status: 'not_rankable', band: null, bandByScore: null } satisfies Partial<UnitResult>);
}

// Built once per verified snapshot view (public-snapshots.ts: loaded, checked against its digest and
// signature, LRU-cached); a view reloaded — and so re-verified — gets its result set rebuilt.
const cache = new WeakMap<SnapshotView, ResultSet>();

async function fromSnapshot(db: Db, campaignId: string, ref: SnapshotRef): Promise<ResultSet> {
  const view = await snapshotView(db, {
    snapshotId: ref.id,
    campaignId,
    digest: ref.digest,
    signature: ref.signature,
    keyId: ref.keyId,
  });
  const hit = cache.get(view);
  if (hit) return hit;
  const p = view.payload;
  const cls = classificationOf(p.campaign.kind);
  const groups = view.groups.map(({ group: g, units }) =>
    publishedGroup(
      { id: g.id, name: g.name, frameworkId: g.frameworkId, definition: g.framework },
      units,
      p.rules,
      cls,
    ),
  );
  const set: ResultSet = {
    campaignId,
    source: 'snapshot',
    provisional: false,
    snapshot: { id: ref.id, version: ref.version, publishedAt: p.publishedAt },
    rules: p.rules,
    classification: cls,
    groups,
  };
  cache.set(view, set);
  return set;
}

export const PUBLISHED = ['published', 'archived'];
/** Statuses whose final scores exist (live results during and after appraisal). */
export const APPRAISED = ['under_appraisal', 'approved', ...PUBLISHED];

/** The campaign's results: its latest snapshot once published, live (provisional) during appraisal; null before. */
export async function loadResultSet(db: Db, campaign: DashboardCampaign): Promise<ResultSet | null> {
  if (PUBLISHED.includes(campaign.status)) {
    const ref = (await latestSnapshots(db, [campaign.id])).get(campaign.id);
    if (ref) return fromSnapshot(db, campaign.id, ref);
  }
  if (!APPRAISED.includes(campaign.status)) return null;
  const live = await computeCampaignResults(db, campaign);
  const cls = live.classification;
  await addProgressComparison(db, { campaignId: campaign.id, groups: live.groups });
  const groups = live.groups.map((g) =>
    liveGroup(
      { id: g.group.id, name: g.group.name, frameworkId: g.group.frameworkId, definition: g.def.definition },
      g.units,
      campaign.rules,
      cls,
    ),
  );
  return {
    campaignId: campaign.id,
    source: 'live',
    provisional: true,
    snapshot: null,
    rules: campaign.rules,
    classification: cls,
    groups,
  };
}

/**
 * Published result sets of several campaigns (comparisons, overviews), skipping those without a snapshot
 * and those whose snapshot fails verification (logged and audited by snapshot-integrity.ts).
 */
export async function loadPublishedSets(
  db: Db,
  campaigns: readonly DashboardCampaign[],
): Promise<Map<string, ResultSet>> {
  const refs = await latestSnapshots(
    db,
    campaigns.map((c) => c.id),
  );
  const out = new Map<string, ResultSet>();
  for (const c of campaigns) {
    const ref = refs.get(c.id);
    if (!ref) continue;
    try {
      out.set(c.id, await fromSnapshot(db, c.id, ref));
    } catch (err) {
      if (!(err instanceof OperationError && err.code === 'PUBLICATION_UNVERIFIED')) throw err;
    }
  }
  return out;
}

export function findEntry(set: ResultSet, unitId: string): { group: GroupResults; entry: UnitEntry } | null {
  for (const group of set.groups) {
    const entry = group.byUnit.get(unitId);
    if (entry) return { group, entry };
  }
  return null;
}
