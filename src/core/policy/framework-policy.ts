// Index sets (bộ chỉ số) are issued by a unit's decision — the province's for the sets of departments and
// communes, a district's for its own — and belong to that unit (the owner, the same on every version).
// - The DX offices whose role reaches the owner unit (and system administrators) write a set: edit and
//   delete its drafts, publish, archive, start new versions, import new versions into it, confirm
//   mappings. A district office therefore writes its district's sets, never the province's.
// - Any DX office may issue new sets, owned by a unit its role reaches (by default its own).
// - Reading: every signed-in user reads published and archived versions — a unit must read the set it is
//   assessed on, also after it was superseded — while drafts stay visible to DX offices only.
// - A published version pinned by a campaign that is still running cannot be archived: archiving takes a
//   set out of use, and that campaign could no longer open (nor be seen as using a current set).
import type { CampaignStatus } from '../campaign/types.ts';
import type { FrameworkStatus } from '../framework/types.ts';
import { type Actor, type UnitRef, holdsAnyRole, holdsRoleOver, isSystemAdmin } from './actor.ts';

export interface FrameworkRef {
  status: FrameworkStatus;
  /** The unit that issued the set. */
  owner: UnitRef;
  /** Campaigns still running on this version (see campaignKeepsFrameworkInUse); empty when unknown or none. */
  openCampaigns?: readonly { name: string }[];
}

export interface FrameworkAbilities {
  read: boolean;
  update: boolean;
  publish: boolean;
  archive: boolean;
  createVersion: boolean;
  delete: boolean;
  confirmMapping: boolean;
}

/** Holds an office role somewhere: sees drafts, may issue new sets (for a unit it reaches). */
export function canManageFrameworks(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

/** Whether the actor may issue a set owned by this unit (create it, or import it as a new set). */
export function canIssueFrameworkFor(actor: Actor, owner: UnitRef): boolean {
  return holdsRoleOver(actor, ['dx_office'], owner);
}

/** Whether the actor may see versions in this status at all (drafts are work in progress). */
export function canReadFrameworkStatus(actor: Actor, status: FrameworkStatus): boolean {
  return status !== 'draft' || canManageFrameworks(actor);
}

/** Campaigns that have not published their results still rely on their pinned versions. */
export function campaignKeepsFrameworkInUse(status: CampaignStatus): boolean {
  return status !== 'published' && status !== 'archived';
}

export function frameworkAbilities(actor: Actor, framework: FrameworkRef): FrameworkAbilities {
  const write = canIssueFrameworkFor(actor, framework.owner);
  const draft = framework.status === 'draft';
  const inUse = (framework.openCampaigns?.length ?? 0) > 0;
  return {
    read: canReadFrameworkStatus(actor, framework.status),
    // A published version is frozen forever; changes go into a new version.
    update: write && draft,
    publish: write && draft,
    archive: write && framework.status === 'published' && !inUse,
    createVersion: write,
    delete: write && draft,
    confirmMapping: write,
  };
}
