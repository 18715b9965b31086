// The campaign routes' requests and answers: the server registers them (and the OpenAPI document shows
// them), the web app imports the inferred types.
import { RESULT_SCALES } from '../core/results/scale.ts';
import { z } from 'zod';
import { opaque } from './common.ts';
import { timingNote } from './coded-text.ts';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, isValidIsoDate } from '../core/campaign/index.ts';
import type { CampaignAction, CampaignKind, CampaignRules } from '../core/campaign/index.ts';

export const isoDate = z.string().refine(isValidIsoDate, 'Ngày phải có dạng yyyy-mm-dd');
const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);

export const rulesSchema = z.object({
  bands: z
    .array(z.object({ code: text(50), label: text(100), minPercent: z.number().min(0).max(100) }))
    .min(1)
    .max(10),
  lateSubmission: z.object({
    toleranceDays: z.number().int().min(0).max(365),
    penaltyPoints: z.number().min(0).max(100_000),
    beyondTolerance: z.enum(['lowest_band', 'refuse']),
  }),
  nonSubmission: z.enum(['lowest_band', 'zero']),
  notApplicable: z.enum(['reduce_max', 'replacement']),
  reportersMaySubmit: z.boolean(),
  reminderDaysBefore: z.array(z.number().int().min(0).max(365)).max(10),
  rankBy: z.enum(['points', 'percent']).optional(),
  tieBreak: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  resultScale: z.enum(RESULT_SCALES).optional(),
  unitResults: z
    .object({
      visibility: z.enum(['after_decision', 'after_close', 'after_publication']),
      showProposed: z.boolean(),
    })
    .optional(),
  supplementDeadline: isoDate.optional(),
  objectionWindowDays: z.number().int().min(1).max(60).optional(),
  objectionsFrom: z.enum(['approval', 'publication']).optional(),
  citations: z.array(z.string().max(2000)).max(50).optional(),
  notes: z.string().max(5000).optional(),
});

const deadlinesSchema = z.object({
  selfAssessment: isoDate,
  preReview: isoDate.nullish(),
  appraisal: isoDate.nullish(),
  publication: isoDate.nullish(),
});
const periodSchema = z.object({ from: isoDate, to: isoDate });
const appraiserSchema = z.enum(['council', 'parent_unit']);

export const groupBody = z.object({
  unitGroupId: z.uuid(),
  frameworkId: z.uuid(),
  name: z.string().trim().max(300).optional(),
  reportingPeriod: periodSchema,
  deadlines: deadlinesSchema,
  appraiser: appraiserSchema,
  unitIds: z.array(z.uuid()).max(20_000).optional(),
});

export const groupPatchBody = groupBody.omit({ unitGroupId: true }).partial();

export const createBody = z.object({
  name: text(300),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['annual', 'progress']),
  ownerUnitId: z.uuid(),
  rules: rulesSchema,
  groups: z.array(groupBody).max(50),
});

export const fromPresetBody = z.object({
  year: z.number().int().min(2000).max(2100),
  ownerUnitId: z.uuid(),
  name: z.string().trim().max(300).optional(),
  groups: z
    .array(z.object({ unitGroupId: z.uuid(), frameworkId: z.uuid(), name: z.string().trim().max(300).optional() }))
    .min(1)
    .max(50),
});

export const patchBody = z.object({
  name: text(300).optional(),
  rules: rulesSchema.optional(),
  rowVersion: z.number().int().positive(),
});

export const transitionBody = z.object({
  action: z.enum(
    Object.keys(CAMPAIGN_ACTIONS) as [keyof typeof CAMPAIGN_ACTIONS, ...(keyof typeof CAMPAIGN_ACTIONS)[]],
  ),
  reason: z.string().trim().max(2000).optional(),
  deadlines: z
    .array(z.object({ groupId: z.uuid(), selfAssessment: z.string().max(10) }))
    .max(200)
    .optional(),
});

export const campaignGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitGroupId: z.string().nullable(),
  frameworkId: z.string(),
  frameworkCode: z.string(),
  frameworkName: z.string(),
  frameworkVersion: z.number(),
  frameworkStatus: z.string(),
  reportingPeriod: z.object({ from: z.string(), to: z.string() }),
  deadlines: z.object({
    selfAssessment: z.string(),
    preReview: z.string().nullable(),
    appraisal: z.string().nullable(),
    publication: z.string().nullable(),
  }),
  appraiser: z.string(),
  unitCount: z.number(),
});

export const campaignAbilitiesSchema = z.object({
  read: z.boolean(),
  update: z.boolean(),
  transition: z.boolean(),
  manageUnits: z.boolean(),
  viewProgress: z.boolean(),
  reopenAssessments: z.boolean(),
  recordSubmissions: z.boolean(),
  supplyFigures: z.boolean(),
  delete: z.boolean(),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  kind: z.string(),
  progressMonths: z.number().nullable(),
  parentCampaignId: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  ownerUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  rules: opaque<CampaignRules>('CampaignRules (src/core/campaign/types.ts)'),
  groups: z.array(campaignGroupSchema),
  rowVersion: z.number(),
  createdAt: z.string(),
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
  abilities: campaignAbilitiesSchema,
});

export const groupParams = z.object({
  id: z.uuid({ message: 'Mã định danh không hợp lệ' }),
  groupId: z.uuid({ message: 'Mã định danh không hợp lệ' }),
});

export const campaignListSchema = z.object({
  items: z.array(campaignSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'submitted', 'late', 'not_submitted'] as const;
export const progressQuery = z.object({
  groupId: z.uuid().optional(),
  q: z.string().max(200).optional(),
  status: z.enum(PROGRESS_STATUSES).optional(),
});

export const progressItem = z.object({
  assessmentId: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), parentName: z.string().nullable() }),
  groupId: z.string(),
  status: z.string(),
  /** not_started | in_progress | submitted (core formStageOf): the row's word, the same the summary counts. */
  stage: z.enum(['not_started', 'in_progress', 'submitted']),
  /** Items with any answer. */
  itemsAnswered: z.number(),
  /** Items complete (no submission problem, core isItemComplete). */
  itemsDone: z.number(),
  itemsTotal: z.number(),
  percentDone: z.number(),
  evidenceCount: z.number(),
  /** The self total (core selfTotalOf) over its applicable max. */
  selfTotal: z.number(),
  selfApplicableMax: z.number(),
  submittedAt: z.string().nullable(),
  daysLate: z.number().nullable(),
  penaltyPoints: z.number().nullable(),
  timing: z.string(),
  timingNote,
});
export const progressSchema = z.object({
  items: z.array(progressItem),
  summary: z.object({
    total: z.number(),
    submitted: z.number(),
    late: z.number(),
    notStarted: z.number(),
    inProgress: z.number(),
  }),
});

const overlap = z.object({
  campaignId: z.string(),
  name: z.string(),
  year: z.number(),
  kind: z.string(),
  units: z.number(),
});
export const transitionCheckQuery = z.object({ action: z.enum(['open', 'close_self_assessment']) });
export const transitionCheckSchema = z.object({
  action: z.string(),
  today: z.string(),
  pastDeadlines: z.array(z.object({ groupId: z.string(), name: z.string(), selfAssessment: z.string() })),
  unsubmitted: z.number(),
  units: z.number(),
  earlyBefore: z.string().nullable(),
  overlaps: z.object({ refuse: z.array(overlap), warn: z.array(overlap) }),
  reasonRequired: z.boolean(),
});

type Wire = z.infer<typeof campaignSchema>;
/** `kind`, the actions and each group's appraiser are sent as strings; they are always core's values. */
export type CampaignGroup = Omit<z.infer<typeof campaignGroupSchema>, 'appraiser'> & {
  appraiser: z.infer<typeof appraiserSchema>;
};
export type Campaign = Omit<Wire, 'kind' | 'availableActions' | 'groups'> & {
  kind: CampaignKind;
  availableActions: { action: CampaignAction; label: string }[];
  groups: CampaignGroup[];
};
export type CampaignAbilities = z.infer<typeof campaignAbilitiesSchema>;
export type CampaignList = Omit<z.infer<typeof campaignListSchema>, 'items'> & { items: Campaign[] };
export type ProgressRow = z.infer<typeof progressItem>;
export type ProgressStatusFilter = (typeof PROGRESS_STATUSES)[number];
export type CampaignProgress = z.infer<typeof progressSchema>;
export type TransitionCheck = Omit<z.infer<typeof transitionCheckSchema>, 'action'> & {
  action: z.infer<typeof transitionCheckQuery>['action'];
};
export type CampaignOverlap = z.infer<typeof overlap>;
export type CreateCampaignBody = z.input<typeof createBody>;
export type FromPresetBody = z.input<typeof fromPresetBody>;
export type GroupBody = z.input<typeof groupBody>;
export type GroupPatch = z.input<typeof groupPatchBody>;
export type CampaignPatch = z.input<typeof patchBody>;
export type TransitionBody = z.input<typeof transitionBody>;
