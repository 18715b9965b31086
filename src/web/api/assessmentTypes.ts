// Types of the assessment and evidence routes ("Assessments", "Evidence" in docs/api-contract-v1.md).
import type { CampaignKind, CampaignStatus, PhaseDeadlines } from '../../core/campaign/index.ts';
import type { FrameworkDefinition } from '../../core/framework/index.ts';

export type ItemInputs = Record<string, number | boolean | string | null>;

export interface AssessmentItem {
  code: string;
  inputs: ItemInputs;
  selfScore: number | null;
  explanation: string;
  evidenceIds: string[];
  version: number;
  reopened: boolean;
  locked: boolean;
  updatedAt: string | null;
  updatedBy: { id: string; fullName: string } | null;
  supplied: { inputs: Record<string, unknown>; source: string; suppliedAt: string } | null;
}

export interface AssessmentAbilities {
  read: boolean;
  edit: boolean;
  submit: boolean;
  reopen: boolean;
  recordSubmission: boolean;
  uploadEvidence: boolean;
}

export interface Assessment {
  id: string;
  campaign: { id: string; name: string; year: number; kind: CampaignKind; status: CampaignStatus; statusLabel?: string };
  group: { id: string; name: string; deadlines: PhaseDeadlines; reportingPeriod: { from: string; to: string } };
  unit: { id: string; code: string; name: string };
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  submissionChannel: string | null;
  externalReference: string | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  timing?: string;
  timingLabel: string | null;
  daysRemaining: number | null;
  reopenReason?: string | null;
  framework: FrameworkDefinition;
  items: AssessmentItem[];
  info: Record<string, number | null>;
  progress: { total: number; filled: number; percent: number; selfTotal: number };
  rowVersion: number;
  abilities: AssessmentAbilities;
}

export interface MyAssessment {
  id: string;
  campaign: { id: string; name: string; year: number; kind: CampaignKind; status: CampaignStatus };
  unit: { id: string; code: string; name: string };
  deadline: string;
  daysRemaining: number;
  status: 'draft' | 'submitted';
  progress: { total: number; filled: number; percent: number; selfTotal: number };
  missing: number;
  submittedAt?: string | null;
  timingLabel?: string | null;
}

export interface ItemSaveBody {
  inputs: ItemInputs;
  selfScore?: number | null;
  explanation?: string;
  evidenceIds?: string[];
  version: number;
}

export interface SubmissionProblemView {
  code: string;
  title?: string;
  problem?: string;
  message: string;
}

export interface Evidence {
  id: string;
  unitId: string;
  fileName: string | null;
  url: string | null;
  sha256: string | null;
  size: number | null;
  mimeType: string | null;
  docNumber: string | null;
  docDate: string | null;
  summary: string | null;
  issuer: string | null;
  createdAt: string;
  usedBy: { assessmentId: string; code: string }[];
  abilities: { update: boolean; delete: boolean; download: boolean };
}
