// Accounts: system administrators manage everyone; a DX office manages the accounts whose roles all lie
// within the units its role reaches (and accounts with no role yet, so it can set up new staff), and
// may grant any role except system administrator on those units.
import { type Actor, type RoleGrant, type UnitRef, holdsAnyRole, holdsRoleOver, isSystemAdmin } from './actor.ts';
import type { Role } from './roles.ts';

export interface UserAbilities {
  read: boolean;
  update: boolean;
  assignRoles: boolean;
  deactivate: boolean;
}

/** A user record as the policy sees it: each of their grants with the unit's ancestry. */
export interface UserRef {
  id: string;
  grants: readonly (RoleGrant & { unit: UnitRef })[];
}

export function canManageUsers(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

export function userAbilities(actor: Actor, user: UserRef): UserAbilities {
  const self = actor.userId === user.id;
  if (isSystemAdmin(actor)) return { read: true, update: true, assignRoles: !self, deactivate: !self };
  const targetIsAdmin = user.grants.some((g) => g.role === 'system_admin');
  const manage =
    canManageUsers(actor) && !targetIsAdmin && !self && user.grants.every((g) => holdsRoleOver(actor, ['dx_office'], g.unit));
  return { read: manage || self, update: manage, assignRoles: manage, deactivate: manage };
}

export function canGrantRole(actor: Actor, role: Role, unit: UnitRef): boolean {
  if (isSystemAdmin(actor)) return true;
  if (role === 'system_admin') return false;
  return holdsRoleOver(actor, ['dx_office'], unit);
}
