// Zod schemas of the appraisal routes (they also produce the OpenAPI document). Large answers (queue,
// review, results, snapshots) are described by their stable keys and pass the rest through.
import { RESULT_SCALES } from '../core/results/scale.ts';
import { z } from 'zod';
import { COUNCIL_POSITIONS, REQUEST_KINDS, REVIEW_REASONS, type ReviewFlag } from '../core/appraisal/index.ts';
import { isValidIsoDate } from '../core/campaign/index.ts';
import { comparedFiguresSchema, resultTotals } from './result-figures.ts';
import { evidenceRefSchema } from './evidence.ts';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);
export const isoDate = z.string().refine(isValidIsoDate, 'Ngày phải có dạng yyyy-mm-dd');
const score = z.number({ message: 'Điểm phải là số' }).finite();

export const itemParams = z.object({
  id: z.uuid({ message: 'Mã định danh không hợp lệ' }),
  code: z.string().min(1).max(50),
});
export const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });
export const groupCodeParams = groupParams.extend({ code: z.string().min(1).max(50) });
export const memberParams = z.object({ memberId: z.uuid() });
export const requestParams = z.object({ requestId: z.uuid() });

export const assignmentSchema = z.object({
  nodeCodes: z.array(z.string().trim().min(1).max(50)).max(500).default([]),
  domains: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  unitIds: z.array(z.uuid()).max(20_000).default([]),
});
export const bodyBody = z.object({
  kind: z.enum(['council', 'parent_unit']),
  name: text(300),
  decisionRef: z.string().trim().max(500).nullish(),
});
export const memberBody = z.object({
  userId: z.uuid(),
  position: z.enum(COUNCIL_POSITIONS),
  title: z.string().trim().max(300).nullish(),
  assignment: assignmentSchema.default({ nodeCodes: [], domains: [], unitIds: [] }),
});
export const memberPatchBody = memberBody.omit({ userId: true }).partial();

const reason = z.enum(REVIEW_REASONS).nullish();
const comment = z.string().max(5000).nullish();
export const reviewBody = z.object({
  proposedScore: score.nullable(),
  reason,
  comment,
  version: z.number().int().min(0),
});
export const appraisalBody = z.object({
  finalScore: score.nullable().default(null),
  reason,
  comment,
  notApplicable: z.boolean().optional(),
  replacementCode: z.string().trim().max(50).nullish(),
  version: z.number().int().min(0),
});
export const bulkBody = z.object({
  items: z
    .array(z.object({ assessmentId: z.uuid(), code: z.string().min(1).max(50), version: z.number().int().min(0) }))
    .min(1)
    .max(50_000),
});
export const bulkQuery = z.object({ use: z.enum(['self', 'proposed']).default('self') });
export const groupNaBody = z.object({ reason: text(5000), replacementCode: z.string().trim().max(50).nullish() });

export const requestBody = z.object({
  kind: z.enum(REQUEST_KINDS),
  message: text(5000),
  deadline: isoDate,
});
export const replyBody = z.object({ text: text(10_000), evidenceIds: z.array(z.uuid()).max(100).default([]) });
/**
 * A unit's own supplement on one item during appraisal (001 II.3.b): an explanation and documents. The self
 * score is locked: `selfScore`, `inputs` or `explanation` in the body are declared only so that sending them
 * is refused with 409 SELF_SCORE_LOCKED (a clear code, never silently dropped).
 */
export const supplementBody = z.object({
  text: text(10_000),
  evidenceIds: z.array(z.uuid()).max(100).default([]),
  selfScore: z.unknown().optional(),
  inputs: z.unknown().optional(),
  explanation: z.unknown().optional(),
});
const evidenceRef = evidenceRefSchema;
/** One supplement as the unit, the support team and the council see it on the item's thread. */
export const supplementSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  code: z.string(),
  text: z.string(),
  evidence: z.array(evidenceRef),
  suppliedBy: z.object({ id: z.string(), fullName: z.string() }),
  suppliedAt: z.string(),
});
export const supplementListSchema = z.object({
  items: z.array(supplementSchema),
  /** Whether the caller may supplement now, and if not why (core/policy supplementRefusal). */
  abilities: z.object({ supplement: z.boolean() }),
  refusal: z.string().nullable(),
  supplementDeadline: z.string().nullable(),
});

export const closeBody = z.object({ groupId: z.uuid() });
export const approveBody = z.object({
  groupId: z.uuid(),
  authorityUnitId: z.uuid().optional(),
  decisionNumber: text(200),
  decisionDate: isoDate,
  signer: z.string().trim().max(300).nullish(),
  /** The signer's position in the signature block (Nghị định 30/2020), e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerPosition: z.string().trim().max(200).nullish(),
});
export const publishBody = z.object({ reason: z.string().trim().max(5000).optional() }).default({});

export const queueQuery = z.object({
  campaignId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  mode: z.enum(['unit', 'item']).default('unit'),
  unitId: z.uuid().optional(),
  code: z.string().max(50).optional(),
  flag: z
    .enum([
      'self_score_inconsistent',
      'mandatory_evidence_missing',
      'explained_no_evidence',
      'duplicate_evidence',
      'large_change_since_last_year',
      'open_request',
      'supplemented_since_last_look',
      'differs_from_system',
    ])
    .optional(),
  status: z.enum(['pending', 'proposed', 'requested', 'final']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});

/** One item's review as app/presenters/item-review.ts presents it (the answer of PUT …/review and …/appraisal). */
export const reviewSchema = z.object({
  assessmentId: z.string(),
  code: z.string(),
  selfScore: z.number().nullable(),
  proposedScore: z.number().nullable(),
  proposedReason: z.string().nullable(),
  proposedReasonLabel: z.string().nullable(),
  proposedComment: z.string().nullable(),
  proposedAt: z.string().nullable(),
  finalScore: z.number().nullable(),
  finalReason: z.string().nullable(),
  finalReasonLabel: z.string().nullable(),
  finalComment: z.string().nullable(),
  finalAt: z.string().nullable(),
  notApplicable: z.boolean(),
  notApplicableReason: z.string().nullable(),
  replacementCode: z.string().nullable(),
  officialScore: z.number().nullable(),
  delta: z.object({ proposed: z.number().nullable(), final: z.number().nullable() }),
  version: z.number(),
});
const person = z.object({ id: z.string(), fullName: z.string() });
/** A request to the unit and its thread of replies (app/presenters/item-request.ts). */
export const requestSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  code: z.string(),
  itemTitle: z.string().nullable(),
  /** more_evidence | explanation (stored as text; kindLabel says it in Vietnamese). */
  kind: z.string(),
  kindLabel: z.string(),
  message: z.string(),
  deadline: z.string().nullable(),
  deadlinePassed: z.boolean(),
  /** open | answered | closed (stored as text; statusLabel says it in Vietnamese). */
  status: z.string(),
  statusLabel: z.string(),
  requestedBy: person,
  requestedAt: z.string(),
  closedAt: z.string().nullable(),
  replies: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      evidence: z.array(evidenceRef),
      repliedBy: person,
      repliedAt: z.string(),
    }),
  ),
  abilities: z.object({ reply: z.boolean(), close: z.boolean() }),
});
/** A warning for the appraisers, core/appraisal's ReviewFlag (a union of kinds with their parameters). */
export const reviewFlag = z
  .unknown()
  .describe('Cảnh báo cho người thẩm định (core/appraisal ReviewFlag)') as unknown as z.ZodType<ReviewFlag>;
const queueStatus = z.enum(['pending', 'proposed', 'requested', 'final']);
/** One (unit × item) of the caller's queue (app/appraisal/load-queue.ts); flags are core's ReviewFlag values. */
export const queueRowSchema = z.object({
  assessmentId: z.string(),
  campaignId: z.string(),
  groupId: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  code: z.string(),
  title: z.string(),
  maxPoints: z.number(),
  selfScore: z.number().nullable(),
  proposedScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  delta: z.number().nullable(),
  notApplicable: z.boolean(),
  status: queueStatus,
  flags: z.array(reviewFlag),
  openRequest: z.object({ id: z.string(), deadline: z.string().nullable() }).nullable(),
  version: z.number(),
  abilities: z.object({ propose: z.boolean(), appraise: z.boolean(), request: z.boolean() }),
});
export const queueGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  bodyKind: z.enum(['council', 'parent_unit']),
  position: z.enum(COUNCIL_POSITIONS).nullable(),
});
export const queueSchema = z.object({
  items: z.array(queueRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  summary: z.object({
    total: z.number(),
    units: z.number(),
    byStatus: z.record(queueStatus, z.number()),
    flagged: z.number(),
  }),
  groups: z.array(queueGroupSchema),
});
export const memberSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  user: z.object({ id: z.string(), fullName: z.string(), username: z.string() }),
  position: z.enum(COUNCIL_POSITIONS),
  positionLabel: z.string(),
  title: z.string().nullable(),
  assignment: z.object({ nodeCodes: z.array(z.string()), domains: z.array(z.string()), unitIds: z.array(z.string()) }),
});
/** Each group's appraisal body and members, with what the caller may do (GET /campaigns/{id}/bodies). */
export const groupBodySchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  appraiser: z.string(),
  body: z
    .object({
      id: z.string(),
      kind: z.enum(['council', 'parent_unit']),
      name: z.string(),
      decisionRef: z.string().nullable(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  members: z.array(memberSchema),
  myPosition: z.enum(COUNCIL_POSITIONS).nullable(),
  abilities: z.object({ closeAppraisal: z.boolean(), markGroupNotApplicable: z.boolean(), manageMembers: z.boolean() }),
});
export const bodiesSchema = z.object({ items: z.array(groupBodySchema) });
const shortBand = z.object({ code: z.string(), label: z.string() });
/** A unit's reported points in another campaign (the previous round, the annual campaign): progress-report.ts. */
const reportedFigures = comparedFiguresSchema;
/** One unit's result (app/publication/campaign-results.ts): the declared keys are checked, the rest (main indicators, ties) pass through. */
export const resultRowSchema = z.object({
  assessmentId: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  group: z.object({ id: z.string(), name: z.string() }),
  submitted: z.boolean(),
  timing: z.string(),
  /** progress_report: a progress round's row, neither ranked nor classified (000 Điều 7.2). */
  status: z.enum(['rankable', 'forced_lowest_band', 'not_rankable', 'progress_report']),
  daysLate: z.number().nullable(),
  ...resultTotals,
  finalAfterPenalty: z.number(),
  maxPoints: z.number(),
  band: shortBand.nullable(),
  bandByScore: shortBand.nullable(),
  rank: z.number().nullable(),
  rankable: z.boolean(),
  lowestBandReason: z.string().nullable(),
  notApplicableCodes: z.array(z.string()),
  unappraisedCodes: z.array(z.string()),
  complete: z.boolean(),
  /** Progress rounds only: completion and reported figures, with the previous round and the annual result. */
  progress: z
    .object({
      completion: z.object({ complete: z.number(), applicable: z.number(), percent: z.number().nullable() }),
      selfPercent: z.number().nullable(),
      previous: reportedFigures.nullable().optional(),
      annual: reportedFigures.nullable().optional(),
    })
    .optional(),
});
/** Whether the campaign's results are a ranking or a progress report (core/campaign/ranking-applies.ts). */
export const classificationSchema = z.object({
  ranked: z.boolean(),
  classified: z.boolean(),
  latePenalised: z.boolean(),
  publishedAs: z.enum(['ranking', 'progress_report']),
});
export const resultsSchema = z.looseObject({
  campaignId: z.string(),
  status: z.string(),
  kind: z.string(),
  /** How the campaign shows its results (core/results/scale.ts): the index column appears on 'index'. */
  resultScale: z.enum(RESULT_SCALES),
  classification: classificationSchema,
  items: z.array(resultRowSchema.loose()),
  missing: z.number(),
});
export const snapshotMetaSchema = z.object({
  id: z.string(),
  version: z.number(),
  digest: z.string(),
  signature: z.string(),
  keyId: z.string(),
  createdAt: z.string(),
});
/** GET /campaigns/{id}/snapshots: every published version with its correction reason. */
export const snapshotListSchema = z.object({
  items: z.array(snapshotMetaSchema.extend({ reason: z.string().nullable() })),
});

// What the web app sends (input types: defaults filled in by the server).
export type MemberInput = z.input<typeof memberBody>;
export type ApproveInput = z.input<typeof approveBody>;
export type ReviewInput = z.input<typeof reviewBody>;
export type AppraisalInput = z.input<typeof appraisalBody>;
export type ReviewView = z.infer<typeof reviewSchema>;
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;
export type SnapshotList = z.infer<typeof snapshotListSchema>;
export type SnapshotListItem = SnapshotList['items'][number];
export type Bodies = z.infer<typeof bodiesSchema>;
export type Member = z.infer<typeof memberSchema>;
export type GroupBody = z.infer<typeof groupBodySchema>;
export type QueueStatus = z.infer<typeof queueStatus>;
export type QueueRow = z.infer<typeof queueRowSchema>;
export type QueueGroup = z.infer<typeof queueGroupSchema>;
export type Queue = z.infer<typeof queueSchema>;
export type QueueQuery = z.input<typeof queueQuery>;
export type RequestView = z.infer<typeof requestSchema>;
export type ReplyView = RequestView['replies'][number];
export type UnitResultRow = z.infer<typeof resultRowSchema>;
export type SupplementView = z.infer<typeof supplementSchema>;
export type SupplementList = z.infer<typeof supplementListSchema>;
export type SupplementInput = z.input<typeof supplementBody>;

/** The details of 422 APPRAISAL_INCOMPLETE (closing a group's appraisal): every unit × item still without a final score. */
export const appraisalIncompleteDetails = z.object({
  missing: z.array(z.object({ assessmentId: z.string(), unitName: z.string(), code: z.string() })),
  count: z.number(),
});
export type AppraisalIncompleteDetails = z.infer<typeof appraisalIncompleteDetails>;
export type MissingFinal = AppraisalIncompleteDetails['missing'][number];
export type Results = z.infer<typeof resultsSchema>;
