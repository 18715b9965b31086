// Edits an account the actor manages (user policy: every unit the account reaches is the actor's):
// profile fields, username, active flag, or a password reset. A reset or a deactivation ends the user's
// sessions and revokes their API tokens. Out of reach → 404, one's own account → 403.
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { deleteOtherSessions } from '../../db/queries/sessions.ts';
import { updateUserRow, usernameTaken } from '../../db/queries/user-writes.ts';
import type { UserRow } from '../../db/queries/users.ts';
import { hashPassword, passwordWeakness } from '../auth/passwords.ts';
import { OperationError, versionConflict } from '../errors.ts';
import { revokeOwnerTokens } from '../tokens/revoke-owner-tokens.ts';
import { publicUserFields } from './create-user.ts';
import { loadManagedAccount } from './managed-account.ts';

export interface UpdateUserInput {
  username?: string;
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  password?: string;
  version?: number;
}

export async function updateUser(
  db: Db,
  o: {
    who: { actor: ScopedActor; audit: AuditActor };
    id: string;
    input: UpdateUserInput;
    /** The server clock: the row's updated_at. */
    now: Date;
    /** Real time, as change-password.ts stamps: the password's change and the revocation of tokens. */
    realNow: Date;
  },
): Promise<UserRow> {
  const { who, id, input, now, realNow } = o;
  if (input.password !== undefined) {
    const weakness = passwordWeakness(input.password);
    if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const forbidden = 'Bạn không có quyền sửa tài khoản này.';
    const { row: before, abilities } = await loadManagedAccount(tx, {
      actor: who.actor,
      userId: id,
      lock: true,
      forbidden,
    });
    if (input.active === false && !abilities.deactivate) throw new OperationError('FORBIDDEN', forbidden);
    if (input.version !== undefined && input.version !== before.version)
      throw versionConflict(publicUserFields(before));
    const username = input.username ?? before.username;
    if (username !== before.username) {
      if (await usernameTaken(tx, username, id))
        throw new OperationError('USERNAME_TAKEN', `Tên đăng nhập "${username}" đã được sử dụng.`);
    }
    const fullName = input.fullName ?? before.fullName;
    const after = await updateUserRow(tx, id, {
      username,
      fullName,
      fullNameFolded: foldVietnamese(fullName),
      email: input.email !== undefined ? input.email : before.email,
      phone: input.phone !== undefined ? input.phone : before.phone,
      active: input.active ?? before.active,
      ...(passwordHash ? { passwordHash, passwordChangedAt: realNow } : {}),
      updatedAt: now,
    });
    const disabled = before.active && after.active === false;
    if (passwordHash || after.active === false) await deleteOtherSessions(tx, id, null);
    await writeAudit(tx, who.audit, {
      action: passwordHash ? 'user.update_with_password_reset' : 'user.update',
      objectType: 'user',
      objectId: id,
      before: publicUserFields(before),
      after: publicUserFields(after),
    });
    if (passwordHash) await revokeOwnerTokens(tx, { audit: who.audit, userId: id, reason: 'password_reset', realNow });
    else if (disabled)
      await revokeOwnerTokens(tx, { audit: who.audit, userId: id, reason: 'account_disabled', realNow });
    return after;
  });
}
