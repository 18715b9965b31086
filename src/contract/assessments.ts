// The assessment routes' requests and answers: the server registers them (and the OpenAPI document shows
// them), the web app imports the inferred types.
import { z } from 'zod';
import { SUBMISSION_NOTICE_CODES, isValidIsoDate } from '../core/campaign/index.ts';
import type { CampaignKind, CampaignStatus } from '../core/campaign/index.ts';
import type { FrameworkDefinition } from '../core/framework/index.ts';
import { opaque } from './common.ts';
import { submissionProblem, timingNote } from './coded-text.ts';
import { resultTotals } from './result-figures.ts';

/** A typed value: number, yes/no, an option or numeric text from a spreadsheet; the engine reads it. */
/** One figure's value as a unit or another system enters it. */
export const inputValue = z.union([z.number(), z.boolean(), z.string().max(500), z.null()]);

export const itemParams = z.object({
  id: z.uuid({ message: 'Mã định danh không hợp lệ' }),
  code: z.string().min(1).max(50),
});

/** The most evidence documents one item may cite (the save refuses more before reading anything for them). */
export const MAX_EVIDENCE_PER_ITEM = 200;

export const saveItemBody = z.object({
  inputs: z.record(z.string().max(64), inputValue).refine((o) => Object.keys(o).length <= 30, 'Quá nhiều số liệu'),
  selfScore: z.number().nullable().optional(),
  explanation: z.string().max(20_000).optional(),
  evidenceIds: z.array(z.uuid()).max(MAX_EVIDENCE_PER_ITEM).optional(),
  version: z.number().int().min(0),
});

export const infoBody = z.object({
  values: z.record(z.string().max(64), z.number().finite().nullable()),
  rowVersion: z.number().int().positive(),
});

export const reopenBody = z.object({
  reason: z.string().trim().min(1, 'Cần nêu lý do').max(2000),
  codes: z.array(z.string().min(1).max(50)).max(2000).optional(),
});

export const recordSubmissionBody = z.object({
  receivedAt: z.string().refine(isValidIsoDate, 'Ngày phải có dạng yyyy-mm-dd'),
  reference: z.string().trim().min(1, 'Cần ghi số, ký hiệu văn bản').max(300),
  reason: z.string().trim().max(2000).optional(),
});

const supplied = z
  .object({ inputs: z.record(z.string(), z.unknown()), source: z.string(), suppliedAt: z.string() })
  .nullable();

export const itemSchema = z.object({
  code: z.string(),
  inputs: z.record(z.string(), inputValue),
  selfScore: z.number().nullable(),
  explanation: z.string(),
  evidenceIds: z.array(z.string()),
  version: z.number(),
  reopened: z.boolean(),
  locked: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  supplied,
  score: z
    .object({
      points: z.number().nullable(),
      notApplicable: z.boolean(),
      explanation: z.object({ rule: z.string(), steps: z.array(z.string()) }),
      issues: z.array(z.object({ code: z.string(), message: z.string(), input: z.string().optional() })),
    })
    .optional(),
});

// A form's progress (core assessmentProgressOf): items answered, items complete (no submission problem), the
// percent complete, and the self total (core selfTotalOf) over its applicable max — the same on every screen.
const progress = z.object({
  total: z.number(),
  answered: z.number(),
  complete: z.number(),
  percent: z.number(),
  selfTotal: z.number(),
  selfApplicableMax: z.number(),
});

/** One item as the unit sees the council's work on it (src/app/presenters/unit-appraisal.ts). */
const unitItemAppraisal = z.object({
  selfScore: z.number().nullable(),
  proposedScore: z.number().nullable(),
  proposedReason: z.string().nullable().describe('reason code (core REVIEW_REASONS)'),
  proposedComment: z.string().nullable(),
  finalScore: z.number().nullable(),
  finalReason: z.string().nullable().describe('reason code (core REVIEW_REASONS)'),
  finalComment: z.string().nullable(),
  notApplicable: z.boolean(),
  notApplicableReason: z.string().nullable(),
  delta: z.number().nullable(),
  decidedAt: z.string().nullable(),
});

export const assessmentSchema = z.object({
  id: z.string(),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    year: z.number(),
    kind: z.string(),
    status: z.string(),
    statusLabel: z.string(),
  }),
  group: z.object({
    id: z.string(),
    name: z.string(),
    deadlines: z.object({
      selfAssessment: z.string(),
      preReview: z.string().nullable(),
      appraisal: z.string().nullable(),
      publication: z.string().nullable(),
    }),
    reportingPeriod: z.object({ from: z.string(), to: z.string() }),
  }),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  status: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submissionChannel: z.string().nullable(),
  externalReference: z.string().nullable(),
  daysLate: z.number().nullable(),
  penaltyPoints: z.number().nullable(),
  lowestBand: z.boolean(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  timing: z.string(),
  timingNote,
  daysRemaining: z.number(),
  today: z.string(),
  framework: opaque<FrameworkDefinition>('FrameworkDefinition (src/core/framework/types.ts)'),
  items: z.array(itemSchema),
  info: z.record(z.string(), z.number().nullable()),
  progress,
  progressSince: z
    .object({
      source: z.object({ campaignId: z.string(), campaignName: z.string(), assessmentId: z.string() }),
      selfTotal: z.number(),
      scores: z.record(z.string(), z.number().nullable()),
    })
    .nullable(),
  /** The council's work the unit may see now (null before the appraisal); items absent are not visible yet. */
  appraisal: z
    .object({
      visibility: z.enum(['after_decision', 'after_close', 'after_publication']),
      groupClosed: z.boolean(),
      published: z.boolean(),
      items: z.record(z.string(), unitItemAppraisal),
      result: z
        .object({
          ...resultTotals,
          finalAfterPenalty: z.number(),
          band: z.object({ code: z.string(), label: z.string() }).nullable(),
          rank: z.number().nullable(),
          groupSize: z.number(),
          snapshotVersion: z.number(),
          mainIndicators: z.array(
            z.object({
              code: z.string(),
              title: z.string(),
              self: z.number(),
              final: z.number(),
              applicableMax: z.number(),
            }),
          ),
        })
        .nullable(),
    })
    .nullable(),
  rowVersion: z.number(),
  abilities: z.object({
    read: z.boolean(),
    edit: z.boolean(),
    submit: z.boolean(),
    reopen: z.boolean(),
    recordSubmission: z.boolean(),
    uploadEvidence: z.boolean(),
    editReopened: z.boolean(),
  }),
});

/**
 * The answer of POST /assessments/{id}/submit: the assessment's new state without the index set and the
 * items (the client holds them; after a submission every item is locked and none reopened).
 */
export const submissionStateSchema = assessmentSchema.pick({
  id: true,
  status: true,
  submittedAt: true,
  submittedBy: true,
  submissionChannel: true,
  externalReference: true,
  daysLate: true,
  penaltyPoints: true,
  lowestBand: true,
  reopenedAt: true,
  reopenReason: true,
  timing: true,
  timingNote: true,
  daysRemaining: true,
  today: true,
  rowVersion: true,
  abilities: true,
});

export const mineSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      campaign: z.object({ id: z.string(), name: z.string(), year: z.number(), kind: z.string(), status: z.string() }),
      unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      deadline: z.string(),
      daysRemaining: z.number(),
      status: z.string(),
      submittedAt: z.string().nullable(),
      timingNote,
      progress,
      missing: z.number(),
    }),
  ),
});

export const submissionCheckSchema = z.object({
  ready: z.boolean(),
  problems: z.array(submissionProblem),
  notices: z.array(
    z.object({
      code: z.enum(SUBMISSION_NOTICE_CODES),
      level: z.enum(['blocking', 'info']),
      timing: timingNote.optional(),
    }),
  ),
});

export type ItemInputs = z.infer<typeof itemSchema>['inputs'];
export type AssessmentItem = z.infer<typeof itemSchema>;
type Wire = z.infer<typeof assessmentSchema>;
/** The campaign's kind and status are sent as strings; they are always core's values. */
export type Assessment = Omit<Wire, 'campaign'> & {
  campaign: Omit<Wire['campaign'], 'kind' | 'status'> & { kind: CampaignKind; status: CampaignStatus };
};
export type AssessmentAbilities = Wire['abilities'];
export type MyAssessment = z.infer<typeof mineSchema>['items'][number];
export type SubmissionState = z.infer<typeof submissionStateSchema>;
export type ItemSaveBody = z.input<typeof saveItemBody>;
export type SubmissionCheck = z.infer<typeof submissionCheckSchema>;
export type SubmissionProblemView = SubmissionCheck['problems'][number];

export type UnitItemAppraisalView = z.infer<typeof unitItemAppraisal>;
export type UnitPublishedResultView = NonNullable<NonNullable<Assessment['appraisal']>['result']>;
