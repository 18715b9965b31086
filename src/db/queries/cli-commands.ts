// The look-ups of the command line (src/cli): unscoped, since the operator at the console may see
// everything. Writes go through the use cases (src/app) or the shared write functions of src/db/queries.
import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { frameworks } from '../schema/frameworks.ts';
import { orgUnits } from '../schema/org.ts';
import type { FrameworkRow } from './frameworks.ts';
import type { OrgUnitRow } from './org-units.ts';

/**
 * The oldest root of the unit tree (`thuocdo admin create` grants the first administrator there), or
 * undefined when the tree is empty.
 */
export async function oldestRootUnit(tx: Db): Promise<OrgUnitRow | undefined> {
  const [root] = await tx
    .select()
    .from(orgUnits)
    .where(isNull(orgUnits.parentId))
    .orderBy(asc(orgUnits.createdAt))
    .limit(1);
  return root;
}

/** One index-set version by id, whatever its status (`thuocdo framework export`). */
export async function frameworkById(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id)).limit(1);
  return row;
}

/** The id of the account with this (already normalised) username, if any (`thuocdo token create`). */
export async function userIdWithUsername(db: Db, username: string): Promise<string | undefined> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return user?.id;
}
