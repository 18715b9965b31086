// Grants or removes a role on a unit. The actor must manage the account as it is (every unit it reaches)
// and may grant that role on that unit, with its subtree when asked — so they manage it as it will be.
// Removing a role revokes the account's API tokens whose scope no longer has a role behind it.
import { type Role, canGrantRole } from '../../core/policy/index.ts';
import { TOKEN_SCOPES, ownerHoldsScope } from '../../core/policy/token-scopes.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableUnit, type ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { deleteRoleAssignment, insertRoleAssignment } from '../../db/queries/user-writes.ts';
import { OperationError, notFound } from '../errors.ts';
import { revokeOwnerTokens } from '../tokens/revoke-owner-tokens.ts';
import { loadManagedAccount } from './managed-account.ts';

const FORBIDDEN_ACCOUNT = 'Bạn không có quyền phân quyền cho tài khoản này.';

export async function assignRole(
  db: Db,
  o: {
    who: { actor: ScopedActor; audit: AuditActor };
    userId: string;
    input: { role: Role; unitId: string; subtree: boolean };
  },
): Promise<string> {
  const { who, userId, input } = o;
  return db.transaction(async (tx) => {
    const { grants } = await loadManagedAccount(tx, {
      actor: who.actor,
      userId,
      need: 'assignRoles',
      lock: true,
      forbidden: FORBIDDEN_ACCOUNT,
    });
    const unit = await findReadableUnit(tx, who.actor, input.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    if (!canGrantRole(who.actor, input.role, { id: unit.id, ancestry: ancestryOf(unit.path) }, input.subtree)) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền giao vai trò này trên đơn vị này.');
    }
    if (grants.some((g) => g.role === input.role && g.unitId === input.unitId)) {
      throw new OperationError('ROLE_ALREADY_ASSIGNED', 'Tài khoản đã có vai trò này trên đơn vị này.');
    }
    const id = await insertRoleAssignment(tx, {
      userId,
      role: input.role,
      unitId: input.unitId,
      subtree: input.subtree,
    });
    await writeAudit(tx, who.audit, {
      action: 'role.assign',
      objectType: 'user',
      objectId: userId,
      unitId: input.unitId,
      after: { role: input.role, unitCode: unit.code, subtree: input.subtree },
    });
    return id;
  });
}

export async function removeRole(
  db: Db,
  o: {
    who: { actor: ScopedActor; audit: AuditActor };
    userId: string;
    assignmentId: string;
    /** Real time (not the business clock) for the revocation of tokens the role stood behind. */
    realNow: Date;
  },
): Promise<void> {
  const { who, userId, assignmentId, realNow } = o;
  await db.transaction(async (tx) => {
    const { grants } = await loadManagedAccount(tx, {
      actor: who.actor,
      userId,
      need: 'assignRoles',
      lock: true,
      forbidden: FORBIDDEN_ACCOUNT,
    });
    const grant = grants.find((g) => g.id === assignmentId);
    if (!grant) throw notFound('Không tìm thấy vai trò.');
    if (
      !canGrantRole(who.actor, grant.role, { id: grant.unitId, ancestry: ancestryOf(grant.unitPath) }, grant.subtree)
    ) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền gỡ vai trò này.');
    }
    await deleteRoleAssignment(tx, assignmentId, userId);
    await writeAudit(tx, who.audit, {
      action: 'role.remove',
      objectType: 'user',
      objectId: userId,
      unitId: grant.unitId,
      before: { role: grant.role, unitCode: grant.unitCode, subtree: grant.subtree },
    });
    const remaining = { userId, grants: grants.filter((g) => g.id !== assignmentId) };
    const lost = TOKEN_SCOPES.filter((scope) => !ownerHoldsScope(remaining, scope));
    await revokeOwnerTokens(tx, { audit: who.audit, userId, reason: 'role_lost', realNow, scopes: lost });
  });
}
