// Types of the campaign routes, mirroring the "Campaigns" section of docs/api-contract-v1.md.
import type { CampaignAction, CampaignKind, CampaignRules, CampaignStatus, PhaseDeadlines } from '../../core/campaign/index.ts';

export interface CampaignGroup {
  id: string;
  name: string;
  unitGroupId: string;
  frameworkId: string;
  frameworkName: string;
  frameworkVersion: number;
  frameworkStatus?: string;
  reportingPeriod: { from: string; to: string };
  deadlines: PhaseDeadlines;
  appraiser: 'council' | 'parent_unit';
  unitCount: number;
  unitIds?: string[];
}

export interface CampaignAbilities {
  read: boolean;
  update: boolean;
  transition: boolean;
  manageUnits: boolean;
  viewProgress: boolean;
  reopenAssessments: boolean;
  recordSubmissions: boolean;
  supplyFigures: boolean;
  delete: boolean;
}

export interface Campaign {
  id: string;
  name: string;
  year: number;
  kind: CampaignKind;
  progressMonths: number | null;
  parentCampaignId: string | null;
  status: CampaignStatus;
  statusLabel: string;
  ownerUnit: { id: string; code: string; name: string };
  rules: CampaignRules;
  groups: CampaignGroup[];
  rowVersion: number;
  availableActions: { action: CampaignAction; label: string }[];
  abilities: CampaignAbilities;
}

export type ProgressTiming = 'on_time' | 'late' | 'late_beyond_tolerance' | 'not_submitted' | 'pending';
export type ProgressStatusFilter = 'not_started' | 'in_progress' | 'submitted' | 'late' | 'not_submitted';

export interface ProgressRow {
  assessmentId: string;
  unit: { id: string; code: string; name: string; parentName: string | null };
  groupId: string;
  status: string;
  itemsDone: number;
  itemsTotal: number;
  percentDone: number;
  evidenceCount: number;
  selfTotal: number;
  submittedAt: string | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  timing: ProgressTiming;
  timingLabel: string;
}

export interface CampaignProgress {
  items: ProgressRow[];
  summary: { total: number; submitted: number; late: number; notStarted: number; inProgress: number };
}

export interface FromPresetBody {
  year: number;
  ownerUnitId: string;
  name?: string;
  groups: { unitGroupId: string; frameworkId: string }[];
}

export interface GroupPatch {
  frameworkId?: string;
  reportingPeriod?: { from: string; to: string };
  deadlines?: PhaseDeadlines;
  appraiser?: 'council' | 'parent_unit';
  unitIds?: string[];
}
