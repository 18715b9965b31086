// The public portal's answers (/api/public/v1). The routes send pre-serialised, ETag-cached JSON, so these
// schemas are not registered as response schemas (that would re-serialise the hot ranking bytes); instead
// the presenters (app/publication/public-present.ts, public-unit-page.ts) and the route bodies are typed
// with the inferred types, so a drift fails typecheck. The portal imports the types (`import type`).
import { z } from 'zod';
import { RESULT_SCALES } from '../core/results/scale.ts';
import type { DecisionRef, ScoringMethod } from '../core/framework/types.ts';
import { opaque, unitRefSchema } from './common.ts';
import { comparabilityParamsSchema, comparabilitySchema, notComparableReasonSchema } from './comparability.ts';
import { progressFiguresSchema, resultTotals } from './result-figures.ts';

export const publicBandRef = z.object({ code: z.string(), label: z.string() });
const groupRef = z.object({ id: z.string(), name: z.string() });
const campaignHeading = z.object({ id: z.string(), name: z.string(), year: z.number() });

export const publicCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  kind: z.string(),
  /** ranking, or progress_report for a progress round: never ranked (core/campaign/ranking-applies.ts). */
  publishedAs: z.enum(['ranking', 'progress_report']),
  owner: z.object({ code: z.string(), name: z.string() }),
  publishedAt: z.string(),
  snapshotVersion: z.number(),
  digest: z.string(),
  groups: z.array(groupRef.extend({ unitCount: z.number() })),
});
/** The list marks each publication: false when it fails verification (digest or signature), listed with no figures. */
export const publicCampaignListSchema = z.object({
  items: z.array(publicCampaignSchema.extend({ verified: z.boolean() })),
});

export const publicRulesSchema = z.object({
  /** progress_report: the bands and the late-submission rule do not apply (core/campaign/ranking-applies.ts). */
  publishedAs: z.enum(['ranking', 'progress_report']).optional(),
  bands: z.array(publicBandRef.extend({ minPercent: z.number() })),
  lateSubmission: z.object({
    toleranceDays: z.number(),
    penaltyPoints: z.number(),
    beyondTolerance: z.enum(['lowest_band', 'refuse']),
  }),
  nonSubmission: z.enum(['lowest_band', 'zero']),
  notApplicable: z.enum(['reduce_max', 'replacement']),
  rankBy: z.enum(['points', 'percent']),
  tieBreak: z.array(z.string()),
  /** How the results are shown (core/results/scale.ts); bands and ranks do not depend on it. */
  resultScale: z.enum(RESULT_SCALES),
  /** The ranking rule in one Vietnamese sentence (server-written). */
  ranking: z.string(),
  citations: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

export const publicCampaignDetailSchema = publicCampaignSchema.extend({
  rules: publicRulesSchema,
  approvals: z.array(
    z.object({
      groupId: z.string(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      signer: z.string().nullable(),
      /** The approving authority's name (000 Điều 9.3–9.4: the province, or a district for its communes). */
      authorityName: z.string().nullable(),
    }),
  ),
  /** Parts not yet published by their authority: the publication so far is partial. */
  pendingParts: z.array(z.object({ groupId: z.string(), authorityName: z.string() })),
  /** Recorded delegations of an authority's powers (issue 13 §2), as signed in the publication. */
  delegations: z.array(
    z.object({
      groupId: z.string(),
      from: z.string(),
      to: z.string(),
      powers: z.array(z.enum(['appraise', 'approve', 'publish'])),
      reason: z.string(),
      documentRef: z.string().nullable(),
      revoked: z.boolean(),
    }),
  ),
  snapshot: z.object({
    version: z.number(),
    digest: z.string(),
    signature: z.string(),
    keyId: z.string(),
    publishedAt: z.string(),
    corrections: z.array(z.object({ version: z.number(), reason: z.string().nullable(), publishedAt: z.string() })),
  }),
});

const progressFigures = progressFiguresSchema;
export type PublicProgressFigures = z.infer<typeof progressFigures>;

const indicatorFigure = z.object({
  code: z.string(),
  title: z.string(),
  final: z.number(),
  max: z.number(),
  applicableMax: z.number(),
  percent: z.number().nullable(),
});

export const rankingRowSchema = z.object({
  rank: z.number().nullable(),
  unit: unitRefSchema,
  ...resultTotals,
  /** on_time | late | late_beyond_tolerance | not_submitted; shown in words (core/campaign/submission-status.ts). */
  timing: z.string(),
  daysLate: z.number().nullable(),
  band: publicBandRef.nullable(),
  rankable: z.boolean(),
  lowestBandReason: z.string().nullable(),
  mainIndicators: z.array(indicatorFigure),
  /** Progress report only: completion and the comparison with the previous round and the annual result. */
  progress: progressFigures.optional(),
});

export const groupResultsSchema = z.object({
  /** progress_report: no rank, band or distribution (every rank and band null, the distribution empty). */
  publishedAs: z.enum(['ranking', 'progress_report']),
  group: groupRef.extend({ frameworkCode: z.string(), frameworkVersion: z.number() }),
  resultScale: z.enum(RESULT_SCALES),
  items: z.array(rankingRowSchema),
  distribution: z.array(z.object({ band: publicBandRef, count: z.number() })),
  notRankable: z.number(),
  total: z.number(),
  averages: z.array(z.object({ code: z.string(), title: z.string(), averagePercent: z.number().nullable() })),
});

const radarPoint = z.object({
  code: z.string(),
  title: z.string(),
  percent: z.number().nullable(),
  groupAverage: z.number().nullable(),
});
const gap = z.object({
  code: z.string(),
  title: z.string(),
  percent: z.number(),
  groupAverage: z.number(),
  difference: z.number(),
});

const trendPoint = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number(),
  group: groupRef,
  selected: z.boolean(),
  percent: z.number().nullable(),
  band: publicBandRef.nullable(),
  rank: z.number().nullable(),
  unitsInGroup: z.number(),
  /** This year's overall percent against the selected year's (src/core/results/comparability.ts). */
  comparison: comparabilitySchema,
  /** Against the point before it: the trend line joins the two only when comparable; null for the first. */
  withPrevious: comparabilitySchema.nullable(),
  /** Each main indicator of the selected year against this year, matched only through a confirmed mapping. */
  indicators: z.array(
    z.object({
      code: z.string(),
      previousCode: z.string().nullable(),
      comparable: z.boolean(),
      reason: notComparableReasonSchema.optional(),
      params: comparabilityParamsSchema.optional(),
      percent: z.number().nullable(),
    }),
  ),
});

/** A year before the unit's formation, derived from its predecessors (labelled, method named). */
const derivedTrendPoint = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number(),
  derived: z.literal(true),
  method: z.string(),
  methodLabel: z.string(),
  percent: z.number().nullable(),
  predecessorsCounted: z.number(),
  predecessorsTotal: z.number(),
  /** The derived figure against the unit's first own year (comparability.ts); no delta when not comparable. */
  comparison: comparabilitySchema,
  predecessors: z.array(
    unitRefSchema.extend({
      percent: z.number().nullable(),
      source: z.enum(['result', 'derived', 'missing']),
      via: z.string().nullable(),
    }),
  ),
});

export const unitPublicPageSchema = z.object({
  unit: unitRefSchema,
  campaign: campaignHeading,
  group: groupRef.extend({ unitCount: z.number() }),
  result: z.object({
    publishedAs: z.enum(['ranking', 'progress_report']),
    rank: z.number().nullable(),
    ...resultTotals,
    band: publicBandRef.nullable(),
    rankable: z.boolean(),
    lowestBandReason: z.string().nullable(),
    progress: progressFigures.optional(),
    resultScale: z.enum(RESULT_SCALES),
  }),
  radar: z.array(radarPoint),
  strengths: z.array(gap),
  weaknesses: z.array(gap),
  trend: z.array(trendPoint),
  derivedTrend: z.array(derivedTrendPoint),
  digest: z.string(),
});

export interface MethodNode {
  code: string;
  title: string;
  maxPoints: number;
  method?: ScoringMethod;
  notation?: string;
  guidance?: string;
  requiredDocuments?: string;
  automaticSource?: string;
  children?: MethodNode[];
}
const methodNode: z.ZodType<MethodNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    title: z.string(),
    maxPoints: z.number(),
    method: opaque<ScoringMethod>('Cách tính điểm (core/framework)').optional(),
    notation: z.string().optional(),
    guidance: z.string().optional(),
    requiredDocuments: z.string().optional(),
    /** The system that measured this item automatically (issue 15 §3), as the index set names it. */
    automaticSource: z.string().optional(),
    children: z.array(methodNode).optional(),
  }),
);

export const methodologySchema = z.object({
  campaign: campaignHeading,
  rules: publicRulesSchema,
  groups: z.array(
    groupRef.extend({
      framework: z.object({
        code: z.string(),
        name: z.string(),
        version: z.number(),
        /** The issuing decision as published (older snapshots may hold a plain string). */
        decision: opaque<DecisionRef | string | null>('Quyết định ban hành bộ chỉ số'),
        maxPoints: z.number(),
        nodes: z.array(methodNode),
      }),
      reportingPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
      notApplicable: z.array(
        z.object({ code: z.string(), reason: z.string(), replacementCode: z.string().nullable() }),
      ),
      /** Who appraised the group (000 Điều 8): its council, or each unit's parent (the district); null if not stated. */
      appraiser: z.enum(['council', 'parent_unit']).nullable(),
      /** Who approved and published it (000 Điều 9.3–9.4), as the publication records them. */
      authorities: z.array(z.string()),
    }),
  ),
});

export type BandRef = z.infer<typeof publicBandRef>;
export type PublicCampaign = z.infer<typeof publicCampaignListSchema>['items'][number];
export type PublicCampaignSummary = z.infer<typeof publicCampaignSchema>;
export type PublicCampaignList = z.infer<typeof publicCampaignListSchema>;
export type PublicRules = z.infer<typeof publicRulesSchema>;
export type CampaignDetail = z.infer<typeof publicCampaignDetailSchema>;
export type RankingRow = z.infer<typeof rankingRowSchema>;
export type GroupResults = z.infer<typeof groupResultsSchema>;
export type UnitPublicPage = z.infer<typeof unitPublicPageSchema>;
export type RadarPoint = UnitPublicPage['radar'][number];
export type Gap = UnitPublicPage['strengths'][number];
export type TrendPoint = UnitPublicPage['trend'][number];
export type DerivedTrendPoint = UnitPublicPage['derivedTrend'][number];
export type Methodology = z.infer<typeof methodologySchema>;
