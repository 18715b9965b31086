// The statements of the account use cases (src/app/users): look-ups by id and username, the account and
// role-assignment writes. Who may do what is decided by the use cases (user policy); reads within an
// actor's reach are in users.ts.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { roleAssignments, users } from '../schema/accounts.ts';
import { orgUnits } from '../schema/org.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { UserRow } from './users.ts';

type NewUser = typeof users.$inferInsert;
type NewRoleAssignment = typeof roleAssignments.$inferInsert;

/** Any account by id, unscoped: the command line (the operator) only. */
export async function userById(tx: Db, id: string): Promise<UserRow | undefined> {
  return (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0];
}

/** The account's row, locked: concurrent changes to one account serialise. */
export async function lockUserById(tx: Db, id: string): Promise<UserRow | undefined> {
  return (await tx.select().from(users).where(eq(users.id, id)).for('update'))[0];
}

/** Any unit by id, unscoped: the command line (the operator) only. */
export async function unitById(tx: Db, id: string): Promise<OrgUnitRow | undefined> {
  return (await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1))[0];
}

/** Whether another account (any but `exceptId`) already has the username. */
export async function usernameTaken(tx: Db, username: string, exceptId?: string): Promise<boolean> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      exceptId === undefined ? eq(users.username, username) : and(eq(users.username, username), ne(users.id, exceptId)),
    )
    .limit(1);
  return taken !== undefined;
}

/** Those of the usernames some account already has. */
export async function takenUsernames(db: Db, usernames: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, [...usernames]));
  return rows.map((r) => r.username);
}

export async function insertUser(tx: Db, values: NewUser): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

/** Several accounts in one statement; their ids by username. */
export async function insertUsers(tx: Db, values: NewUser[]): Promise<{ id: string; username: string }[]> {
  return tx.insert(users).values(values).returning({ id: users.id, username: users.username });
}

/** An account's fields, with its version bumped (the optimistic check of the next edit: versionConflict). */
export async function updateUserRow(
  tx: Db,
  id: string,
  fields: Omit<Partial<NewUser>, 'id' | 'version'>,
): Promise<UserRow> {
  const [after] = await tx
    .update(users)
    .set({ ...fields, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return after!;
}

/** One role on a unit; returns the assignment's id. */
export async function insertRoleAssignment(tx: Db, values: NewRoleAssignment): Promise<string> {
  const [row] = await tx.insert(roleAssignments).values(values).returning();
  return row!.id;
}

export async function insertRoleAssignments(tx: Db, values: NewRoleAssignment[]): Promise<void> {
  await tx.insert(roleAssignments).values(values);
}

export async function deleteRoleAssignment(tx: Db, assignmentId: string, userId: string): Promise<void> {
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
}
