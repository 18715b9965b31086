// The audit log: system administrators read all of it; a DX office reads the entries about units its
// role reaches. Nobody writes to it except the domain operations themselves, and nobody edits it.
import { type Actor, holdsAnyRole, isSystemAdmin } from './actor.ts';

export function canViewAudit(actor: Actor): boolean {
  return isSystemAdmin(actor) || holdsAnyRole(actor, ['dx_office']);
}

/** Audit queries are scoped to these roles' units (see scopeOf). */
export const AUDIT_READER_ROLES = ['dx_office'] as const;
