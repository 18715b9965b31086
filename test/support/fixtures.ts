// A small province for API tests, in both structures: P → district D1 → communes C1, C2; D2 → C3;
// department S1; and a two-level commune X1 formed from C1 and C2. One account per role; the same
// factories build the demo data (seedUnits) so tests exercise the real seeding code.
import { hashPassword } from '../../src/app/auth/passwords.ts';
import type { Db } from '../../src/db/client.ts';
import { seedUnits } from '../../src/seed/seed-units.ts';
import { roleAssignments, users } from '../../src/db/schema/accounts.ts';
import type { Role } from '../../src/core/policy/roles.ts';
import type { SeedUnit } from '../../src/seed/data/seed-types.ts';

export const PASSWORD = 'Matkhau123';

export const UNITS: SeedUnit[] = [
  { code: 'P', name: 'Tỉnh Thử Nghiệm', type: 'province', parentCode: null },
  { code: 'S1', name: 'Sở Thông tin và Truyền thông', type: 'department', parentCode: 'P' },
  { code: 'D1', name: 'Huyện Đức Thọ', type: 'district', parentCode: 'P' },
  { code: 'C1', name: 'Xã Đức Đồng', type: 'commune', parentCode: 'D1' },
  { code: 'C2', name: 'Xã Đức Lạng', type: 'commune', parentCode: 'D1' },
  { code: 'D2', name: 'Huyện Hương Sơn', type: 'district', parentCode: 'P' },
  { code: 'C3', name: 'Xã Sơn Tây', type: 'commune', parentCode: 'D2' },
  {
    code: 'X1',
    name: 'Xã Đức Đồng Mới',
    type: 'commune',
    parentCode: 'P',
    activeFrom: '2025-07-01',
    formedFrom: { codes: ['C1', 'C2'], effectiveDate: '2025-07-01' },
  },
];

export const ACCOUNTS: { username: string; role: Role; unit: string; subtree: boolean }[] = [
  { username: 'admin', role: 'system_admin', unit: 'P', subtree: true },
  { username: 'office', role: 'dx_office', unit: 'P', subtree: true },
  { username: 'd1office', role: 'dx_office', unit: 'D1', subtree: true },
  { username: 'rep_c1', role: 'unit_reporter', unit: 'C1', subtree: false },
  { username: 'lead_c1', role: 'unit_leader', unit: 'C1', subtree: false },
  { username: 'rep_c3', role: 'unit_reporter', unit: 'C3', subtree: false },
  { username: 'support', role: 'support_team', unit: 'P', subtree: true },
  { username: 'member', role: 'council_member', unit: 'P', subtree: true },
  { username: 'chair', role: 'council_chair', unit: 'P', subtree: true },
  { username: 'viewer', role: 'viewer', unit: 'P', subtree: true },
];

export type Username = (typeof ACCOUNTS)[number]['username'] | 'norole';

let sharedHash: Promise<string> | undefined;

export interface Fixture {
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
}

export async function seedFixture(db: Db): Promise<Fixture> {
  sharedHash ??= hashPassword(PASSWORD);
  const passwordHash = await sharedHash;
  return db.transaction(async (tx) => {
    const unitIds = await seedUnits(tx, { id: null, name: 'test' }, UNITS, [
      { code: 'G.XA', name: 'UBND cấp xã', unitCodes: ['C1', 'C2', 'C3'] },
    ]);
    const all = [...ACCOUNTS.map((a) => a.username), 'norole'];
    const inserted = await tx
      .insert(users)
      .values(
        all.map((u) => ({ username: u, fullName: `Người dùng ${u}`, fullNameFolded: `nguoi dung ${u}`, passwordHash })),
      )
      .returning({ id: users.id, username: users.username });
    const userIds = new Map(inserted.map((u) => [u.username, u.id]));
    await tx.insert(roleAssignments).values(
      ACCOUNTS.map((a) => ({
        userId: userIds.get(a.username)!,
        role: a.role,
        unitId: unitIds.get(a.unit)!,
        subtree: a.subtree,
      })),
    );
    return { unitIds, userIds };
  });
}
