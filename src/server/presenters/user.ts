import { userAbilities, type Actor } from '../../core/policy/index.ts';
import type { GrantRow } from '../../db/queries/load-actor.ts';
import { type UserRow, userRefOf } from '../../db/queries/users.ts';

export function presentGrant(g: GrantRow) {
  return { id: g.id, role: g.role, unitId: g.unitId, unitCode: g.unitCode, unitName: g.unitName, subtree: g.subtree };
}

export function presentUser(row: UserRow, grants: readonly GrantRow[], actor: Actor) {
  const a = userAbilities(actor, userRefOf(row.id, grants));
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    active: row.active,
    version: row.version,
    roles: grants.map(presentGrant),
    abilities: { update: a.update, assignRoles: a.assignRoles, deactivate: a.deactivate },
  };
}
