// Edits an account the actor manages: profile fields, active flag, or a password reset (which ends the
// user's sessions). Deactivating also ends its sessions.
import { eq, sql } from 'drizzle-orm';
import { userAbilities } from '../../../core/policy/index.ts';
import { foldVietnamese } from '../../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { deleteOtherSessions } from '../../../db/queries/sessions.ts';
import { findVisibleUser, loadGrantsOf, type UserRow, userRefOf } from '../../../db/queries/users.ts';
import { users } from '../../../db/schema/accounts.ts';
import { hashPassword, passwordWeakness } from '../../auth/passwords.ts';
import { OperationError, notFound, versionConflict } from '../../http/errors.ts';
import { publicUserFields } from './create-user.ts';

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  password?: string;
  version?: number;
}

export async function updateUser(db: Db, who: { actor: ScopedActor; audit: AuditActor }, id: string, input: UpdateUserInput): Promise<UserRow> {
  if (input.password !== undefined) {
    const weakness = passwordWeakness(input.password);
    if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const visible = await findVisibleUser(tx, who.actor, id);
    if (!visible) throw notFound('Không tìm thấy tài khoản.');
    const grants = (await loadGrantsOf(tx, [id])).get(id) ?? [];
    const abilities = userAbilities(who.actor, userRefOf(id, grants));
    if (!abilities.update || (input.active === false && !abilities.deactivate)) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền sửa tài khoản này.');
    }
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('Không tìm thấy tài khoản.');
    if (input.version !== undefined && input.version !== before.version) throw versionConflict(publicUserFields(before));
    const fullName = input.fullName ?? before.fullName;
    const [after] = await tx
      .update(users)
      .set({
        fullName,
        fullNameFolded: foldVietnamese(fullName),
        email: input.email !== undefined ? input.email : before.email,
        phone: input.phone !== undefined ? input.phone : before.phone,
        active: input.active ?? before.active,
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (passwordHash || after!.active === false) await deleteOtherSessions(tx, id, null);
    await writeAudit(tx, who.audit, {
      action: passwordHash ? 'user.update_with_password_reset' : 'user.update',
      objectType: 'user',
      objectId: id,
      before: publicUserFields(before),
      after: publicUserFields(after!),
    });
    return after!;
  });
}
