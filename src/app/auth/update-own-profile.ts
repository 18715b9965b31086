// The signed-in person corrects their own name, e-mail or phone: one audited change (user.profile_update).
import { eq, sql } from 'drizzle-orm';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { OperationError } from '../errors.ts';

export interface ProfileChange {
  fullName?: string;
  /** undefined keeps the current value; null clears it. */
  email?: string | null;
  phone?: string | null;
}

export async function updateOwnProfile(
  db: Db,
  who: { userId: string; audit: AuditActor },
  change: ProfileChange,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, who.userId)).for('update');
    if (!before) throw new OperationError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    const next = {
      fullName: change.fullName ?? before.fullName,
      email: change.email !== undefined ? change.email : before.email,
      phone: change.phone !== undefined ? change.phone : before.phone,
    };
    await tx
      .update(users)
      .set({
        ...next,
        fullNameFolded: foldVietnamese(next.fullName),
        version: sql`${users.version} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, who.userId));
    await writeAudit(tx, who.audit, {
      action: 'user.profile_update',
      objectType: 'user',
      objectId: who.userId,
      before: { fullName: before.fullName, email: before.email, phone: before.phone },
      after: next,
    });
  });
}
