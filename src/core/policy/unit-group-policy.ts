// Unit groups (sets of units assessed and ranked together): managed by system administrators and by the
// DX office whose role reaches the group's owner unit. Members must be units the manager reaches.
import { type Actor, type UnitRef, holdsAnyRole, holdsRoleOver, isSystemAdmin } from './actor.ts';

export interface UnitGroupAbilities {
  read: boolean;
  update: boolean;
  delete: boolean;
}

export function canCreateGroup(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

/** `owner` null: a system-wide group, managed by system administrators and readable by DX offices. */
export function unitGroupAbilities(actor: Actor, owner: UnitRef | null): UnitGroupAbilities {
  if (isSystemAdmin(actor)) return { read: true, update: true, delete: true };
  const manage = owner !== null && holdsRoleOver(actor, ['dx_office'], owner);
  const read =
    manage || holdsAnyRole(actor, ['dx_office', 'support_team', 'council_member', 'council_chair', 'viewer']);
  return { read, update: manage, delete: manage };
}

export function canAddMember(actor: Actor, unit: UnitRef): boolean {
  return holdsRoleOver(actor, ['dx_office'], unit);
}
