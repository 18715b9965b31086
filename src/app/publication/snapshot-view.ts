// A parsed, indexed view of one published snapshot payload (publish-campaign.ts), built once per digest
// and shared by every public route and official output: groups in publication order, each group's
// units in ranking order, per-main-indicator figures and group averages. Snapshots published before
// main indicators were stored (no `mainIndicators` on a result) get them recomputed here from the
// stored item scores and index-set definition by the same results engine — the numbers the engine
// would have stored.
import type { CampaignRules } from '../../core/campaign/types.ts';
import type { FrameworkDefinition, FrameworkNode } from '../../core/framework/types.ts';
import { type ItemScoreInput, computeUnitResult, indicatorSummaries } from '../../core/results/index.ts';

export interface BandRef {
  code: string;
  label: string;
}

export interface MainIndicatorRow {
  code: string;
  title: string;
  self: number;
  final: number;
  max: number;
  applicableMax: number;
  percent: number | null;
}

export interface ItemRow {
  code: string;
  self: number | null;
  final: number | null;
  notApplicable: boolean;
  replacementCode: string | null;
}

/** One unit's published result (as computeCampaignResults stored it). */
export interface ResultRow {
  unit: { id: string; code: string; name: string };
  group: { id: string; name: string };
  submitted: boolean;
  timing: string;
  /** Days late; absent in snapshots published before it was kept. */
  daysLate?: number | null;
  selfTotal: number;
  finalTotal: number;
  penaltyPoints: number;
  finalAfterPenalty: number;
  maxPoints: number;
  applicableMax: number;
  percent: number | null;
  band: BandRef | null;
  bandByScore: BandRef | null;
  rank: number | null;
  rankable: boolean;
  lowestBandReason: string | null;
  mainIndicators?: MainIndicatorRow[];
  items: ItemRow[];
}

export interface PayloadGroup {
  id: string;
  name: string;
  appraiser?: string;
  frameworkId: string;
  frameworkCode: string;
  frameworkVersion: number;
  framework: FrameworkDefinition;
  reportingPeriod?: { from: string; to: string };
  notApplicable: { code: string; reason: string; replacementCode: string | null }[];
  distribution: { bands: { code: string; label: string; count: number }[]; notRankable: number; total: number };
}

export interface SnapshotPayload {
  campaign: { id: string; name: string; year: number; kind: string; owner: { id: string; code: string; name: string } };
  rules: CampaignRules;
  groups: PayloadGroup[];
  results: ResultRow[];
  approvals: { groupId: string; authorityUnitId: string; decisionNumber: string; decisionDate: string; signer: string | null; approvedAt: string }[];
  publishedAt: string;
  version: number;
  reason: string | null;
}

export interface GroupView {
  group: PayloadGroup;
  /** Units in ranking order, each with its main indicators. */
  units: (ResultRow & { mainIndicators: MainIndicatorRow[] })[];
  /** Main indicators (depth-1 nodes) in the definition's order. */
  indicators: { code: string; title: string; max: number }[];
  /** Mean of the units' indicator percents (units without one left out), 2 decimals; null when none. */
  averages: { code: string; title: string; averagePercent: number | null }[];
  /** Every node of the set by code (titles and max for items). */
  nodes: Map<string, FrameworkNode>;
}

export interface SnapshotView {
  digest: string;
  payload: SnapshotPayload;
  groups: GroupView[];
  unitIndex: Map<string, { group: GroupView; row: GroupView['units'][number] }>;
  /** Serialised responses by route variant, filled lazily (the view is immutable, so are they). */
  bytes: Map<string, Buffer>;
  /** Generated open-data files of moderate size, shared by concurrent and later requests (single flight). */
  files: Map<string, Promise<Buffer>>;
  /** Units × items: how big the open-data files are. */
  itemRows: number;
}

function indexNodes(nodes: readonly FrameworkNode[], into: Map<string, FrameworkNode>): Map<string, FrameworkNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    if (n.children) indexNodes(n.children, into);
  }
  return into;
}

function recomputeIndicators(row: ResultRow, group: PayloadGroup, rules: CampaignRules): MainIndicatorRow[] {
  const scores: Record<string, ItemScoreInput> = {};
  for (const i of row.items) {
    scores[i.code] = { final: i.notApplicable ? null : i.final, self: i.self, notApplicable: i.notApplicable, ...(i.replacementCode ? { replacementCode: i.replacementCode } : {}) };
    if (i.notApplicable && i.replacementCode) scores[i.replacementCode] = { final: i.final, self: null, notApplicable: false };
  }
  const r = computeUnitResult({ definition: group.framework, itemScores: scores, timing: { kind: 'on_time', penaltyPoints: 0, lowestBand: false }, rules });
  return indicatorSummaries(r);
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function buildSnapshotView(digest: string, payload: SnapshotPayload): SnapshotView {
  const unitIndex: SnapshotView['unitIndex'] = new Map();
  const byGroup = new Map<string, ResultRow[]>();
  for (const r of payload.results) {
    const list = byGroup.get(r.group.id) ?? [];
    list.push(r);
    byGroup.set(r.group.id, list);
  }
  const groups = payload.groups.map((g): GroupView => {
    const units = (byGroup.get(g.id) ?? []).map((r) => ({ ...r, mainIndicators: r.mainIndicators ?? recomputeIndicators(r, g, payload.rules) }));
    const indicators = g.framework.nodes.map((n) => ({ code: n.code, title: n.title, max: n.maxPoints }));
    const averages = indicators.map((ind, k) => {
      let sum = 0;
      let n = 0;
      for (const u of units) {
        const p = u.mainIndicators[k]?.code === ind.code ? u.mainIndicators[k]!.percent : (u.mainIndicators.find((m) => m.code === ind.code)?.percent ?? null);
        if (p !== null) {
          sum += p;
          n++;
        }
      }
      return { code: ind.code, title: ind.title, averagePercent: n > 0 ? round2(sum / n) : null };
    });
    const view: GroupView = { group: g, units, indicators, averages, nodes: indexNodes(g.framework.nodes, new Map()) };
    for (const row of units) unitIndex.set(row.unit.id, { group: view, row });
    return view;
  });
  return { digest, payload, groups, unitIndex, bytes: new Map(), files: new Map(), itemRows: payload.results.reduce((n, r) => n + r.items.length, 0) };
}

/** Vietnamese label of how a unit's timing shaped its result (open data, scorecards). */
export function timingLabel(row: Pick<ResultRow, 'timing' | 'submitted'>): string {
  switch (row.timing) {
    case 'on_time':
      return 'Đúng hạn';
    case 'late':
      return 'Nộp muộn (trừ điểm)';
    case 'late_beyond_tolerance':
      return 'Nộp muộn quá hạn cho phép';
    case 'not_submitted':
      return 'Không nộp';
    default:
      return row.timing;
  }
}

/** The view as the results documents read it (src/exchange/results). */
export function exportCampaignOf(view: SnapshotView) {
  const c = view.payload.campaign;
  return { name: c.name, year: c.year, ownerName: c.owner.name, groups: view.groups };
}
