// Campaigns (kỳ đánh giá) and assessments as plain data. A campaign runs one or more unit groups, each
// on a pinned index-set version with its own reporting period and phase deadlines; its rules come from
// the decision (via a preset) and stay editable until the campaign opens.
import type { BandRule } from '../framework/types.ts';

/** Dates are calendar dates in Asia/Ho_Chi_Minh, written yyyy-mm-dd. */
export type IsoDate = string;

/** annual: assessed, appraised and ranked. progress: 3/6/9-month progress report, never ranked (000 Điều 7.2). */
export type CampaignKind = 'annual' | 'progress';

export const CAMPAIGN_STATUSES = [
  'draft',
  'open',
  'self_assessment_closed',
  'under_appraisal',
  'approved',
  'published',
  'archived',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface LateSubmissionRule {
  /** Days after the deadline during which a submission is accepted with a penalty (002 Điều 8.3: 5). */
  toleranceDays: number;
  /** Points subtracted from the total when late within the tolerance (002 Điều 8.3: 100). */
  penaltyPoints: number;
  /** Beyond the tolerance: accepted but ranked in the lowest band (002 Điều 8.4), or refused. */
  beyondTolerance: 'lowest_band' | 'refuse';
}

export interface CampaignRules {
  /** Inclusive lower bounds on the exact percent, highest first; the last is the lowest band. */
  bands: BandRule[];
  lateSubmission: LateSubmissionRule;
  /** A unit that never submitted: lowest band (000 Điều 9.2.e) or simply scored 0. */
  nonSubmission: 'lowest_band' | 'zero';
  /** An item marked not applicable leaves the applicable max, or a named replacement item scores instead (000 Điều 8.4.b). */
  notApplicable: 'reduce_max' | 'replacement';
  /** Whether a unit reporter (not only the leader) may submit. */
  reportersMaySubmit: boolean;
  /** Reminders this many days before the self-assessment deadline to units that have not submitted. */
  reminderDaysBefore: number[];
  /**
   * Ranking within each group (000 Điều 9.1: "tính trên cơ sở tổng số điểm … từ cao xuống thấp"):
   * by the final total ('points') or by the percent of the unit's applicable max ('percent', the
   * default of campaigns made before this rule). docs/results-rules.md §6.
   */
  rankBy?: 'points' | 'percent';
  /** Node codes compared in order, on final points, when the main key ties; empty → equal units share a rank. */
  tieBreak?: string[];
  /**
   * How results are shown (issue 15 §4): points, a percent, or an index from 0 to 1 as the national DTI
   * publishes; bands and rankings do not depend on it (core/results/scale.ts). Absent → points.
   */
  resultScale?: 'points' | 'percent' | 'index';
  /** When the unit sees the council's scores, reasons and comments on its own items (issue 14 §1);
   *  absent → after publication, without the proposed score (core/appraisal/unit-visibility.ts). */
  unitResults?: { visibility: 'after_decision' | 'after_close' | 'after_publication'; showProposed: boolean };
  /**
   * The last day (Vietnam) on which units may supplement their evidence and explanations during appraisal
   * on their own (001 II.3.b); absent → until the council closes the group's appraisal.
   */
  supplementDeadline?: IsoDate;
  /**
   * Objections (kiến nghị, issue 14 §1): a unit may object to the final score of its items within this many
   * working days (Mon–Fri) after the results are approved or published (`objectionsFrom`, default
   * 'approval'); absent → objections are not offered (core/policy/objection-policy.ts).
   */
  objectionWindowDays?: number;
  objectionsFrom?: 'approval' | 'publication';
  /** Where the rules come from (article citations), shown on the methodology page. */
  citations?: string[];
  notes?: string;
}

export interface PhaseDeadlines {
  selfAssessment: IsoDate;
  preReview?: IsoDate;
  appraisal?: IsoDate;
  publication?: IsoDate;
}

export interface CampaignGroupConfig {
  unitGroupId: string;
  frameworkId: string;
  reportingPeriod: { from: IsoDate; to: IsoDate };
  deadlines: PhaseDeadlines;
  /** Who appraises this group: the campaign's council, or each unit's parent (a district for its communes, 000 Điều 8.2). */
  appraiser: 'council' | 'parent_unit';
}

export type AssessmentStatus = 'draft' | 'submitted';

/** What a unit entered for one item. */
export interface ItemEntry {
  code: string;
  inputs: Record<string, number | boolean | string | null>;
  /** The unit's self-score: computed by the engine for computed methods, typed for manual ones. */
  selfScore: number | null;
  explanation: string;
  evidenceCount: number;
}
