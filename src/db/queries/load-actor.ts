// Builds the policy's Actor for a user: their role grants and the ancestors of the granted units
// (readable as context). One query.
import { eq } from 'drizzle-orm';
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

export async function loadGrants(db: Db, userId: string): Promise<GrantRow[]> {
  const rows = await db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      subtree: roleAssignments.subtree,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
}

export function actorFromGrants(userId: string, grants: readonly GrantRow[]): Actor & { grantPaths: Map<string, string> } {
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
