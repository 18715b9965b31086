// Changes one's own password; every other session of the user ends (a stolen session does not survive).
import { eq, sql } from 'drizzle-orm';
import { type AuditActor, writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import { deleteOtherSessions } from '../../../db/queries/sessions.ts';
import { users } from '../../../db/schema/accounts.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/passwords.ts';
import { OperationError, notFound } from '../../http/errors.ts';

export async function changeOwnPassword(
  db: Db,
  who: { userId: string; sessionId: string; audit: AuditActor },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const weakness = passwordWeakness(input.newPassword);
  if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  const [user] = await db.select().from(users).where(eq(users.id, who.userId)).limit(1);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new OperationError('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, who.userId));
    await deleteOtherSessions(tx, who.userId, who.sessionId);
    await writeAudit(tx, who.audit, { action: 'user.password_change', objectType: 'user', objectId: who.userId });
  });
}
