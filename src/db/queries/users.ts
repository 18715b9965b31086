// Reading accounts within an actor's reach: the SQL form of core/policy/user-policy.ts, so lists, counts
// and look-ups agree with the abilities the policy gives each record. Everyone sees their own account; a
// system administrator sees all; a DX office sees the accounts it manages — every role (and council
// seat) within the units it manages, with subtrees only under a subtree role of its own, or, for an
// account that reaches nothing yet, the ones it created. Anything else is absent (404).
import { type SQL, and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { isSystemAdmin, scopeOf } from '../../core/policy/index.ts';
import type { UnitRef, UserRef } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { appraisalBodies, appraisalMembers } from '../schema/appraisal.ts';
import { campaignGroups, campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { actorFromGrants, loadGrantsOf, type GrantRow } from './load-actor.ts';
import type { ScopedActor } from './org-units.ts';
import { ancestryOf, subtreePattern } from './unit-path.ts';

export type UserRow = typeof users.$inferSelect;

/** Council seats reach the campaign owner's subtree: each seat as the owner unit's path. */
const seatsOf = (userColumn: SQL) => sql`select ou.path from appraisal_members am
  join appraisal_bodies ab on ab.id = am.body_id
  join campaign_groups cg on cg.id = ab.campaign_group_id
  join campaigns c on c.id = cg.campaign_id
  join org_units ou on ou.id = c.owner_unit_id
  where am.user_id = ${userColumn}`;

export function visibleUsersCondition(actor: ScopedActor): SQL | undefined {
  if (isSystemAdmin(actor)) return undefined;
  const own = eq(users.id, actor.userId);
  const scope = scopeOf(actor, ['dx_office']);
  if (scope.subtreeRoots.length === 0 && scope.units.length === 0) return own;
  const patterns = scope.subtreeRoots.flatMap((id) => {
    const path = actor.grantPaths.get(id);
    return path ? [subtreePattern(path)] : [];
  });
  const underSubtree = (pathSql: SQL) =>
    patterns.length ? or(...patterns.map((p) => sql`${pathSql} like ${p}`))! : sql`false`;
  // A role is managed when its unit lies under one of the office's subtree roles, or — a role on that one
  // unit only — when the office holds its role on that very unit.
  const roleManaged = or(
    underSubtree(sql`ou.path`),
    scope.units.length
      ? sql`(not ra.subtree and ra.unit_id in (${sql.join(
          scope.units.map((u) => sql`${u}::uuid`),
          sql`, `,
        )}))`
      : sql`false`,
  );
  const roleOutside = sql`exists (select 1 from role_assignments ra join org_units ou on ou.id = ra.unit_id
    where ra.user_id = ${users.id} and (ra.role = 'system_admin' or not (${roleManaged})))`;
  const seatOutside = sql`exists (select 1 from (${seatsOf(sql`${users.id}`)}) seat where not (${underSubtree(sql`seat.path`)}))`;
  const reachesSomething = sql`(exists (select 1 from role_assignments ra where ra.user_id = ${users.id}) or exists (${seatsOf(sql`${users.id}`)}))`;
  return or(
    own,
    and(sql`not ${roleOutside}`, sql`not ${seatOutside}`, or(reachesSomething, eq(users.createdBy, actor.userId))),
  );
}

export async function listVisibleUsers(db: Db, actor: ScopedActor, q: string, page: number, pageSize: number) {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  const where = and(
    visibleUsersCondition(actor),
    ...words.map((w) =>
      or(
        ilike(users.fullNameFolded, `%${w.replace(/[\\%_]/g, '\\$&')}%`),
        ilike(users.username, `%${w.replace(/[\\%_]/g, '\\$&')}%`),
      ),
    ),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: Number(total) };
}

export async function findVisibleUser(db: Db, actor: ScopedActor, id: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibleUsersCondition(actor)))
    .limit(1);
  return row ?? null;
}

/** Owner units of the campaigns on whose councils each user sits. */
export async function loadCouncilSeatsOf(db: Db, userIds: readonly string[]): Promise<Map<string, UnitRef[]>> {
  const byUser = new Map<string, UnitRef[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectDistinct({ userId: appraisalMembers.userId, unitId: orgUnits.id, path: orgUnits.path })
    .from(appraisalMembers)
    .innerJoin(appraisalBodies, eq(appraisalBodies.id, appraisalMembers.bodyId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, appraisalBodies.campaignGroupId))
    .innerJoin(campaigns, eq(campaigns.id, campaignGroups.campaignId))
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId))
    .where(inArray(appraisalMembers.userId, [...userIds]));
  for (const r of rows) byUser.get(r.userId)?.push({ id: r.unitId, ancestry: ancestryOf(r.path) });
  return byUser;
}

export function userRefOf(
  user: Pick<UserRow, 'id' | 'createdBy'>,
  grants: readonly GrantRow[],
  councilSeats: readonly UnitRef[] = [],
): UserRef {
  return {
    id: user.id,
    createdBy: user.createdBy,
    grants: grants.map((g) => ({
      role: g.role,
      unitId: g.unitId,
      subtree: g.subtree,
      unit: { id: g.unitId, ancestry: ancestryOf(g.unitPath) },
    })),
    councilSeats,
  };
}

/** Everything the user policy needs about some accounts: grants (for display too) and policy refs. */
export async function loadUserRefs(
  db: Db,
  rows: readonly Pick<UserRow, 'id' | 'createdBy'>[],
): Promise<Map<string, { grants: GrantRow[]; ref: UserRef }>> {
  const ids = rows.map((r) => r.id);
  const grants = await loadGrantsOf(db, ids);
  const seats = await loadCouncilSeatsOf(db, ids);
  return new Map(
    rows.map((r) => {
      const g = grants.get(r.id) ?? [];
      return [r.id, { grants: g, ref: userRefOf(r, g, seats.get(r.id) ?? []) }];
    }),
  );
}

export { actorFromGrants, loadGrantsOf };
