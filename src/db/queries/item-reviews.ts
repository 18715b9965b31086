// One item's review row (proposed and final scores) next to the unit's own self score, and the guarded
// write every decision goes through: insert when the caller started from "no review yet" (version 0),
// else update only if the version is still the one the caller saw — two appraisers saving the same
// version cannot both win, and nothing is silently overwritten.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { appraisalBodies, itemReviews } from '../schema/appraisal.ts';
import { assessmentItems } from '../schema/campaigns.ts';

export type ReviewRow = typeof itemReviews.$inferSelect;
export type ReviewValues = Partial<Omit<ReviewRow, 'assessmentId' | 'code' | 'version'>>;

export interface ReviewState {
  review: ReviewRow | null;
  selfScore: number | null;
}

export async function loadReviewState(db: Db, assessmentId: string, code: string): Promise<ReviewState> {
  const [review] = await db
    .select()
    .from(itemReviews)
    .where(and(eq(itemReviews.assessmentId, assessmentId), eq(itemReviews.code, code)))
    .limit(1);
  const [item] = await db
    .select({ selfScore: assessmentItems.selfScore })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.code, code)))
    .limit(1);
  return { review: review ?? null, selfScore: item?.selfScore ?? null };
}

/** The written row, or null when another decision got there first (the caller answers 409). */
export async function writeReview(
  db: Db,
  assessmentId: string,
  code: string,
  expectedVersion: number,
  values: ReviewValues,
): Promise<ReviewRow | null> {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(itemReviews)
      .values({ assessmentId, code, ...values, version: 1 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(itemReviews)
    .set({ ...values, version: sql`${itemReviews.version} + 1` })
    .where(
      and(
        eq(itemReviews.assessmentId, assessmentId),
        eq(itemReviews.code, code),
        eq(itemReviews.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Every review row of one assessment, by item code (the unit's view of its appraisal). */
export async function loadReviewsOf(db: Db, assessmentId: string): Promise<Map<string, ReviewRow>> {
  const rows = await db.select().from(itemReviews).where(eq(itemReviews.assessmentId, assessmentId));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Whether the council (or parent unit) closed the appraisal of a group. */
export async function groupAppraisalClosed(db: Db, campaignGroupId: string): Promise<boolean> {
  const [row] = await db
    .select({ closedAt: appraisalBodies.closedAt })
    .from(appraisalBodies)
    .where(eq(appraisalBodies.campaignGroupId, campaignGroupId))
    .limit(1);
  return !!row?.closedAt;
}
