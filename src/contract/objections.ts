// Objections (kiến nghị, issue 14 §1): a unit objects to the final score of one item after the results are
// approved or published; the group's body answers (upheld with a new final score, or rejected).
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);

export const objectionBody = z.object({
  text: text(10_000),
  evidenceIds: z.array(z.uuid()).max(100).default([]),
});

export const objectionAnswerBody = z.object({
  outcome: z.enum(['upheld', 'rejected']),
  reason: text(5000),
  finalScore: z.number().nullish(),
});

export const objectionIdParams = z.object({ id: z.uuid() });

export const objectionSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  campaignId: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  code: z.string(),
  text: z.string(),
  evidence: z.array(
    z.object({
      id: z.string(),
      fileName: z.string().nullable(),
      url: z.string().nullable(),
      sha256: z.string().nullable(),
    }),
  ),
  scoreBefore: z.number().nullable(),
  status: z.enum(['open', 'upheld', 'rejected']),
  filedBy: z.object({ id: z.string(), fullName: z.string() }),
  filedAt: z.string(),
  answer: z.string().nullable(),
  scoreAfter: z.number().nullable(),
  answeredBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  answeredAt: z.string().nullable(),
  /** The caller may answer it (an open objection, the caller on the group's body and assigned the item). */
  mayAnswer: z.boolean(),
});

export const assessmentObjectionsSchema = z.object({
  items: z.array(objectionSchema),
  window: z.object({ from: z.enum(['approval', 'publication']), opens: z.string(), closes: z.string() }).nullable(),
  /** The campaign's rules offer objections at all. */
  offered: z.boolean(),
  /** Why the caller may not object now (core/policy objectionRefusal), null when they may. */
  refusal: z.string().nullable(),
  /** Item codes the caller may object to now. */
  fileable: z.array(z.string()),
});

export const campaignObjectionsSchema = z.object({
  items: z.array(objectionSchema),
  /** Ids of the objections upheld after the latest publication: a corrected publication is due. */
  correctionDue: z.array(z.string()),
  publishedAt: z.string().nullable(),
});

export type ObjectionView = z.infer<typeof objectionSchema>;
export type AssessmentObjections = z.infer<typeof assessmentObjectionsSchema>;
export type CampaignObjections = z.infer<typeof campaignObjectionsSchema>;
export type ObjectionInput = z.input<typeof objectionBody>;
export type ObjectionAnswerInput = z.input<typeof objectionAnswerBody>;
