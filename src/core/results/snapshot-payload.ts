// The signed snapshot is the read model of published results: what publish-campaign.ts stored and
// signed is what the portal, the dashboards and the official exports show — they read these stored
// values and never re-run the engine over a snapshot. This file is the payload's format: its zod
// schema (checked when a verified payload is read), its format number and the one pure function that
// upgrades an older format to the current one without recomputing anything (a figure the older format
// did not store stays absent). Objects are loose: a field added later is kept, not stripped, since the
// signature covers the whole document.
import { z } from 'zod';
import type { CampaignRules } from '../campaign/types.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import type { IndicatorSummary } from './arithmetic.ts';
import type { ProgressComparison } from './progress-report.ts';

/**
 * 1: results without `format`, `status` and (before a date) `mainIndicators`, `daysLate`, `complete`.
 * 2: `format: 2`; every result carries `status` and `mainIndicators`.
 */
export const SNAPSHOT_FORMAT = 2;

const bandRef = z.looseObject({ code: z.string(), label: z.string() });
const num = z.number();

export const mainIndicatorRowSchema = z.looseObject({
  code: z.string(),
  title: z.string(),
  self: num,
  final: num,
  max: num,
  applicableMax: num,
  percent: num.nullable(),
});

export const itemRowSchema = z.looseObject({
  code: z.string(),
  self: num.nullable(),
  final: num.nullable(),
  notApplicable: z.boolean(),
  replacementCode: z.string().nullable(),
});

const status = z.enum([
  'rankable',
  'forced_lowest_band',
  'not_rankable',
  'progress_report',
]) satisfies z.ZodType<PublishedStatus>;

export const resultRowSchema = z.looseObject({
  unit: z.looseObject({ id: z.string(), code: z.string(), name: z.string() }),
  group: z.looseObject({ id: z.string(), name: z.string() }),
  submitted: z.boolean(),
  timing: z.string(),
  daysLate: num.nullable().optional(),
  status: status.optional(),
  selfTotal: num,
  finalTotal: num,
  penaltyPoints: num,
  finalAfterPenalty: num,
  maxPoints: num,
  applicableMax: num,
  percent: num.nullable(),
  band: bandRef.nullable(),
  bandByScore: bandRef.nullable(),
  rank: num.nullable(),
  rankable: z.boolean(),
  lowestBandReason: z.string().nullable(),
  notApplicableCodes: z.array(z.string()).optional(),
  unappraisedCodes: z.array(z.string()).optional(),
  complete: z.boolean().optional(),
  mainIndicators: z.array(mainIndicatorRowSchema).optional(),
  progress: z
    .looseObject({
      completion: z.looseObject({ complete: num, applicable: num, percent: num.nullable() }),
      selfPercent: num.nullable(),
    })
    .optional(),
  items: z.array(itemRowSchema),
});

export const payloadGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  appraiser: z.string().optional(),
  frameworkId: z.string(),
  frameworkCode: z.string(),
  frameworkVersion: num,
  framework: z.custom<FrameworkDefinition>(
    (v) => typeof v === 'object' && v !== null && Array.isArray((v as { nodes?: unknown }).nodes),
  ),
  reportingPeriod: z.looseObject({ from: z.string(), to: z.string() }).optional(),
  notApplicable: z.array(
    z.looseObject({ code: z.string(), reason: z.string(), replacementCode: z.string().nullable() }),
  ),
  // null in a progress round: it is never classified (src/core/campaign/ranking-applies.ts).
  distribution: z
    .looseObject({
      bands: z.array(z.looseObject({ code: z.string(), label: z.string(), count: num })),
      notRankable: num,
      total: num,
    })
    .nullable(),
});

export const snapshotPayloadSchema = z.looseObject({
  format: z.number().int().positive().optional(),
  campaign: z.looseObject({
    id: z.string(),
    name: z.string(),
    year: num,
    kind: z.string(),
    owner: z.looseObject({ id: z.string(), code: z.string(), name: z.string() }),
  }),
  rules: z.custom<CampaignRules>(
    (v) => typeof v === 'object' && v !== null && Array.isArray((v as { bands?: unknown }).bands),
  ),
  groups: z.array(payloadGroupSchema),
  results: z.array(resultRowSchema),
  approvals: z.array(
    z.looseObject({
      groupId: z.string(),
      authorityUnitId: z.string(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      signer: z.string().nullable(),
      /** Since the competent-authority rule (issue 13 §2); absent in earlier payloads. */
      signerPosition: z.string().nullable().optional(),
      authorityName: z.string().optional(),
      approvedAt: z.string(),
    }),
  ),
  /** Parts whose authority has not yet published them (000 Điều 9.4); absent in earlier payloads. */
  pendingParts: z
    .array(z.looseObject({ groupId: z.string(), authority: z.looseObject({ id: z.string(), name: z.string() }) }))
    .optional(),
  /** Who acted in an authority's place, and why (issue 13 §2); absent in earlier payloads. */
  delegations: z
    .array(
      z.looseObject({
        groupId: z.string(),
        from: z.looseObject({ id: z.string(), name: z.string() }),
        to: z.looseObject({ id: z.string(), name: z.string() }),
        powers: z.array(z.string()),
        reason: z.string(),
        documentRef: z.string().nullable(),
        recordedAt: z.string(),
        revokedAt: z.string().nullable(),
      }),
    )
    .optional(),
  publishedAt: z.string(),
  version: num,
  reason: z.string().nullable(),
});

/** A main indicator's figures in a stored row: the shape the engine's summaries have (arithmetic.ts). */
export type MainIndicatorRow = IndicatorSummary;

export interface PublishedItemRow {
  code: string;
  self: number | null;
  final: number | null;
  notApplicable: boolean;
  replacementCode: string | null;
}

type BandRef = { code: string; label: string };
/** progress_report: a row of a progress round — neither ranked nor classified (000 Điều 7.2). */
export type PublishedStatus = 'rankable' | 'forced_lowest_band' | 'not_rankable' | 'progress_report';

/** What a progress round reports for a unit instead of a rank and a band (progress-report.ts). */
export interface ProgressFigures {
  completion: { complete: number; applicable: number; percent: number | null };
  /** Reported (self-assessed) points over the applicable max, for display. */
  selfPercent: number | null;
  /** The same unit in the previous round and in the annual campaign (progress-comparison.ts). */
  previous?: ProgressComparison['previous'];
  annual?: ProgressComparison['annual'];
}

/** One unit's published result (as computeCampaignResults stored it), any format. */
export interface StoredResultRow {
  unit: { id: string; code: string; name: string };
  group: { id: string; name: string };
  submitted: boolean;
  timing: string;
  /** Days late; absent in snapshots published before it was kept. */
  daysLate?: number | null;
  status?: PublishedStatus;
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
  notApplicableCodes?: string[];
  unappraisedCodes?: string[];
  complete?: boolean;
  mainIndicators?: MainIndicatorRow[];
  /** Progress rounds only. */
  progress?: ProgressFigures;
  items: PublishedItemRow[];
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
  /** null for a progress round: no band distribution. */
  distribution: { bands: { code: string; label: string; count: number }[]; notRankable: number; total: number } | null;
}

interface PayloadBase {
  campaign: { id: string; name: string; year: number; kind: string; owner: { id: string; code: string; name: string } };
  rules: CampaignRules;
  groups: PayloadGroup[];
  approvals: {
    groupId: string;
    authorityUnitId: string;
    decisionNumber: string;
    decisionDate: string;
    signer: string | null;
    /** Since the competent-authority rule (issue 13 §2); absent in earlier payloads. */
    signerPosition?: string | null | undefined;
    authorityName?: string | undefined;
    approvedAt: string;
  }[];
  /** Parts not yet published by their authority (000 Điều 9.4); absent in earlier payloads (all published). */
  pendingParts?: { groupId: string; authority: { id: string; name: string } }[] | undefined;
  /** Who acted in an authority's place, and why (issue 13 §2); absent in earlier payloads. */
  delegations?: PublishedDelegation[] | undefined;
  publishedAt: string;
  version: number;
  reason: string | null;
}

export interface PublishedDelegation {
  groupId: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  powers: string[];
  reason: string;
  documentRef: string | null;
  recordedAt: string;
  revokedAt: string | null;
}

/** A payload as stored, any format. */
export interface StoredSnapshotPayload extends PayloadBase {
  format?: number;
  results: StoredResultRow[];
}

/** A result row of the current format: status and main indicators always present. */
export type ResultRow = StoredResultRow & { status: PublishedStatus; mainIndicators: MainIndicatorRow[] };

/** A payload of the current format. */
export interface SnapshotPayload extends PayloadBase {
  format: typeof SNAPSHOT_FORMAT;
  results: ResultRow[];
}

/**
 * The status a format-1 row implies from its stored fields: forced to the lowest band when a reason is
 * stored, classified when it has a band, not rankable otherwise (refused, or no applicable max).
 */
function storedStatus(row: StoredResultRow): ResultRow['status'] {
  if (row.lowestBandReason !== null) return 'forced_lowest_band';
  return row.band ? 'rankable' : 'not_rankable';
}

/**
 * Any stored format → the current one, by reading what is stored: nothing is recomputed. A format-1
 * row without main indicators keeps none (the pages show the totals, band and rank it was published
 * with, and no per-indicator figures).
 */
export function upgradeSnapshotPayload(stored: StoredSnapshotPayload): SnapshotPayload {
  if (
    stored.format === SNAPSHOT_FORMAT &&
    stored.results.every((r) => r.status !== undefined && r.mainIndicators !== undefined)
  )
    return stored as SnapshotPayload;
  return {
    ...stored,
    format: SNAPSHOT_FORMAT,
    results: stored.results.map((r) => ({
      ...r,
      status: r.status ?? storedStatus(r),
      mainIndicators: r.mainIndicators ?? [],
    })),
  };
}

/** A verified payload (jsonb value or text) as the current format; throws when it is not a snapshot payload. */
export function readSnapshotPayload(raw: unknown): SnapshotPayload {
  return upgradeSnapshotPayload(
    snapshotPayloadSchema.parse(typeof raw === 'string' ? JSON.parse(raw) : raw) as StoredSnapshotPayload,
  );
}
