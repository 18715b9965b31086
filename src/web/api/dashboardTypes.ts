// Types of the internal dashboards (/api/v1/dashboards/…, what-if) and of export jobs, mirroring
// docs/api-contract-v1.md "Results, dashboards and the public portal".

export interface CampaignRef {
  id: string;
  name: string;
  year: number;
  kind: string;
  status: string;
}

export interface BandRef {
  code: string;
  label: string;
  minPercent?: number;
}

export interface ProgressCounts {
  total: number;
  submitted: number;
  late: number;
  notStarted: number;
  inProgress: number;
}

export interface CampaignProgress {
  campaign: CampaignRef;
  summary: ProgressCounts & { overdue: number };
  groups: (ProgressCounts & { group: { id: string; name: string }; deadline: string })[];
  districts: (ProgressCounts & { district: { id: string; code: string; name: string } | null })[];
}

export interface Distribution {
  bands: { code: string; label: string; count: number }[];
  notRankable: number;
  total: number;
}

export interface YearGroupComparison {
  group: { id: string; name: string };
  units: number;
  comparableUnits: number;
  averageDelta: number | null;
  improved: number;
  declined: number;
  unchanged: number;
  indicators: { code: string; title: string; comparable: boolean; comparableUnits: number; averageDelta: number | null; notComparableReasons: string[] }[];
}

export interface CampaignResultsSummary {
  campaign: CampaignRef;
  distribution: (Distribution & { group: { id: string; name: string } })[];
  mainIndicatorAverages: { group: { id: string; name: string }; indicators: { code: string; title: string; averagePercent: number | null }[] }[];
  lastYear: { campaign: CampaignRef; groups: YearGroupComparison[] } | null;
}

export interface Overview {
  progress: CampaignProgress[];
  results: CampaignResultsSummary[];
}

export interface Unavailable {
  reason: string;
  message: string;
}

export interface DistrictCommune {
  unit: { id: string; code: string; name: string };
  group: { id: string; name: string };
  status: string;
  percent: number | null;
  band: BandRef | null;
  finalAfterPenalty: number;
  rank: number | null;
  groupSize: number;
  districtRank: number | null;
  complete: boolean;
}

export interface DistrictPage {
  district: { id: string; code: string; name: string };
  campaign: CampaignRef;
  provisional: boolean;
  unavailable: Unavailable | null;
  summary: { averagePercent: number | null; minPercent: number | null; maxPercent: number | null; counted: number; total: number; forcedLowestBand: number; distribution: Distribution } | null;
  communes: DistrictCommune[];
}

export interface GapTarget {
  band: BandRef;
  targetAfterPenalty: number;
  pointsNeeded: number;
  reachable: boolean;
}

export interface UnitDashboard {
  unit: { id: string; code: string; name: string };
  campaign: CampaignRef;
  history: { campaignId: string; name: string; year: number; kind: string; percent: number | null; band: BandRef | null; rank: number | null; groupSize: number }[];
  provisional: boolean;
  unavailable: Unavailable | null;
  result: {
    group: { id: string; name: string };
    status: string;
    selfTotal: number;
    finalTotal: number;
    penaltyPoints: number;
    finalAfterPenalty: number;
    applicableMax: number;
    percent: number | null;
    band: BandRef | null;
    rank: number | null;
    groupSize: number;
  } | null;
  mainIndicators: { code: string; title: string; self: number; final: number; max: number; applicableMax: number; percent: number | null; groupAveragePercent: number | null }[];
  gap: {
    blockedBy: 'top_band' | 'forced_lowest_band' | 'not_rankable' | null;
    nextBand: GapTarget | null;
    targets: GapTarget[];
    headroom: number;
    items: { code: string; title: string; available: number; effective: number }[];
  } | null;
  lastYear: { campaign: CampaignRef; previousPercent: number | null; deltaPercent: number | null; previousRank: number | null; deltaRank: number | null } | null;
}

export type ExportKind = 'ranking_xlsx' | 'scorecard_xlsx' | 'scorecard_pdf' | 'annex_docx';

export interface ExportJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: { downloadUrl: string; fileName: string; size: number; contentType: string } | null;
  error: string | null;
}
