// A parsed, indexed view of one published snapshot payload (publish-campaign.ts), built once per digest
// and shared by every public route and official output: groups in publication order, each group's
// units in ranking order, per-main-indicator figures and group averages — all read from the stored
// values of the payload (its format: core/results/snapshot-payload.ts; an older format is upgraded
// there by reading, never by re-running the engine).
import type { FrameworkNode } from '../../core/framework/types.ts';
import type { MainIndicatorRow, PayloadGroup, ResultRow, SnapshotPayload } from '../../core/results/index.ts';

export type { MainIndicatorRow, PayloadGroup, ResultRow, SnapshotPayload };
export type { PublishedItemRow as ItemRow } from '../../core/results/index.ts';

export interface BandRef {
  code: string;
  label: string;
}

export interface GroupView {
  group: PayloadGroup;
  /** Units in ranking order, each with its main indicators. */
  units: ResultRow[];
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
  /** Compressed copies of `bytes` by `<variant>|<encoding>` (server/routes/public/encoded-bytes.ts). */
  encoded: Map<string, Promise<Buffer>>;
}

function indexNodes(nodes: readonly FrameworkNode[], into: Map<string, FrameworkNode>): Map<string, FrameworkNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    if (n.children) indexNodes(n.children, into);
  }
  return into;
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
    const units = byGroup.get(g.id) ?? [];
    const indicators = g.framework.nodes.map((n) => ({ code: n.code, title: n.title, max: n.maxPoints }));
    const averages = indicators.map((ind, k) => {
      let sum = 0;
      let n = 0;
      for (const u of units) {
        const p =
          u.mainIndicators[k]?.code === ind.code
            ? u.mainIndicators[k]!.percent
            : (u.mainIndicators.find((m) => m.code === ind.code)?.percent ?? null);
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
  return {
    digest,
    payload,
    groups,
    unitIndex,
    bytes: new Map(),
    encoded: new Map(),
  };
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
  return {
    name: c.name,
    year: c.year,
    kind: c.kind,
    ownerName: c.owner.name,
    ...(view.payload.rules.resultScale ? { resultScale: view.payload.rules.resultScale } : {}),
    groups: view.groups,
  };
}
