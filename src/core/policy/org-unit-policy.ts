// Organisation units: who may see and change which unit.
// - Anyone holding a role that reaches a unit may read it; the ancestors of their units are readable too,
//   as context (a commune clerk sees the district and the province above it).
// - System administrators and DX offices manage the units their role reaches.
// - Only a system administrator creates a root unit.
import { type Actor, type UnitRef, grantCovers, holdsRoleOver, isSystemAdmin } from './actor.ts';

export interface OrgUnitAbilities {
  read: boolean;
  update: boolean;
  move: boolean;
  deactivate: boolean;
  createChild: boolean;
}

const MANAGERS = ['dx_office'] as const;

export function canReadUnit(actor: Actor, unit: UnitRef): boolean {
  if (isSystemAdmin(actor)) return true;
  if (actor.contextUnitIds?.has(unit.id)) return true;
  return actor.grants.some((g) => grantCovers(g, unit));
}

export function orgUnitAbilities(actor: Actor, unit: UnitRef): OrgUnitAbilities {
  const read = canReadUnit(actor, unit);
  const manage = read && holdsRoleOver(actor, MANAGERS, unit);
  return { read, update: manage, move: manage, deactivate: manage, createChild: manage };
}

export function canCreateRootUnit(actor: Actor): boolean {
  return isSystemAdmin(actor);
}

/** Moving needs management of the unit and of the new parent, and the new parent must not be inside the unit. */
export function checkMove(
  actor: Actor,
  unit: UnitRef,
  newParent: UnitRef | null,
): 'ok' | 'forbidden' | 'into_descendant' {
  if (!orgUnitAbilities(actor, unit).move) return 'forbidden';
  if (newParent === null) return canCreateRootUnit(actor) ? 'ok' : 'forbidden';
  if (newParent.ancestry.includes(unit.id)) return 'into_descendant';
  return orgUnitAbilities(actor, newParent).createChild ? 'ok' : 'forbidden';
}
