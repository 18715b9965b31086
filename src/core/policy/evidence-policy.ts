// Evidence in a unit's library. The unit's reporters and leader add, edit and remove it (the library
// lives across campaigns, so this does not depend on a campaign being open); whoever may read the unit's
// assessments — unit staff, the DX office reaching the unit, support team, council, viewers — may read and
// download it. Ancestor "context" access to a unit does not reach its evidence.
import { type Actor, type UnitRef, holdsRoleOver } from './actor.ts';
import type { Role } from './roles.ts';

export const EVIDENCE_WRITERS: readonly Role[] = ['unit_reporter', 'unit_leader'];
export const EVIDENCE_READERS: readonly Role[] = [
  ...EVIDENCE_WRITERS,
  'dx_office',
  'support_team',
  'council_member',
  'council_chair',
  'viewer',
];

export interface EvidenceAbilities {
  update: boolean;
  delete: boolean;
  download: boolean;
}

export function canReadUnitEvidence(actor: Actor, unit: UnitRef): boolean {
  return holdsRoleOver(actor, EVIDENCE_READERS, unit);
}

export function canManageUnitEvidence(actor: Actor, unit: UnitRef): boolean {
  return holdsRoleOver(actor, EVIDENCE_WRITERS, unit);
}

export function evidenceAbilities(
  actor: Actor,
  unit: UnitRef,
  evidence: { hasFile: boolean; inUse: boolean },
): EvidenceAbilities {
  const manage = canManageUnitEvidence(actor, unit);
  return {
    update: manage,
    delete: manage && !evidence.inUse,
    download: evidence.hasFile && canReadUnitEvidence(actor, unit),
  };
}
