// Reads of unit groups and their members for the group pages.
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnits, unitGroupMembers, unitGroups } from '../schema/org.ts';

export async function allUnitGroups(db: Db) {
  return db.select().from(unitGroups);
}

export async function countGroupMembers(db: Db, groupId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(unitGroupMembers)
    .where(eq(unitGroupMembers.groupId, groupId));
  return Number(n);
}

/** The member units of a group, by code. */
export async function groupMemberUnits(db: Db, groupId: string) {
  const ids = (
    await db.select({ id: unitGroupMembers.unitId }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId))
  ).map((r) => r.id);
  return ids.length ? db.select().from(orgUnits).where(inArray(orgUnits.id, ids)).orderBy(asc(orgUnits.code)) : [];
}
