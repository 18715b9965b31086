// The signed-in person's own account, as the auth use cases read and change it (login, password change,
// own profile). Managing other people's accounts is db/queries/users.ts.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';

type AccountRow = typeof users.$inferSelect;

/** The account with this (lower-cased) username, active or not: login decides. */
export async function accountByUsername(db: Db, username: string): Promise<AccountRow | null> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return user ?? null;
}

export async function accountById(db: Db, id: string): Promise<AccountRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** The account row locked (FOR UPDATE) for the rest of the transaction: the profile change reads, then writes it. */
export async function lockAccountRow(tx: Db, id: string): Promise<AccountRow | null> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return user ?? null;
}

/** The new password's hash; `now` is both the change's time and the row's updated_at. */
export async function setPasswordHash(tx: Db, id: string, passwordHash: string, now: Date): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, version: sql`${users.version} + 1`, updatedAt: now })
    .where(eq(users.id, id));
}

/** Name (with its folded form for search), e-mail and phone, as the person corrected them. */
export async function setOwnProfile(
  tx: Db,
  id: string,
  profile: Pick<AccountRow, 'fullName' | 'fullNameFolded' | 'email' | 'phone'>,
  updatedAt: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...profile, version: sql`${users.version} + 1`, updatedAt })
    .where(eq(users.id, id));
}
