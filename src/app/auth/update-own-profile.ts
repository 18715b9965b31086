// The signed-in person corrects their own name, e-mail or phone: one audited change (user.profile_update).
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { lockAccountRow, setOwnProfile } from '../../db/queries/auth-accounts.ts';
import { OperationError } from '../errors.ts';

export interface ProfileChange {
  fullName?: string;
  /** undefined keeps the current value; null clears it. */
  email?: string | null;
  phone?: string | null;
}

export async function updateOwnProfile(
  db: Db,
  { who, change, now }: { who: { userId: string; audit: AuditActor }; change: ProfileChange; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockAccountRow(tx, who.userId);
    if (!before) throw new OperationError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    const next = {
      fullName: change.fullName ?? before.fullName,
      email: change.email !== undefined ? change.email : before.email,
      phone: change.phone !== undefined ? change.phone : before.phone,
    };
    await setOwnProfile(tx, who.userId, { ...next, fullNameFolded: foldVietnamese(next.fullName) }, now);
    await writeAudit(tx, who.audit, {
      action: 'user.profile_update',
      objectType: 'user',
      objectId: who.userId,
      before: { fullName: before.fullName, email: before.email, phone: before.phone },
      after: next,
    });
  });
}
