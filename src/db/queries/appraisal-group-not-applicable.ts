// A group's "not applicable" decisions (000 Điều 8.4.b): one row per group and item code, set (or changed)
// and cleared by the chair or vice chair for every unit of the group.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { groupNotApplicable } from '../schema/appraisal.ts';

export type GroupNotApplicableRow = typeof groupNotApplicable.$inferSelect;

export interface GroupNotApplicableValues {
  reason: string;
  replacementCode: string | null;
  decidedBy: string;
  decidedAt: Date;
}

/** The group's decision on one item, if any. */
export async function findGroupNotApplicable(
  db: Db,
  campaignGroupId: string,
  code: string,
): Promise<GroupNotApplicableRow | null> {
  const [row] = await db
    .select()
    .from(groupNotApplicable)
    .where(and(eq(groupNotApplicable.campaignGroupId, campaignGroupId), eq(groupNotApplicable.code, code)));
  return row ?? null;
}

/** Set the decision, or replace the one already there (one row per group and code). */
export async function upsertGroupNotApplicable(
  db: Db,
  campaignGroupId: string,
  code: string,
  values: GroupNotApplicableValues,
): Promise<GroupNotApplicableRow> {
  const [saved] = await db
    .insert(groupNotApplicable)
    .values({ campaignGroupId, code, ...values })
    .onConflictDoUpdate({ target: [groupNotApplicable.campaignGroupId, groupNotApplicable.code], set: values })
    .returning();
  return saved!;
}

export async function deleteGroupNotApplicable(db: Db, campaignGroupId: string, code: string): Promise<void> {
  await db
    .delete(groupNotApplicable)
    .where(and(eq(groupNotApplicable.campaignGroupId, campaignGroupId), eq(groupNotApplicable.code, code)));
}
