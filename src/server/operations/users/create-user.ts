// Creates an account. The password is hashed with argon2id; the audit entry never contains it.
import { eq } from 'drizzle-orm';
import { canManageUsers } from '../../../core/policy/index.ts';
import { foldVietnamese } from '../../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { type UserRow } from '../../../db/queries/users.ts';
import { users } from '../../../db/schema/accounts.ts';
import { hashPassword, passwordWeakness } from '../../auth/passwords.ts';
import { OperationError } from '../../http/errors.ts';

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
  active?: boolean;
}

export function publicUserFields(u: UserRow) {
  return { username: u.username, fullName: u.fullName, email: u.email, phone: u.phone, active: u.active };
}

export async function createUser(db: Db, who: { actor: ScopedActor | null; audit: AuditActor }, input: CreateUserInput): Promise<UserRow> {
  if (who.actor && !canManageUsers(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo tài khoản.');
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (taken) throw new OperationError('USERNAME_TAKEN', `Tên đăng nhập "${input.username}" đã được sử dụng.`);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        fullNameFolded: foldVietnamese(input.fullName),
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
        active: input.active ?? true,
      })
      .returning();
    await writeAudit(tx, who.audit, { action: 'user.create', objectType: 'user', objectId: row!.id, after: publicUserFields(row!) });
    return row!;
  });
}
