// The index set (Bộ chỉ số) as plain data: the shape stored in the database (as a frozen JSON document
// per version), written in frameworks/*.yaml, read from the official appendix workbooks and scored by the
// engine in this folder. Everything here is serialisable JSON; no classes, no functions.

import type { UnitType } from '../org/unit-types.ts';

/** How a leaf item turns the unit's inputs into points. Group nodes have no method: they sum children. */
export type ScoringMethod = ManualMethod | YesNoMethod | ChoiceMethod | RatioMethod | StepsMethod | FormulaMethod;

/** The person types the score: 0…max, optionally on a grid (step 0.25 → 0, 0.25, 0.5…). Input: `score`. */
export interface ManualMethod {
  kind: 'manual';
  step?: number;
}

/** Yes → max, no → 0. Input: `yes` (boolean). */
export interface YesNoMethod {
  kind: 'yesno';
}

/** One of listed options; each gives fixed points or a fraction of max. Input: `choice` (option value). */
export interface ChoiceMethod {
  kind: 'choice';
  options: ChoiceOption[];
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** Exactly one of points / fraction. */
  points?: number;
  fraction?: number;
}

/**
 * a / b × max. Inputs: `a`, `b`. `cap` bounds the ratio (default 1, i.e. never above max);
 * below `minRatio` the item scores 0; b = 0 follows `zeroDenominator`.
 */
export interface RatioMethod {
  kind: 'ratio';
  numeratorLabel?: string;
  denominatorLabel?: string;
  cap?: number;
  minRatio?: number;
  zeroDenominator: 'zero' | 'not_applicable';
}

/**
 * A value mapped through thresholds, highest first: the first threshold with value ≥ atLeast wins.
 * `input` says what the value is: a count typed by the unit, or a percent computed as a/b × 100.
 * Inputs: `value` (count/number) or `a`, `b` (percent).
 */
export interface StepsMethod {
  kind: 'steps';
  input: 'number' | 'percent';
  valueLabel?: string;
  thresholds: StepThreshold[];
  /**
   * Percent only: what b = 0 means. 'zero' → the percent is 0; 'not_applicable' → the item is not
   * applicable. Absent → the item cannot be scored (issue DENOMINATOR_ZERO).
   */
  zeroDenominator?: 'zero' | 'not_applicable';
}

export interface StepThreshold {
  atLeast: number;
  /** Exactly one of points / fraction. */
  points?: number;
  fraction?: number;
}

/**
 * A safe expression (parsed, never eval'ed) over the item's named inputs and the assessment's
 * informational fields, with min, max, round, if. Its result is clamped to 0…max.
 */
export interface FormulaMethod {
  kind: 'formula';
  expression: string;
  inputs: FormulaInput[];
}

export interface FormulaInput {
  name: string;
  label: string;
  type: 'number' | 'boolean';
}

export interface FrameworkNode {
  /** "1", "1.2", "4.22.11" — unique in the set, sorted naturally. */
  code: string;
  title: string;
  maxPoints: number;
  /** Leaves only. */
  method?: ScoringMethod;
  /** Cách xác định và tính điểm. */
  guidance?: string;
  /** Tài liệu kiểm chứng. */
  evidence?: string;
  /** Nguồn thu thập dữ liệu. */
  dataSource?: string;
  /** Đơn vị phối hợp xác minh. */
  verifyingUnit?: string;
  evidenceRequired?: boolean;
  /** What the unit must give for this item (overrides the set's evidenceRule and evidenceRequired). */
  evidenceRule?: EvidenceRule;
  /** Appraisal domain, used to assign council members (e.g. "hạ tầng", "nhân lực"). */
  domain?: string;
  /**
   * The decision lets a unit declare this item not applicable to it (e.g. "xã không có trường học: không áp
   * dụng"). A ratio or steps method with `zeroDenominator: not_applicable` offers it anyway (b = 0).
   */
  notApplicableAllowed?: boolean;
  /**
   * Leaves only: the figure is measured automatically by another system, named here (e.g. "Cổng Dịch vụ
   * công quốc gia — Chỉ số 766"), and reaches the item as a supplied or pulled figure (issue 15 §3; the
   * national set 405/QĐ-BKHCN measures a fifth of its indicators this way). The published methodology
   * says which items were measured automatically and from where.
   */
  automaticSource?: string;
  children?: FrameworkNode[];
}

/** Informational field (thông tin chung): collected, not scored, usable in formulas. */
export interface InfoField {
  key: string;
  label: string;
  unit?: string;
}

export interface DecisionRef {
  /** e.g. "2878/QĐ-UBND". */
  number: string;
  /** ISO date yyyy-mm-dd, when known. */
  date?: string;
  issuer: string;
  title?: string;
  /** Which articles of the decision the set comes from, e.g. "Điều 4–6". */
  articles?: string;
}

export interface DeclaredTotals {
  mainIndicators?: number;
  subIndicators?: number;
  totalPoints?: number;
}

/** A classification band, by inclusive lower bound on the exact percent (final total / applicable max). */
export interface BandRule {
  code: string;
  label: string;
  minPercent: number;
}

/** The decision's assessment rules, carried by a preset as defaults for campaigns. */
export interface AssessmentRulesPreset {
  bands: BandRule[];
  /** Reporting period as month-day of the previous and the current year, e.g. from 11-15 to 11-15. */
  reportingPeriod?: { from: string; to: string };
  /** Self-assessment deadline as month-day of the campaign year. */
  selfAssessmentDeadline?: string;
  lateSubmission?: {
    toleranceDays: number;
    penaltyPoints: number;
    beyondTolerance: 'lowest_band' | 'refuse';
  };
  nonSubmission: 'lowest_band' | 'zero';
  notApplicable: 'reduce_max' | 'replacement';
  appraiser: 'council' | 'parent_unit';
  /** Months of the periodic (unranked) progress reports, e.g. [3, 6, 9]. */
  progressReportMonths?: number[];
  /** What the decision ranks by (000 Điều 9.1: total points); absent → percent. */
  rankBy?: 'points' | 'percent';
  /** Node codes that separate equal units, in order, when the decision names any. */
  tieBreak?: string[];
  /** How results are shown: points, percent, or an index 0–1 (core/results/scale.ts); absent → points. */
  resultScale?: 'points' | 'percent' | 'index';
  /** Where each rule comes from, e.g. "000 Điều 8.3". */
  citations?: string[];
  notes?: string;
}

export interface FrameworkDefinition {
  /** Stable code of the set across versions, e.g. "ht-2878-2023-so". */
  code: string;
  name: string;
  decision: DecisionRef;
  /** Unit types the set is for (and, optionally, the group name the decision uses). */
  appliesTo: { unitTypes: UnitType[]; groupName?: string };
  description?: string;
  declared?: DeclaredTotals;
  notes?: string;
  /** An illustrative set (not a decision): shown as such everywhere. */
  illustrative?: boolean;
  infoFields?: InfoField[];
  /**
   * The set's default evidence rule, from its decision (000 Điều 8.4.a; 004 II.2.b: evidence, or a
   * written explanation where there is none). Items may override it.
   */
  evidenceRule?: EvidenceRule;
  rules?: AssessmentRulesPreset;
  nodes: FrameworkNode[];
}

/**
 * 'required': a document is mandatory; 'evidence_or_explanation': a document or a written explanation;
 * 'none': nothing is asked.
 */
export type EvidenceRule = 'required' | 'evidence_or_explanation' | 'none';

export type FrameworkStatus = 'draft' | 'published' | 'archived';
