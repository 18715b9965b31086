// Who is asking, as plain data: the user and the roles they hold, each on a unit whose ancestry is known.
// Policies are pure functions of (actor, record); the server loads both, the UI only reads abilities.
import type { Role } from './roles.ts';

/** A unit as the policy sees it: its id and the ids from the root down to itself (inclusive). */
export interface UnitRef {
  id: string;
  ancestry: readonly string[];
}

export interface RoleGrant {
  role: Role;
  unitId: string;
  subtree: boolean;
}

export interface Actor {
  userId: string;
  grants: readonly RoleGrant[];
  /** Ids of the ancestors of the granted units: readable as context, not manageable. */
  contextUnitIds?: ReadonlySet<string>;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'system_admin');
}

/** Does this grant reach the unit: the unit itself, or a descendant when the grant covers the subtree. */
export function grantCovers(grant: RoleGrant, unit: UnitRef): boolean {
  if (grant.unitId === unit.id) return true;
  return grant.subtree && unit.ancestry.includes(grant.unitId);
}

/** Does the actor hold any of `roles` reaching the unit (system administrators reach everything). */
export function holdsRoleOver(actor: Actor, roles: readonly Role[], unit: UnitRef): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, unit));
}

export function holdsAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Units to scope a query to: subtree roots (prefix match on path) and single units (exact match). */
export function scopeOf(
  actor: Actor,
  roles?: readonly Role[],
): { all: boolean; subtreeRoots: string[]; units: string[] } {
  if (isSystemAdmin(actor)) return { all: true, subtreeRoots: [], units: [] };
  const relevant = actor.grants.filter((g) => !roles || roles.includes(g.role));
  return {
    all: false,
    subtreeRoots: [...new Set(relevant.filter((g) => g.subtree).map((g) => g.unitId))],
    units: [...new Set(relevant.filter((g) => !g.subtree).map((g) => g.unitId))],
  };
}
