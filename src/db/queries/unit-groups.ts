// Unit groups and their members: the reads of the group pages and the writes of the group use cases.
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnits, unitGroupMembers, unitGroups } from '../schema/org.ts';

export type UnitGroupRow = typeof unitGroups.$inferSelect;
export type NewUnitGroupRow = typeof unitGroups.$inferInsert;

export async function allUnitGroups(db: Db) {
  return db.select().from(unitGroups);
}

export async function unitGroupById(db: Db, id: string): Promise<UnitGroupRow | null> {
  const [group] = await db.select().from(unitGroups).where(eq(unitGroups.id, id)).limit(1);
  return group ?? null;
}

/** Whether a group already uses this code (codes are unique). */
export async function unitGroupCodeTaken(db: Db, code: string): Promise<boolean> {
  const [taken] = await db.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.code, code)).limit(1);
  return taken !== undefined;
}

export async function countGroupMembers(db: Db, groupId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(unitGroupMembers)
    .where(eq(unitGroupMembers.groupId, groupId));
  return Number(n);
}

/** The ids of the group's member units (unordered). */
export async function groupMemberIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: unitGroupMembers.unitId })
    .from(unitGroupMembers)
    .where(eq(unitGroupMembers.groupId, groupId));
  return rows.map((r) => r.unitId);
}

/** The member units of a group, by code. */
export async function groupMemberUnits(db: Db, groupId: string) {
  const ids = (
    await db.select({ id: unitGroupMembers.unitId }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId))
  ).map((r) => r.id);
  return ids.length ? db.select().from(orgUnits).where(inArray(orgUnits.id, ids)).orderBy(asc(orgUnits.code)) : [];
}

export async function insertUnitGroup(tx: Db, values: NewUnitGroupRow): Promise<UnitGroupRow> {
  const [row] = await tx.insert(unitGroups).values(values).returning();
  return row!;
}

export async function insertGroupMembers(tx: Db, groupId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length) await tx.insert(unitGroupMembers).values(unitIds.map((unitId) => ({ groupId, unitId })));
}

/** The group's members become exactly these. */
export async function replaceGroupMembers(tx: Db, groupId: string, unitIds: readonly string[]): Promise<void> {
  await tx.delete(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId));
  await insertGroupMembers(tx, groupId, unitIds);
}

/** Name and description, one version up. */
export async function updateUnitGroupRow(
  tx: Db,
  id: string,
  values: { name: string; description: string | null; updatedAt: Date },
): Promise<UnitGroupRow> {
  const [after] = await tx
    .update(unitGroups)
    .set({
      name: values.name,
      description: values.description,
      version: sql`${unitGroups.version} + 1`,
      updatedAt: values.updatedAt,
    })
    .where(eq(unitGroups.id, id))
    .returning();
  return after!;
}

/** Members go with it (on delete cascade); campaign groups set up from it keep their units. */
export async function deleteUnitGroup(tx: Db, id: string): Promise<void> {
  await tx.delete(unitGroups).where(eq(unitGroups.id, id));
}
