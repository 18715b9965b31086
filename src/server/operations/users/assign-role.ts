// Grants or removes a role on a unit. The actor must manage the account and be allowed to grant that
// role on that unit (a DX office cannot make system administrators).
import { and, eq } from 'drizzle-orm';
import { canGrantRole, type Role, userAbilities } from '../../../core/policy/index.ts';
import { type AuditActor, writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import { findReadableUnit, type ScopedActor } from '../../../db/queries/org-units.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { findVisibleUser, loadGrantsOf, userRefOf } from '../../../db/queries/users.ts';
import { roleAssignments } from '../../../db/schema/accounts.ts';
import { OperationError, notFound } from '../../http/errors.ts';

async function loadManagedAccount(tx: Db, actor: ScopedActor, userId: string) {
  if (!(await findVisibleUser(tx, actor, userId))) throw notFound('Không tìm thấy tài khoản.');
  const grants = (await loadGrantsOf(tx, [userId])).get(userId) ?? [];
  if (!userAbilities(actor, userRefOf(userId, grants)).assignRoles) {
    throw new OperationError('FORBIDDEN', 'Bạn không có quyền phân quyền cho tài khoản này.');
  }
  return grants;
}

export async function assignRole(
  db: Db,
  who: { actor: ScopedActor; audit: AuditActor },
  userId: string,
  input: { role: Role; unitId: string; subtree: boolean },
): Promise<string> {
  return db.transaction(async (tx) => {
    const grants = await loadManagedAccount(tx, who.actor, userId);
    const unit = await findReadableUnit(tx, who.actor, input.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    if (!canGrantRole(who.actor, input.role, { id: unit.id, ancestry: ancestryOf(unit.path) })) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền giao vai trò này trên đơn vị này.');
    }
    if (grants.some((g) => g.role === input.role && g.unitId === input.unitId)) {
      throw new OperationError('ROLE_ALREADY_ASSIGNED', 'Tài khoản đã có vai trò này trên đơn vị này.');
    }
    const [row] = await tx.insert(roleAssignments).values({ userId, role: input.role, unitId: input.unitId, subtree: input.subtree }).returning();
    await writeAudit(tx, who.audit, {
      action: 'role.assign',
      objectType: 'user',
      objectId: userId,
      unitId: input.unitId,
      after: { role: input.role, unitCode: unit.code, subtree: input.subtree },
    });
    return row!.id;
  });
}

export async function removeRole(db: Db, who: { actor: ScopedActor; audit: AuditActor }, userId: string, assignmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const grants = await loadManagedAccount(tx, who.actor, userId);
    const grant = grants.find((g) => g.id === assignmentId);
    if (!grant) throw notFound('Không tìm thấy vai trò.');
    if (!canGrantRole(who.actor, grant.role, { id: grant.unitId, ancestry: ancestryOf(grant.unitPath) })) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền gỡ vai trò này.');
    }
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
    await writeAudit(tx, who.audit, {
      action: 'role.remove',
      objectType: 'user',
      objectId: userId,
      unitId: grant.unitId,
      before: { role: grant.role, unitCode: grant.unitCode, subtree: grant.subtree },
    });
  });
}
