// Index sets (bộ chỉ số) are province-wide documents, not owned by a unit: system administrators and DX
// offices manage them (create, edit drafts, publish, archive, new versions, delete drafts, confirm
// mappings). Every signed-in user reads published and archived versions — a unit must read the set it
// is assessed on, also after it was superseded — while drafts stay visible to managers only.
import type { FrameworkStatus } from '../framework/types.ts';
import { type Actor, holdsAnyRole, isSystemAdmin } from './actor.ts';

export interface FrameworkAbilities {
  read: boolean;
  update: boolean;
  publish: boolean;
  archive: boolean;
  createVersion: boolean;
  delete: boolean;
  confirmMapping: boolean;
}

export function canManageFrameworks(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

/** Whether the actor may see versions in this status at all (drafts are work in progress). */
export function canReadFrameworkStatus(actor: Actor, status: FrameworkStatus): boolean {
  return status !== 'draft' || canManageFrameworks(actor);
}

export function frameworkAbilities(actor: Actor, framework: { status: FrameworkStatus }): FrameworkAbilities {
  const manage = canManageFrameworks(actor);
  const draft = framework.status === 'draft';
  return {
    read: canReadFrameworkStatus(actor, framework.status),
    // A published version is frozen forever; changes go into a new version.
    update: manage && draft,
    publish: manage && draft,
    archive: manage && framework.status === 'published',
    createVersion: manage,
    delete: manage && draft,
    confirmMapping: manage,
  };
}
