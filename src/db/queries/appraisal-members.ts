// Council members' rows (002 Điều 7.1): the checks behind seating someone (the account, the group's units
// an assignment names) and the member's row seated, changed, removed.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { appraisalBodies, appraisalMembers } from '../schema/appraisal.ts';
import { campaignGroups, campaignUnits } from '../schema/campaigns.ts';

export type MemberRow = typeof appraisalMembers.$inferSelect;
export type MemberValues = Omit<typeof appraisalMembers.$inferInsert, 'id'>;

/** The account to seat: whether it is active and who created it (the caller must manage it). */
export async function seatCandidate(
  db: Db,
  userId: string,
): Promise<{ id: string; active: boolean; createdBy: string | null } | undefined> {
  const [user] = await db
    .select({ id: users.id, active: users.active, createdBy: users.createdBy })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user;
}

/** Which of these units take part in the group (uuids only: anything else cannot). */
export async function groupUnitIdsAmong(
  db: Db,
  campaignGroupId: string,
  unitIds: readonly string[],
): Promise<string[]> {
  const found = await db
    .select({ id: campaignUnits.unitId })
    .from(campaignUnits)
    .where(and(eq(campaignUnits.campaignGroupId, campaignGroupId), inArray(campaignUnits.unitId, [...unitIds])));
  return found.map((r) => r.id);
}

/** The member's id, or null when the account already sits on this body. */
export async function insertMember(db: Db, values: MemberValues): Promise<string | null> {
  const [m] = await db
    .insert(appraisalMembers)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: appraisalMembers.id });
  return m?.id ?? null;
}

/** A member with the campaign and group of its body. */
export async function findMemberWithGroup(
  db: Db,
  memberId: string,
): Promise<{ member: MemberRow; campaignId: string; groupId: string } | undefined> {
  const [row] = await db
    .select({ member: appraisalMembers, campaignId: campaignGroups.campaignId, groupId: campaignGroups.id })
    .from(appraisalMembers)
    .innerJoin(appraisalBodies, eq(appraisalBodies.id, appraisalMembers.bodyId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, appraisalBodies.campaignGroupId))
    .where(eq(appraisalMembers.id, memberId))
    .limit(1);
  return row;
}

export async function updateMemberRow(
  db: Db,
  memberId: string,
  next: Pick<MemberRow, 'position' | 'title' | 'assignment'>,
): Promise<void> {
  await db.update(appraisalMembers).set(next).where(eq(appraisalMembers.id, memberId));
}

export async function deleteMember(db: Db, memberId: string): Promise<void> {
  await db.delete(appraisalMembers).where(eq(appraisalMembers.id, memberId));
}
