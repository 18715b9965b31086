// The account an operation is about to manage (password, username, active flag, roles, API tokens):
// absent or out of the actor's reach → 404, exactly like a missing one; visible but not managed (one's
// own account) → 403. Locks the row when asked, so concurrent changes to one account serialise.
import { type UserAbilities, type UserRef, userAbilities } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import type { GrantRow } from '../../db/queries/load-actor.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { lockUserById, userById } from '../../db/queries/user-writes.ts';
import { findVisibleUser, loadUserRefs, type UserRow } from '../../db/queries/users.ts';
import { OperationError, notFound } from '../errors.ts';

export interface ManagedAccount {
  row: UserRow;
  grants: GrantRow[];
  ref: UserRef;
  abilities: UserAbilities;
}

export const accountNotFound = () => notFound('Không tìm thấy tài khoản.');

/**
 * Loads the account as `actor` sees it and checks `need` (default: update). A null actor is the command
 * line: the operator, who may act on any account.
 */
export async function loadManagedAccount(
  tx: Db,
  options: {
    actor: ScopedActor | null;
    userId: string;
    need?: keyof UserAbilities;
    lock?: boolean;
    forbidden?: string;
  },
): Promise<ManagedAccount> {
  const { actor, userId } = options;
  const visible = actor ? await findVisibleUser(tx, actor, userId) : await userById(tx, userId);
  if (!visible) throw accountNotFound();
  const row = options.lock ? await lockUserById(tx, userId) : visible;
  if (!row) throw accountNotFound();
  const loaded = (await loadUserRefs(tx, [row])).get(row.id)!;
  const abilities = actor
    ? userAbilities(actor, loaded.ref)
    : { read: true, update: true, assignRoles: true, deactivate: true };
  if (!abilities[options.need ?? 'update'])
    throw new OperationError('FORBIDDEN', options.forbidden ?? 'Bạn không có quyền quản lý tài khoản này.');
  return { row, ...loaded, abilities };
}
