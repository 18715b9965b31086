// The writes of an assessment's status changes (submit, record a paper submission, reopen) and of its
// informational fields, each one version up. The item save's hot path has its own statements (item-save.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessmentItems, assessments } from '../schema/campaigns.ts';
import type { AssessmentRow } from './assessments.ts';

/** When and how the self-assessment came in, and what its timing costs (set at the first submission only). */
export type SubmissionTiming = Pick<
  AssessmentRow,
  | 'submittedAt'
  | 'submittedBy'
  | 'submissionChannel'
  | 'externalReference'
  | 'daysLate'
  | 'penaltyPoints'
  | 'lowestBand'
>;

/** Status submitted; `timing` is empty when a resubmission keeps the first one's. */
export async function markAssessmentSubmitted(
  tx: Db,
  id: string,
  timing: SubmissionTiming | Record<string, never>,
  now: Date,
): Promise<AssessmentRow> {
  const [after] = await tx
    .update(assessments)
    .set({ status: 'submitted', ...timing, rowVersion: sql`${assessments.rowVersion} + 1`, updatedAt: now })
    .where(eq(assessments.id, id))
    .returning();
  return after!;
}

/** Reopened: whole (back to draft) or, with `toDraft` false, only the items marked reopened. */
export async function markAssessmentReopened(
  tx: Db,
  id: string,
  values: { toDraft: boolean; reason: string; now: Date },
): Promise<AssessmentRow> {
  const [after] = await tx
    .update(assessments)
    .set({
      ...(values.toDraft ? { status: 'draft' } : {}),
      reopenedAt: values.now,
      reopenReason: values.reason,
      rowVersion: sql`${assessments.rowVersion} + 1`,
      updatedAt: values.now,
    })
    .where(eq(assessments.id, id))
    .returning();
  return after!;
}

export async function setAssessmentInfo(
  tx: Db,
  id: string,
  info: NonNullable<AssessmentRow['info']>,
  now: Date,
): Promise<AssessmentRow> {
  const [after] = await tx
    .update(assessments)
    .set({ info, rowVersion: sql`${assessments.rowVersion} + 1`, updatedAt: now })
    .where(eq(assessments.id, id))
    .returning();
  return after!;
}

/** Marks these items reopened; an item never saved gets an empty row at version 0, which is how an absent item is shown. */
export async function reopenItems(tx: Db, assessmentId: string, codes: readonly string[]): Promise<void> {
  await tx
    .insert(assessmentItems)
    .values(codes.map((code) => ({ assessmentId, code, version: 0, reopened: true })))
    .onConflictDoNothing();
  await tx
    .update(assessmentItems)
    .set({ reopened: true })
    .where(and(eq(assessmentItems.assessmentId, assessmentId), inArray(assessmentItems.code, [...codes])));
}

/** Submitting again re-locks the items the DX office had reopened. */
export async function relockReopenedItems(tx: Db, assessmentId: string): Promise<void> {
  await tx
    .update(assessmentItems)
    .set({ reopened: false })
    .where(and(eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.reopened, true)));
}

/** A formula item's self score after the informational fields it reads changed. */
export async function setItemSelfScore(
  tx: Db,
  assessmentId: string,
  code: string,
  values: { selfScore: number | null; now: Date },
): Promise<void> {
  await tx
    .update(assessmentItems)
    .set({ selfScore: values.selfScore, updatedAt: values.now })
    .where(and(eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.code, code)));
}
