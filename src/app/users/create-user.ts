// Creates an account together with its roles, in ONE transaction with its audit entries: an account
// never sits role-less waiting for a second call that anyone else could race (issue 11, finding 3). Each
// role must be one the creator may grant on that unit (with its subtree when asked). The creator is
// recorded: while the account reaches no unit, only they and system administrators manage it. The
// password is hashed with argon2id; no audit entry contains it.
import { type Role, canGrantRole, canManageUsers } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableUnit, type ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { insertRoleAssignments, insertUser, unitById, usernameTaken } from '../../db/queries/user-writes.ts';
import { type UserRow } from '../../db/queries/users.ts';
import { hashPassword, passwordWeakness } from '../auth/passwords.ts';
import { OperationError, notFound } from '../errors.ts';

export interface RoleInput {
  role: Role;
  unitId: string;
  subtree: boolean;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
  active?: boolean;
  /** The account's roles from the start (none: it is managed by its creator alone until it gets one). */
  roles?: readonly RoleInput[];
}

export function publicUserFields(u: UserRow) {
  return { username: u.username, fullName: u.fullName, email: u.email, phone: u.phone, active: u.active };
}

/** The units of the roles, each checked against what the actor may grant; null actor: the command line. */
async function checkRoles(tx: Db, actor: ScopedActor | null, roles: readonly RoleInput[]) {
  const units = [];
  for (const [i, r] of roles.entries()) {
    if (roles.findIndex((x) => x.role === r.role && x.unitId === r.unitId) !== i) {
      throw new OperationError('ROLE_ALREADY_ASSIGNED', 'Một vai trò trên cùng một đơn vị được khai báo hai lần.');
    }
    const unit = actor ? await findReadableUnit(tx, actor, r.unitId) : await unitById(tx, r.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    if (actor && !canGrantRole(actor, r.role, { id: unit.id, ancestry: ancestryOf(unit.path) }, r.subtree)) {
      throw new OperationError('FORBIDDEN', 'Bạn không có quyền giao vai trò này trên đơn vị này.');
    }
    units.push(unit);
  }
  return units;
}

export async function createUser(
  db: Db,
  who: { actor: ScopedActor | null; audit: AuditActor },
  input: CreateUserInput,
): Promise<UserRow> {
  if (who.actor && !canManageUsers(who.actor))
    throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo tài khoản.');
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new OperationError('WEAK_PASSWORD', weakness);
  const roles = input.roles ?? [];
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const units = await checkRoles(tx, who.actor, roles);
    if (await usernameTaken(tx, input.username))
      throw new OperationError('USERNAME_TAKEN', `Tên đăng nhập "${input.username}" đã được sử dụng.`);
    const row = await insertUser(tx, {
      username: input.username,
      fullName: input.fullName,
      fullNameFolded: foldVietnamese(input.fullName),
      email: input.email ?? null,
      phone: input.phone ?? null,
      passwordHash,
      active: input.active ?? true,
      createdBy: who.actor?.userId ?? null,
    });
    await writeAudit(tx, who.audit, {
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      after: publicUserFields(row),
    });
    for (const [i, r] of roles.entries()) {
      const unit = units[i]!;
      await insertRoleAssignments(tx, [{ userId: row.id, role: r.role, unitId: unit.id, subtree: r.subtree }]);
      await writeAudit(tx, who.audit, {
        action: 'role.assign',
        objectType: 'user',
        objectId: row.id,
        unitId: unit.id,
        after: { role: r.role, unitCode: unit.code, subtree: r.subtree },
      });
    }
    return row;
  });
}
