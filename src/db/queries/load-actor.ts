// Builds the policy's Actor for a user: their role grants and the ancestors of the granted units
// (readable as context).
import { eq, inArray } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../../core/policy/index.ts';
import { isRole } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import { roleAssignments } from '../schema/accounts.ts';
import { ancestryOf } from './unit-path.ts';

export interface GrantRow extends RoleGrant {
  id: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
}

/** Role grants of several users at once, with each unit's code, name and path (for the policy). */
export async function loadGrantsOf(db: Db, userIds: readonly string[]): Promise<Map<string, GrantRow[]>> {
  const byUser = new Map<string, GrantRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      subtree: roleAssignments.subtree,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.userId, [...userIds]));
  for (const { userId, ...r } of rows) if (isRole(r.role)) byUser.get(userId)?.push({ ...r, role: r.role });
  return byUser;
}

export async function loadGrants(db: Db, userId: string): Promise<GrantRow[]> {
  return (await loadGrantsOf(db, [userId])).get(userId) ?? [];
}

export function actorFromGrants(
  userId: string,
  grants: readonly GrantRow[],
): Actor & { grantPaths: Map<string, string> } {
  const contextUnitIds = new Set<string>();
  const grantPaths = new Map<string, string>();
  for (const g of grants) {
    grantPaths.set(g.unitId, g.unitPath);
    for (const id of ancestryOf(g.unitPath)) if (id !== g.unitId) contextUnitIds.add(id);
  }
  return {
    userId,
    grants: grants.map(({ role, unitId, subtree }) => ({ role, unitId, subtree })),
    contextUnitIds,
    grantPaths,
  };
}
