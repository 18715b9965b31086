// GET /assessments/{id}/review — one unit's assessment as the appraisers see it (app/presenters/assessment-review.ts):
// every item with its review, flags, evidence, thread, supplements and history. Kept apart from appraisal.ts, which it builds on.
import { z } from 'zod';
import { requestSchema, reviewFlag, reviewSchema, supplementSchema } from './appraisal.ts';
import { evidenceSchema } from './evidence.ts';

/** A document cited by an item as the appraisers see it (db/queries/review-evidence.ts + the download links). */
export const reviewEvidenceSchema = evidenceSchema
  .pick({
    id: true,
    fileName: true,
    url: true,
    sha256: true,
    size: true,
    mimeType: true,
    docNumber: true,
    docDate: true,
    summary: true,
    issuer: true,
  })
  .extend({
    /** Other units holding the same bytes (a flag for the council). */
    sameFileElsewhere: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
    downloadUrl: z.string().nullable(),
    previewUrl: z.string().nullable(),
  });
/** One audit entry on an item (db/queries/item-history.ts): the client words `action` (apr.hist.*). */
export const historyEntrySchema = z.object({
  code: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
});
/** One item of GET /assessments/{id}/review (app/presenters/assessment-review.ts). */
export const reviewItemSchema = reviewSchema.extend({
  title: z.string(),
  maxPoints: z.number(),
  inputs: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  explanation: z.string(),
  /** The index is not applicable to the whole group (Chủ tịch's decision), with its replacement. */
  groupNotApplicable: z.object({ reason: z.string(), replacementCode: z.string().nullable() }).nullable(),
  flags: z.array(reviewFlag),
  evidence: z.array(reviewEvidenceSchema),
  requests: z.array(requestSchema),
  supplements: z.array(supplementSchema),
  history: z.array(historyEntrySchema),
  abilities: z.object({ propose: z.boolean(), appraise: z.boolean(), request: z.boolean() }),
});
export const reviewViewSchema = z.object({
  id: z.string(),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    year: z.number(),
    status: z.string(),
    statusLabel: z.string(),
  }),
  group: z.object({
    id: z.string(),
    name: z.string(),
    /** support_team | council: who appraises the group; null before a body is set. */
    bodyKind: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  status: z.string(),
  submittedAt: z.string().nullable(),
  myPosition: z.string().nullable(),
  items: z.array(reviewItemSchema),
});

export type ReviewEvidence = z.infer<typeof reviewEvidenceSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type AssessmentReview = z.infer<typeof reviewViewSchema>;
