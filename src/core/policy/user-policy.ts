// Accounts. Whoever may set an account's password can sign in as it, so managing an account — password
// reset, username change, disabling it, granting or removing its roles, its API tokens — is allowed only
// to someone who manages EVERY unit the account reaches:
// - a system administrator manages every account (but never their own roles or active flag);
// - nobody else manages a system administrator;
// - a DX office manages an account when each thing the account reaches lies within the units the office
//   manages: a role on one unit needs an office role reaching that unit; a role on a whole subtree, or a
//   seat on an appraisal council (which reaches the campaign's whole owner unit subtree), needs an office
//   role on a subtree that contains it — an office holding its role on one unit alone does not manage
//   what lies below it;
// - an account that reaches nothing yet (no role, no council seat) is managed only by whoever created it
//   (while they may still manage accounts) and by system administrators: anyone else who could set its
//   password would sign in with whatever role is granted to it later;
// - one's own account is not managed here (own password and profile have their own routes).
// Granting a role, or a council seat, is managing the account as it will be: the granter must manage the
// account now and the unit (with its subtree, when the grant covers it) of what is granted.
import { type Actor, type RoleGrant, type UnitRef, grantCovers, holdsAnyRole, isSystemAdmin } from './actor.ts';
import type { Role } from './roles.ts';

export interface UserAbilities {
  read: boolean;
  update: boolean;
  assignRoles: boolean;
  deactivate: boolean;
}

/** An account as the policy sees it: what it reaches, and who created it. */
export interface UserRef {
  id: string;
  /** Its role grants, each with the unit's ancestry. */
  grants: readonly (RoleGrant & { unit: UnitRef })[];
  /** Owner units of the campaigns on whose appraisal councils it sits (each reached with its subtree). */
  councilSeats?: readonly UnitRef[];
  /** Who created it; null for the command line, the seed, or accounts older than this record. */
  createdBy: string | null;
}

export function canManageUsers(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

/** Does the actor manage the unit — and, with `subtree`, everything below it too. */
export function managesReach(actor: Actor, unit: UnitRef, subtree: boolean): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some((g) => g.role === 'dx_office' && grantCovers(g, unit) && (g.subtree || !subtree));
}

/** Whether the account reaches any unit at all (a role or a council seat). */
export function reachesAnyUnit(user: UserRef): boolean {
  return user.grants.length > 0 || (user.councilSeats?.length ?? 0) > 0;
}

export function managesAccount(actor: Actor, user: UserRef): boolean {
  if (actor.userId === user.id) return false;
  if (isSystemAdmin(actor)) return true;
  if (!canManageUsers(actor)) return false;
  if (user.grants.some((g) => g.role === 'system_admin')) return false;
  if (!reachesAnyUnit(user)) return user.createdBy === actor.userId;
  return (
    user.grants.every((g) => managesReach(actor, g.unit, g.subtree)) &&
    (user.councilSeats ?? []).every((unit) => managesReach(actor, unit, true))
  );
}

export function userAbilities(actor: Actor, user: UserRef): UserAbilities {
  const self = actor.userId === user.id;
  if (isSystemAdmin(actor)) return { read: true, update: true, assignRoles: !self, deactivate: !self };
  const manage = managesAccount(actor, user);
  return { read: manage || self, update: manage, assignRoles: manage, deactivate: manage };
}

/** May the actor grant (or remove) `role` on `unit`, with its subtree when `subtree`. */
export function canGrantRole(actor: Actor, role: Role, unit: UnitRef, subtree: boolean): boolean {
  if (isSystemAdmin(actor)) return true;
  if (role === 'system_admin') return false;
  return managesReach(actor, unit, subtree);
}
