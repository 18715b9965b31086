// The shapes the results documents are written from: a published snapshot's view (or the live
// results of a campaign not yet published) seen through only the fields each document prints.
// Structural, so the server's SnapshotView fits without the exchange layer importing the server.
import type { ResultScale } from '../../core/results/scale.ts';
import type { ProgressFigures } from '../../core/results/snapshot-payload.ts';

export interface ExportItem {
  code: string;
  self: number | null;
  final: number | null;
  notApplicable: boolean;
  replacementCode: string | null;
}

export interface ExportUnitRow {
  unit: { id: string; code: string; name: string };
  selfTotal: number;
  finalTotal: number;
  penaltyPoints: number;
  finalAfterPenalty: number;
  applicableMax: number;
  percent: number | null;
  band: { code: string; label: string } | null;
  rank: number | null;
  timing: string;
  daysLate?: number | null;
  submitted: boolean;
  lowestBandReason: string | null;
  items: readonly ExportItem[];
  /** Totals per main indicator (depth-1 node), when known. */
  mainIndicators?: readonly { code: string; self: number; final: number }[];
  /** A progress round's completion and comparisons (progress-table.ts). */
  progress?: ProgressFigures;
}

export interface ExportNode {
  code: string;
  title: string;
  maxPoints: number;
  children?: readonly ExportNode[];
}

export interface ExportGroup {
  group: { id: string; name: string };
  units: readonly ExportUnitRow[];
  /** Every node of the group's index set by code. */
  nodes: ReadonlyMap<string, ExportNode>;
}

/** A group's derived ranking of today's units (issue 15 §2; app/publication/derived-ranking.ts), printed beside the original. */
export interface ExportDerivedGroup {
  group: { id: string; name: string };
  asOf: string;
  methodLabel: string;
  rows: readonly {
    unit: { code: string; name: string };
    rank: number | null;
    sharedBy: number;
    percent: number | null;
    band: { label: string } | null;
    predecessors: readonly {
      unit: { id: string; name: string };
      percent: number | null;
      source: string;
      via: string | null;
    }[];
  }[];
  lineage: readonly { effectiveDate: string; legalBasis: string | null; legalBasisDate: string | null }[];
}

export interface ExportCampaign {
  /** Derived rankings of the groups whose units changed since (published campaigns only). */
  derived?: readonly ExportDerivedGroup[];
  name: string;
  /** annual | progress: a progress round is printed as a progress report (core/campaign/ranking-applies.ts). */
  kind: string;
  year: number;
  ownerName: string;
  /** How the campaign shows its results (core/results/scale.ts); absent → points with the percent. */
  resultScale?: ResultScale;
  groups: readonly ExportGroup[];
}

/** "—" for a missing figure; Vietnamese decimal comma, up to 2 decimals, for printed documents. */
export function viNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return (Math.round(v * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

export const bandLabel = (r: Pick<ExportUnitRow, 'band'>) => r.band?.label ?? 'Không xếp loại';

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetNameFor(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Nhóm';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++)
    candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Lets the event loop breathe between batches of rows of a long document. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
