// Changes one's own password. Guesses of the current password are throttled like logins (a stolen
// session must not become a password oracle); every other session of the user ends and the user's API
// tokens are revoked (a stolen session or token does not survive the change).
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { accountById, setPasswordHash } from '../../db/queries/auth-accounts.ts';
import { deleteOtherSessions } from '../../db/queries/sessions.ts';
import { throttledCheck } from './attempt-guard.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { OperationError, notFound } from '../errors.ts';
import { revokeOwnerTokens } from '../tokens/revoke-owner-tokens.ts';

export async function changeOwnPassword(
  db: Db,
  {
    who,
    input,
    realNow,
  }: {
    who: { userId: string; sessionId: string; audit: AuditActor; ip: string };
    input: { currentPassword: string; newPassword: string };
    /**
     * Real time, not the business clock: the throttle's windows and locks, the password's stamp and the
     * revocation of tokens are wall-clock time, as the session and bearer checks read them.
     */
    realNow: Date;
  },
): Promise<void> {
  const weakness = passwordWeakness(input.newPassword);
  if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  const user = await accountById(db, who.userId);
  if (!user) throw notFound();
  const ok = await throttledCheck(db, {
    attempt: { purpose: 'password', account: who.userId, address: who.ip },
    check: () => verifyPassword(user.passwordHash, input.currentPassword),
    now: realNow,
  });
  if (!ok) throw new OperationError('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, who.userId, passwordHash, realNow);
    await deleteOtherSessions(tx, who.userId, who.sessionId);
    await writeAudit(tx, who.audit, { action: 'user.password_change', objectType: 'user', objectId: who.userId });
    await revokeOwnerTokens(tx, { audit: who.audit, userId: who.userId, reason: 'password_changed', realNow });
  });
}
