// Who manages an account's API tokens: whoever manages the account (user policy: every unit it reaches
// is theirs). The command line (actor null) is the operator and may act on any account.
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { type ManagedAccount, loadManagedAccount } from '../users/managed-account.ts';

export interface TokenWho {
  actor: ScopedActor | null;
  audit: AuditActor;
}

/** The account whose tokens are asked for: unreadable → 404, readable but not managed → 403. */
export async function loadTokenAccount(
  db: Db,
  o: { who: TokenWho; userId: string; lock?: boolean },
): Promise<ManagedAccount> {
  return loadManagedAccount(db, {
    actor: o.who.actor,
    userId: o.userId,
    lock: o.lock ?? false,
    forbidden: 'Bạn không có quyền quản lý mã truy cập API của tài khoản này.',
  });
}
