// Campaigns: a DX office runs the campaigns of the units its role reaches (the campaign's owner unit —
// the province's for departments and districts, a district's for its communes). Participants, the
// support team and the council read the campaigns that concern them.
import type { CampaignStatus } from '../campaign/types.ts';
import { isCampaignEditable } from '../campaign/campaign-status.ts';
import { type Actor, type UnitRef, holdsAnyRole, holdsRoleOver, isSystemAdmin } from './actor.ts';

export interface CampaignRef {
  owner: UnitRef;
  status: CampaignStatus;
  /** True when one of the actor's units takes part (computed by the loader, set-based). */
  actorParticipates: boolean;
}

export interface CampaignAbilities {
  read: boolean;
  update: boolean;
  transition: boolean;
  manageUnits: boolean;
  viewProgress: boolean;
  reopenAssessments: boolean;
  recordSubmissions: boolean;
  supplyFigures: boolean;
  delete: boolean;
}

const READERS = ['support_team', 'council_member', 'council_chair', 'viewer'] as const;

export function canCreateCampaign(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

export function campaignAbilities(actor: Actor, c: CampaignRef): CampaignAbilities {
  const manage = holdsRoleOver(actor, ['dx_office'], c.owner);
  const read = manage || c.actorParticipates || holdsRoleOver(actor, READERS, c.owner);
  const editable = isCampaignEditable(c.status);
  return {
    read,
    update: manage && editable,
    transition: manage,
    manageUnits: manage && editable,
    viewProgress: manage || holdsRoleOver(actor, ['support_team', 'council_chair', 'council_member'], c.owner),
    reopenAssessments: manage && c.status === 'open',
    recordSubmissions: manage && c.status === 'open',
    supplyFigures: (manage || holdsRoleOver(actor, ['data_supplier'], c.owner)) && c.status === 'open',
    delete: manage && c.status === 'draft',
  };
}
