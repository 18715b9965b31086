// The internal dashboards' answers (GET /dashboards/overview, /dashboards/district/{id}, /dashboards/unit/{id}).
// The handlers' return types are these inferred types (a drift fails typecheck); they are not registered as
// response schemas, since a zod response schema would strip and re-check a large reply on every request.
// The web app imports the types (`import type`).
import { z } from 'zod';
import { unitRefSchema } from './common.ts';
import { comparabilityParamsSchema, comparabilitySchema, notComparableReasonSchema } from './comparability.ts';
import { progressFiguresSchema, resultTotals } from './result-figures.ts';

const groupRef = z.object({ id: z.string(), name: z.string() });
export const dashboardBandRef = z.object({ code: z.string(), label: z.string(), minPercent: z.number() });
const resultStatus = z.enum(['rankable', 'forced_lowest_band', 'not_rankable']);
const notComparableReason = notComparableReasonSchema;

export const dashboardCampaignRef = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  kind: z.string(),
  status: z.string(),
});

const progressCounts = z.object({
  total: z.number(),
  submitted: z.number(),
  late: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
});

export const campaignProgressSchema = z.object({
  campaign: dashboardCampaignRef,
  summary: progressCounts.extend({ overdue: z.number() }),
  groups: z.array(progressCounts.extend({ group: groupRef, deadline: z.string() })),
  districts: z.array(progressCounts.extend({ district: unitRefSchema.nullable() })),
});

const distribution = z.object({
  bands: z.array(z.object({ code: z.string(), label: z.string(), count: z.number() })),
  notRankable: z.number(),
  total: z.number(),
});
const mappingKind = z.enum(['identity', 'confirmed', 'none']);
const mappings = z.array(z.object({ previousGroupId: z.string(), mapping: mappingKind }));
const snapshotRef = z.object({ id: z.string(), version: z.number(), publishedAt: z.string() });

export const yearGroupComparisonSchema = z.object({
  group: groupRef,
  mappings,
  units: z.number(),
  comparableUnits: z.number(),
  averageDelta: z.number().nullable(),
  /** Why the other units are not compared (src/core/results/comparability.ts), with how many each. */
  notComparable: z.array(
    z.object({ reason: notComparableReason, params: comparabilityParamsSchema.optional(), units: z.number() }),
  ),
  improved: z.number(),
  declined: z.number(),
  unchanged: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      comparable: z.boolean(),
      comparableUnits: z.number(),
      averageDelta: z.number().nullable(),
      notComparableReasons: z.array(notComparableReason),
    }),
  ),
});

export const campaignResultsSummarySchema = z.object({
  campaign: dashboardCampaignRef,
  snapshot: snapshotRef.nullable(),
  distribution: z.array(distribution.extend({ group: groupRef })),
  mainIndicatorAverages: z.array(
    z.object({
      group: groupRef,
      indicators: z.array(z.object({ code: z.string(), title: z.string(), averagePercent: z.number().nullable() })),
    }),
  ),
  lastYear: z.object({ campaign: dashboardCampaignRef, groups: z.array(yearGroupComparisonSchema) }).nullable(),
});

export const overviewSchema = z.object({
  progress: z.array(campaignProgressSchema),
  results: z.array(campaignResultsSummarySchema),
});

/** Why a dashboard has no results yet; the staff app words each (message: the Vietnamese for other clients). */
export const RESULTS_UNAVAILABLE_REASONS = ['not_appraised', 'not_published'] as const;
const unavailable = z.object({ reason: z.enum(RESULTS_UNAVAILABLE_REASONS), message: z.string() }).nullable();
const source = z.enum(['snapshot', 'live']).nullable();

const dashboardProgress = progressFiguresSchema;

export const districtCommuneSchema = z.object({
  unit: unitRefSchema,
  group: groupRef,
  status: resultStatus,
  percent: z.number().nullable(),
  band: dashboardBandRef.nullable(),
  finalAfterPenalty: z.number(),
  rank: z.number().nullable(),
  groupSize: z.number(),
  districtRank: z.number().nullable(),
  complete: z.boolean(),
  /** A progress round only (see the unit page's `progress`). */
  progress: dashboardProgress.optional(),
});

export const districtPageSchema = z.object({
  district: unitRefSchema,
  campaign: dashboardCampaignRef,
  source,
  provisional: z.boolean(),
  unavailable,
  summary: z
    .object({
      averagePercent: z.number().nullable(),
      minPercent: z.number().nullable(),
      maxPercent: z.number().nullable(),
      counted: z.number(),
      total: z.number(),
      forcedLowestBand: z.number(),
      /** null for a progress round: never classified (core/campaign/ranking-applies.ts). */
      distribution: distribution.nullable(),
    })
    .nullable(),
  communes: z.array(districtCommuneSchema),
});

const gapTarget = z.object({
  band: dashboardBandRef,
  targetAfterPenalty: z.number(),
  pointsNeeded: z.number(),
  reachable: z.boolean(),
});

export const unitDashboardSchema = z.object({
  unit: unitRefSchema,
  campaign: dashboardCampaignRef,
  history: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      year: z.number(),
      kind: z.string(),
      percent: z.number().nullable(),
      band: z.object({ code: z.string(), label: z.string() }).nullable(),
      rank: z.number().nullable(),
      groupSize: z.number(),
    }),
  ),
  source,
  provisional: z.boolean(),
  /** Present when there is a result: the snapshot it was read from (null while live). */
  snapshot: snapshotRef.nullable().optional(),
  unavailable,
  result: z
    .object({
      unit: unitRefSchema,
      group: groupRef,
      status: resultStatus,
      ...resultTotals,
      finalAfterPenalty: z.number(),
      maxPoints: z.number(),
      band: dashboardBandRef.nullable(),
      bandByScore: dashboardBandRef.nullable(),
      rank: z.number().nullable(),
      groupSize: z.number(),
      complete: z.boolean(),
      unappraisedCodes: z.array(z.string()),
      /** A progress round only: completion, the previous round and the annual result (no band, no rank). */
      progress: dashboardProgress.optional(),
    })
    .nullable(),
  mainIndicators: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      self: z.number(),
      final: z.number(),
      max: z.number(),
      applicableMax: z.number(),
      notApplicable: z.boolean(),
      percent: z.number().nullable(),
      groupAveragePercent: z.number().nullable(),
    }),
  ),
  gap: z
    .object({
      blockedBy: z.enum(['top_band', 'forced_lowest_band', 'not_rankable']).nullable(),
      nextBand: gapTarget.nullable(),
      targets: z.array(gapTarget),
      headroom: z.number(),
      items: z.array(z.object({ code: z.string(), title: z.string(), available: z.number(), effective: z.number() })),
    })
    .nullable(),
  /** The unit against the same owner's previous published annual campaign (core/results/compare-years.ts). */
  lastYear: z
    .object({
      campaign: dashboardCampaignRef,
      mappings,
      unitId: z.string(),
      source: z.enum(['own', 'predecessors', 'none']),
      comparable: z.boolean(),
      reason: notComparableReason.optional(),
      params: comparabilityParamsSchema.optional(),
      currentPercent: z.number().nullable(),
      previousPercent: z.number().nullable(),
      deltaPercent: z.number().nullable(),
      currentRank: z.number().nullable(),
      previousRank: z.number().nullable(),
      deltaRank: z.number().nullable(),
      rank: comparabilitySchema,
      currentBand: z.string().nullable(),
      previousBand: z.string().nullable(),
      indicators: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          previousCode: z.string().nullable(),
          comparable: z.boolean(),
          reason: notComparableReason.optional(),
          params: comparabilityParamsSchema.optional(),
          currentPercent: z.number().nullable(),
          previousPercent: z.number().nullable(),
          deltaPercent: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});

export type DashboardBandRef = z.infer<typeof dashboardBandRef>;
export type DashboardCampaignRef = z.infer<typeof dashboardCampaignRef>;
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;
export type ProgressCounts = z.infer<typeof progressCounts>;
export type YearGroupComparison = z.infer<typeof yearGroupComparisonSchema>;
export type CampaignResultsSummary = z.infer<typeof campaignResultsSummarySchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type DistrictCommune = z.infer<typeof districtCommuneSchema>;
export type DistrictPage = z.infer<typeof districtPageSchema>;
export type UnitDashboard = z.infer<typeof unitDashboardSchema>;
export type GapTarget = z.infer<typeof gapTarget>;
