// What the user may open at all: drives the menu. Each record still carries its own abilities.
import { type Actor, holdsAnyRole, isSystemAdmin } from './actor.ts';

export interface GlobalAbilities {
  manageUnits: boolean;
  manageGroups: boolean;
  manageUsers: boolean;
  viewAudit: boolean;
  manageFrameworks: boolean;
  manageCampaigns: boolean;
}

export function globalAbilities(actor: Actor): GlobalAbilities {
  const office = isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
  return {
    manageUnits: office,
    manageGroups: office,
    manageUsers: office,
    viewAudit: office,
    manageFrameworks: office,
    manageCampaigns: office,
  };
}
