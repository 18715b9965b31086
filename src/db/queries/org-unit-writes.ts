// Writes of organisation units: a unit created (one, or an import's batch), its own fields edited, its
// activity ended, its place in the tree changed. Every change of an existing row bumps its version (the
// optimistic concurrency of the edit forms) and sets updated_at to the time the use case gives.
import { eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import type { OrgUnitRow } from './org-units.ts';
import { subtreePattern } from './unit-path.ts';

export type NewOrgUnitRow = typeof orgUnits.$inferInsert;

export async function insertUnit(tx: Db, values: NewOrgUnitRow): Promise<OrgUnitRow> {
  const [row] = await tx.insert(orgUnits).values(values).returning();
  return row!;
}

/** An import's new units, parents before children, in statements of 500 rows (the parameter limit). */
export async function insertUnits(tx: Db, rows: readonly NewOrgUnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(orgUnits).values(rows.slice(i, i + 500));
}

/** The unit's own fields as the edit form sends them (all of them, the unchanged ones included). */
export async function updateUnitFields(
  tx: Db,
  id: string,
  fields: Pick<OrgUnitRow, 'code' | 'name' | 'nameFolded' | 'type' | 'activeFrom' | 'activeTo'>,
  updatedAt: Date,
): Promise<OrgUnitRow> {
  const [after] = await tx
    .update(orgUnits)
    .set({ ...fields, version: sql`${orgUnits.version} + 1`, updatedAt })
    .where(eq(orgUnits.id, id))
    .returning();
  return after!;
}

/** An import row that changes an existing unit's name or type. */
export async function updateImportedUnit(
  tx: Db,
  id: string,
  fields: Pick<OrgUnitRow, 'name' | 'nameFolded' | 'type'>,
  updatedAt: Date,
): Promise<void> {
  await tx
    .update(orgUnits)
    .set({ ...fields, version: sql`${orgUnits.version} + 1`, updatedAt })
    .where(inArray(orgUnits.id, [id]));
}

/** Ends the unit's activity on `activeTo` (deactivation); returns the row as changed. */
export async function setUnitActiveTo(tx: Db, id: string, activeTo: string, updatedAt: Date): Promise<OrgUnitRow> {
  const [after] = await tx
    .update(orgUnits)
    .set({ activeTo, version: sql`${orgUnits.version} + 1`, updatedAt })
    .where(eq(orgUnits.id, id))
    .returning();
  return after!;
}

/** Ends a predecessor's activity when a lineage change is recorded (nothing read back). */
export async function endUnitActivity(tx: Db, id: string, activeTo: string, updatedAt: Date): Promise<void> {
  await tx
    .update(orgUnits)
    .set({ activeTo, version: sql`${orgUnits.version} + 1`, updatedAt })
    .where(eq(orgUnits.id, id));
}

/** Rewrites the materialised path of every unit of the subtree at `oldPath` (the unit included) to start with `newPath`. */
export async function moveSubtreePaths(tx: Db, oldPath: string, newPath: string): Promise<void> {
  await tx
    .update(orgUnits)
    .set({ path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})` })
    .where(like(orgUnits.path, subtreePattern(oldPath)));
}

/** The unit's new parent (its paths already moved: moveSubtreePaths); returns the row as changed. */
export async function setUnitParent(tx: Db, id: string, parentId: string | null, updatedAt: Date): Promise<OrgUnitRow> {
  const [after] = await tx
    .update(orgUnits)
    .set({ parentId, version: sql`${orgUnits.version} + 1`, updatedAt })
    .where(eq(orgUnits.id, id))
    .returning();
  return after!;
}
