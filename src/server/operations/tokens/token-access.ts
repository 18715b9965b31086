// Who manages an account's API tokens: whoever may edit the account (system administrators; a DX office
// for the accounts whose roles all lie within its reach — user-policy). The command line (actor null) is
// the operator and may act on any account.
import { userAbilities } from '../../../core/policy/index.ts';
import type { AuditActor } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { findVisibleUser, loadGrantsOf, type UserRow, userRefOf } from '../../../db/queries/users.ts';
import { users } from '../../../db/schema/accounts.ts';
import { eq } from 'drizzle-orm';
import { OperationError, notFound } from '../../http/errors.ts';

export interface TokenWho {
  actor: ScopedActor | null;
  audit: AuditActor;
}

const accountNotFound = () => notFound('Không tìm thấy tài khoản.');

/** The account whose tokens are asked for: unreadable → 404, readable but not managed → 403. */
export async function loadManagedAccount(db: Db, who: TokenWho, userId: string): Promise<UserRow> {
  if (!who.actor) {
    const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!row) throw accountNotFound();
    return row;
  }
  const row = await findVisibleUser(db, who.actor, userId);
  if (!row) throw accountNotFound();
  const grants = (await loadGrantsOf(db, [userId])).get(userId) ?? [];
  if (!userAbilities(who.actor, userRefOf(userId, grants)).update) {
    throw new OperationError('FORBIDDEN', 'Bạn không có quyền quản lý mã truy cập API của tài khoản này.');
  }
  return row;
}
