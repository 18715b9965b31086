// Types of the public portal API (/api/public/v1), mirroring docs/api-contract-v1.md
// "Results, dashboards and the public portal". Everything comes from signed, published snapshots.
import type { DecisionRef, ScoringMethod } from '../../core/framework/types.ts';

export interface BandRef {
  code: string;
  label: string;
}

export interface GroupRef {
  id: string;
  name: string;
}

export interface PublicCampaign {
  id: string;
  name: string;
  year: number;
  kind: string;
  owner: { code: string; name: string };
  publishedAt: string;
  snapshotVersion: number;
  digest: string;
  groups: (GroupRef & { unitCount: number })[];
  /** False when the stored publication fails verification (digest or signature): no figures then. */
  verified: boolean;
}

export interface PublicRules {
  bands: (BandRef & { minPercent: number })[];
  lateSubmission: { toleranceDays: number; penaltyPoints: number; beyondTolerance: string };
  nonSubmission: string;
  notApplicable: string;
  rankBy?: 'points' | 'percent';
  tieBreak?: string[];
  /** The ranking rule in one Vietnamese sentence (server-written). */
  ranking?: string;
  citations?: string[];
  notes?: string;
}

export interface CampaignDetail extends PublicCampaign {
  rules: PublicRules;
  approvals: { groupId: string; decisionNumber: string; decisionDate: string; signer: string | null }[];
  snapshot: {
    version: number;
    digest: string;
    signature: string;
    keyId: string;
    publishedAt: string;
    corrections: { version: number; reason: string | null; publishedAt: string }[];
  };
}

export interface IndicatorFigure {
  code: string;
  title: string;
  final: number;
  max: number;
  applicableMax?: number;
  percent: number | null;
}

export interface RankingRow {
  rank: number | null;
  unit: { id: string; code: string; name: string };
  selfTotal: number;
  finalTotal: number;
  penaltyPoints: number;
  /** on_time | late | late_beyond_tolerance | not_submitted; shown in words (core/campaign/submission-status.ts). */
  timing?: string;
  daysLate?: number | null;
  applicableMax: number;
  percent: number | null;
  band: BandRef | null;
  rankable?: boolean;
  lowestBandReason?: string | null;
  mainIndicators: IndicatorFigure[];
}

export interface IndicatorAverage {
  code: string;
  title: string;
  averagePercent: number | null;
}

export interface GroupResults {
  group?: GroupRef & { frameworkCode?: string; frameworkVersion?: number };
  items: RankingRow[];
  distribution: { band: BandRef; count: number }[];
  notRankable?: number;
  total?: number;
  averages: IndicatorAverage[];
}

export interface RadarPoint {
  code: string;
  title: string;
  percent: number | null;
  groupAverage: number | null;
}

export interface Gap {
  code: string;
  title: string;
  percent: number;
  groupAverage: number;
  difference: number;
}

export interface TrendPoint {
  campaignId: string;
  campaignName: string;
  year: number;
  group: GroupRef;
  selected: boolean;
  percent: number | null;
  band: BandRef | null;
  rank: number | null;
  unitsInGroup: number;
}

export interface UnitPublicPage {
  unit: { id: string; code: string; name: string };
  campaign: { id: string; name: string; year: number };
  group: GroupRef & { unitCount: number };
  result: {
    rank: number | null;
    selfTotal: number;
    finalTotal: number;
    penaltyPoints: number;
    applicableMax: number;
    percent: number | null;
    band: BandRef | null;
    rankable?: boolean;
    lowestBandReason?: string | null;
  };
  radar: RadarPoint[];
  strengths: Gap[];
  weaknesses: Gap[];
  trend: TrendPoint[];
  /** Published years before the unit's formation, derived from its predecessors (absent on older servers). */
  derivedTrend?: DerivedTrendPoint[];
  digest: string;
}

export interface DerivedTrendPoint {
  campaignId: string;
  campaignName: string;
  year: number;
  derived: true;
  method: string;
  methodLabel: string;
  percent: number | null;
  predecessorsCounted: number;
  predecessorsTotal: number;
  predecessors: { id: string; code: string; name: string; percent: number | null; source: 'result' | 'derived' | 'missing'; via: string | null }[];
}

export interface MethodNode {
  code: string;
  title: string;
  maxPoints: number;
  method?: ScoringMethod;
  notation?: string;
  guidance?: string;
  requiredDocuments?: string;
  children?: MethodNode[];
}

export interface Methodology {
  campaign: { id: string; name: string; year: number };
  rules: PublicRules;
  groups: (GroupRef & {
    /** `decision`: the issuing decision as published (a DecisionRef; older snapshots may hold a plain string). */
    framework: { code: string; name: string; version: number; decision: DecisionRef | string | null; maxPoints: number; nodes: MethodNode[] };
    reportingPeriod: { from: string; to: string } | null;
    notApplicable: { code: string; reason: string; replacementCode: string | null }[];
  })[];
}
