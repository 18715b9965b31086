// Imports accounts (and their roles) from a table, all or nothing. Every row is checked — usernames
// free, passwords strong, units known and within the actor's reach, roles the actor may grant —
// before anything is written. The importer is recorded as each account's creator (user policy: an
// account imported without a role is managed by its importer and system administrators only).
import { canGrantRole, canManageUsers, orgUnitAbilities } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, type AuditEntryInput, writeAuditBatch } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findUnitsByCodes, type ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { insertRoleAssignments, insertUsers, takenUsernames } from '../../db/queries/user-writes.ts';
import type { RowProblem } from '../../exchange/org-units/parse-units-table.ts';
import type { UserRecord } from '../../exchange/users/parse-users-table.ts';
import { PASSWORD_LENGTH, hashPassword, passwordWeakness } from '../auth/passwords.ts';
import { OperationError } from '../errors.ts';

const USER_COLUMNS = ['', 'Tên đăng nhập', 'Họ và tên', 'Email', 'Điện thoại', 'Mật khẩu', 'Vai trò', 'Mã đơn vị'];

/** `earlier`: the file's own problems (parseUsersTable), reported together with those found here. */
export async function importUsers(
  db: Db,
  o: { who: { actor: ScopedActor; audit: AuditActor }; records: UserRecord[]; earlier?: RowProblem[]; now: Date },
): Promise<{ created: number }> {
  const { who, records, earlier = [] } = o;
  if (!canManageUsers(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo tài khoản.');
  const problems: RowProblem[] = [...earlier];
  const firstRow = new Map<string, UserRecord>();
  for (const r of records) {
    const first = firstRow.get(r.username);
    if (!first) {
      firstRow.set(r.username, r);
      const weakness = passwordWeakness(r.password);
      if (weakness)
        problems.push({
          row: r.row,
          column: 'Mật khẩu',
          code: 'WEAK_PASSWORD',
          params: { ...PASSWORD_LENGTH },
          message: weakness,
        });
    } else if (first.fullName !== r.fullName) {
      problems.push({
        row: r.row,
        column: 'Họ và tên',
        code: 'FULL_NAME_DIFFERS',
        params: { value: r.username, firstRow: first.row },
        message: `Tên đăng nhập "${r.username}" đã có ở dòng ${first.row} với họ tên khác.`,
      });
    }
  }
  const usernames = [...firstRow.keys()];
  const taken = usernames.length ? await takenUsernames(db, usernames) : [];
  for (const username of taken)
    problems.push({
      row: firstRow.get(username)!.row,
      column: 'Tên đăng nhập',
      code: 'USERNAME_TAKEN',
      params: { value: username },
      message: `Tên đăng nhập "${username}" đã tồn tại.`,
    });
  const units = new Map(
    (await findUnitsByCodes(db, [...new Set(records.flatMap((r) => (r.unitCode ? [r.unitCode] : [])))])).map((u) => [
      u.code,
      u,
    ]),
  );
  for (const r of records) {
    if (!r.role || !r.unitCode) continue;
    const found = units.get(r.unitCode);
    // A unit outside the actor's reach is reported exactly like one that does not exist.
    const unit =
      found && orgUnitAbilities(who.actor, { id: found.id, ancestry: ancestryOf(found.path) }).read ? found : undefined;
    if (!unit)
      problems.push({
        row: r.row,
        column: 'Mã đơn vị',
        code: 'UNIT_NOT_FOUND',
        params: { value: r.unitCode },
        message: `Không tìm thấy đơn vị có mã "${r.unitCode}".`,
      });
    else if (!canGrantRole(who.actor, r.role, { id: unit.id, ancestry: ancestryOf(unit.path) }, false)) {
      problems.push({
        row: r.row,
        column: 'Vai trò',
        code: 'NO_RIGHT_TO_GRANT',
        params: { value: r.unitCode },
        message: `Bạn không có quyền giao vai trò này trên đơn vị "${r.unitCode}".`,
      });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row || USER_COLUMNS.indexOf(a.column) - USER_COLUMNS.indexOf(b.column));
    throw new OperationError('IMPORT_INVALID', `Tệp có ${problems.length} lỗi; chưa có tài khoản nào được tạo.`, {
      problems,
    });
  }
  const hashes = new Map<string, string>();
  const queue = [...firstRow.values()];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) hashes.set(r.username, await hashPassword(r.password));
    }),
  );
  return db.transaction(async (tx) => {
    const inserted = await insertUsers(
      tx,
      [...firstRow.values()].map((r) => ({
        username: r.username,
        fullName: r.fullName,
        fullNameFolded: foldVietnamese(r.fullName),
        email: r.email,
        phone: r.phone,
        passwordHash: hashes.get(r.username)!,
        createdBy: who.actor.userId,
      })),
    );
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    const grants = records.flatMap((r) =>
      r.role && r.unitCode
        ? [{ userId: idOf.get(r.username)!, role: r.role, unitId: units.get(r.unitCode)!.id, subtree: false }]
        : [],
    );
    const unique = [...new Map(grants.map((g) => [`${g.userId}/${g.role}/${g.unitId}`, g])).values()];
    if (unique.length) await insertRoleAssignments(tx, unique);
    const audits: AuditEntryInput[] = [...firstRow.values()].map((r) => ({
      action: 'user.create',
      objectType: 'user',
      objectId: idOf.get(r.username)!,
      after: {
        username: r.username,
        fullName: r.fullName,
        email: r.email,
        phone: r.phone,
        roles: records
          .filter((x) => x.username === r.username && x.role)
          .map((x) => ({ role: x.role, unitCode: x.unitCode })),
      },
      reason: 'Nhập từ tệp',
    }));
    await writeAuditBatch(tx, who.audit, audits, o.now);
    return { created: inserted.length };
  });
}
