// Reading accounts within an actor's reach. A DX office sees the accounts whose every role lies in
// units it reaches (and accounts without roles); system administrators see all.
import { type SQL, and, asc, count, eq, or, sql, ilike } from 'drizzle-orm';
import { isSystemAdmin } from '../../core/policy/index.ts';
import type { UserRef } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { roleAssignments, users } from '../schema/accounts.ts';
import { orgUnits } from '../schema/org.ts';
import { actorFromGrants, loadGrantsOf, type GrantRow } from './load-actor.ts';
import { type ScopedActor, unitsReachedCondition } from './org-units.ts';
import { ancestryOf } from './unit-path.ts';

export type UserRow = typeof users.$inferSelect;

export function visibleUsersCondition(actor: ScopedActor): SQL | undefined {
  if (isSystemAdmin(actor)) return undefined;
  const reached = unitsReachedCondition(actor, ['dx_office']) ?? sql`true`;
  const outside = sql`exists (select 1 from ${roleAssignments} ra join ${orgUnits} on ${orgUnits.id} = ra.unit_id
    where ra.user_id = ${users.id} and (ra.role = 'system_admin' or not (${reached})))`;
  const hasOfficeRole = actor.grants.some((g) => g.role === 'dx_office');
  if (!hasOfficeRole) return eq(users.id, actor.userId);
  return or(eq(users.id, actor.userId), sql`not ${outside}`);
}

export async function listVisibleUsers(db: Db, actor: ScopedActor, q: string, page: number, pageSize: number) {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  const where = and(
    visibleUsersCondition(actor),
    ...words.map((w) => or(ilike(users.fullNameFolded, `%${w.replace(/[\\%_]/g, '\\$&')}%`), ilike(users.username, `%${w.replace(/[\\%_]/g, '\\$&')}%`))),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).limit(pageSize).offset((page - 1) * pageSize);
  return { rows, total: Number(total) };
}

export async function findVisibleUser(db: Db, actor: ScopedActor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), visibleUsersCondition(actor))).limit(1);
  return row ?? null;
}

export function userRefOf(userId: string, grants: readonly GrantRow[]): UserRef {
  return { id: userId, grants: grants.map((g) => ({ role: g.role, unitId: g.unitId, subtree: g.subtree, unit: { id: g.unitId, ancestry: ancestryOf(g.unitPath) } })) };
}

export { actorFromGrants, loadGrantsOf };
