// The fixture's reads of the organisation (`thuocdo fixture national`): whether the database is empty, and
// the unit groups the seeded organisation made.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnits, unitGroups } from '../schema/org.ts';

export async function countOrgUnits(db: Db): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(orgUnits);
  return Number(existing?.n ?? 0);
}

/** The id of the unit group with this code, or null. */
export async function unitGroupIdByCode(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.code, code)).limit(1);
  return row?.id ?? null;
}
