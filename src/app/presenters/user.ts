import { type Actor, type UserRef, userAbilities } from '../../core/policy/index.ts';
import type { GrantRow } from '../../db/queries/load-actor.ts';
import type { UserRow } from '../../db/queries/users.ts';

export function presentGrant(g: GrantRow) {
  return { id: g.id, role: g.role, unitId: g.unitId, unitCode: g.unitCode, unitName: g.unitName, subtree: g.subtree };
}

/** An account with its roles and what the actor may do with it (user policy). */
export function presentUser(row: UserRow, loaded: { grants: readonly GrantRow[]; ref: UserRef }, actor: Actor) {
  const a = userAbilities(actor, loaded.ref);
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    active: row.active,
    version: row.version,
    roles: loaded.grants.map(presentGrant),
    abilities: { update: a.update, assignRoles: a.assignRoles, deactivate: a.deactivate },
  };
}
