// A campaign's results as the dashboards use them: every unit's engine result (UnitResult, so gap
// analysis, what-if and year-over-year run on the engine's own output) and its group ranking. Published
// campaigns are read from their latest signed snapshot — the units' item scores, timing and the
// campaign rules it recorded, recomputed by the same engine (so the figures are the published ones) —
// from the verified snapshot view only: a snapshot failing verification answers PUBLICATION_UNVERIFIED. Before publication the results are live from
// the appraisal (final scores so far) and marked provisional.
import { type CampaignRules, rankingOptions } from '../../../core/campaign/index.ts';
import type { FrameworkDefinition } from '../../../core/framework/index.ts';
import { type ItemScoreInput, type RankedGroup, type UnitResult, type UnitResultInput, computeUnitResult, rankGroup } from '../../../core/results/index.ts';
import type { Db } from '../../../db/client.ts';
import { type DashboardCampaign, type SnapshotRef, latestSnapshots } from '../../../db/queries/dashboards.ts';
import { OperationError } from '../../../app/errors.ts';
import { computeCampaignResults } from '../../../app/publication/campaign-results.ts';
import { snapshotView } from '../../../app/publication/public-snapshots.ts';
import type { SnapshotView } from '../../../app/publication/snapshot-view.ts';

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
  items: { code: string; self: number | null; final: number | null; notApplicable: boolean; replacementCode: string | null }[];
}

export interface UnitEntry {
  unitId: string;
  unit: { id: string; code: string; name: string };
  rank: number | null;
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
  groups: GroupResults[];
}

/** The engine input of a unit row: as itemScoresOf built it (a replacement scores under its own code). */
export function inputOf(row: PublishedUnitRow, definition: FrameworkDefinition, rules: CampaignRules): UnitResultInput {
  const itemScores: Record<string, ItemScoreInput> = {};
  for (const i of row.items) {
    if (i.notApplicable && i.replacementCode) {
      itemScores[i.code] = { final: null, self: i.self, notApplicable: true, replacementCode: i.replacementCode };
      itemScores[i.replacementCode] = { final: i.final, self: null, notApplicable: false };
    } else itemScores[i.code] = { final: i.notApplicable ? null : i.final, self: i.self, notApplicable: i.notApplicable };
  }
  // The row keeps the penalty applied (never more than the total); when the total was wiped out, the
  // campaign's full penalty is what the gap analysis must overcome.
  const kind = row.timing as UnitResultInput['timing']['kind'];
  const penalty = kind === 'late' ? (row.penaltyPoints < row.finalTotal ? row.penaltyPoints : Math.max(row.penaltyPoints, rules.lateSubmission.penaltyPoints)) : 0;
  return { definition, itemScores, timing: { kind, penaltyPoints: penalty, lowestBand: row.lowestBandReason !== null }, rules: { bands: rules.bands, notApplicable: rules.notApplicable } };
}

function groupOf(g: { id: string; name: string; frameworkId: string; definition: FrameworkDefinition }, rows: readonly PublishedUnitRow[], rules: CampaignRules): GroupResults {
  const entries = rows.map((row): UnitEntry => {
    const input = inputOf(row, g.definition, rules);
    return { unitId: row.unit.id, unit: row.unit, rank: row.rank, input, result: computeUnitResult(input) };
  });
  return { ...g, entries, byUnit: new Map(entries.map((e) => [e.unitId, e])), ranked: rankGroup(entries, rankingOptions(rules)) };
}

interface SnapshotPayload {
  rules: CampaignRules;
  publishedAt: string;
  groups: { id: string; name: string; frameworkId: string; framework: FrameworkDefinition }[];
  results: PublishedUnitRow[];
}

// Built once per verified snapshot view (public-snapshots.ts: loaded, checked against its digest and
// signature, LRU-cached); a view reloaded — and so re-verified — gets its result set rebuilt.
const cache = new WeakMap<SnapshotView, ResultSet>();

async function fromSnapshot(db: Db, campaignId: string, ref: SnapshotRef): Promise<ResultSet> {
  const view = await snapshotView(db, { snapshotId: ref.id, campaignId, digest: ref.digest, signature: ref.signature, keyId: ref.keyId });
  const hit = cache.get(view);
  if (hit) return hit;
  const p = view.payload as unknown as SnapshotPayload;
  const groups = p.groups.map((g) => groupOf({ id: g.id, name: g.name, frameworkId: g.frameworkId, definition: g.framework }, p.results.filter((r) => r.group.id === g.id), p.rules));
  const set: ResultSet = { campaignId, source: 'snapshot', provisional: false, snapshot: { id: ref.id, version: ref.version, publishedAt: p.publishedAt }, rules: p.rules, groups };
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
  const live = await computeCampaignResults(db, { id: campaign.id, rules: campaign.rules });
  const groups = live.groups.map((g) => groupOf({ id: g.group.id, name: g.group.name, frameworkId: g.group.frameworkId, definition: g.def.definition }, g.units, campaign.rules));
  return { campaignId: campaign.id, source: 'live', provisional: true, snapshot: null, rules: campaign.rules, groups };
}

/**
 * Published result sets of several campaigns (comparisons, overviews), skipping those without a snapshot
 * and those whose snapshot fails verification (logged and audited by snapshot-integrity.ts).
 */
export async function loadPublishedSets(db: Db, campaigns: readonly DashboardCampaign[]): Promise<Map<string, ResultSet>> {
  const refs = await latestSnapshots(db, campaigns.map((c) => c.id));
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
