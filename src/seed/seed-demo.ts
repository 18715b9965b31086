// `thuocdo seed --demo`: today's Hà Tĩnh (two levels since 1/7/2025; the former three-level structure kept,
// inactive, with its history), its groups, one demo account per role, and three annual campaigns: 2024 on
// the former structure (published), last year on today's (published) and this year's (open). Runs only on
// an empty organisation table, so restarting never duplicates data. docs/demo.md describes it.
import { hashPassword } from '../app/auth/passwords.ts';
import type { KeySecrets } from '../app/publication/key-secret.ts';
import type { Db } from '../db/client.ts';
import { writeAuditBatch } from '../db/audit/write-audit.ts';
import { countOrgUnits } from '../db/queries/seed-demo.ts';
import { insertRoleAssignments, insertUsers } from '../db/queries/user-writes.ts';
import { vietnamDateOf } from '../core/campaign/index.ts';
import { foldVietnamese } from '../core/text/vietnamese.ts';
import { HA_TINH_GROUPS, HA_TINH_UNITS } from './data/ha-tinh.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seedDemoAppraisal } from './seed-demo-appraisal.ts';
import { seedDemoCampaign } from './seed-demo-campaign.ts';
import { seedDemoPublished } from './seed-demo-published.ts';
import { seedFrameworkPresets } from './seed-frameworks.ts';
import { seedUnits } from './seed-units.ts';

const SEED_ACTOR = { id: null, name: 'seed' };

export async function isEmpty(db: Db): Promise<boolean> {
  return (await countOrgUnits(db)) === 0;
}

/** `secrets` encrypt the signing key of the demo's published campaign. */
/** The last year assessed on the three-level structure (districts appraising their communes). */
const FORMER_YEAR = 2024;
const CURRENT_GROUPS = [
  { unitGroup: 'HT.G.XA', indexSet: 'minh-hoa-xa-1000', appraiser: 'council' as const },
  { unitGroup: 'HT.G.SBN', indexSet: 'ht-2878-2023-so', appraiser: 'council' as const },
];
const FORMER_GROUPS = [
  { unitGroup: 'HT.G.CU.XA', indexSet: 'ht-2878-2023-xa', appraiser: 'parent_unit' as const },
  { unitGroup: 'HT.G.CU.SBN', indexSet: 'ht-2878-2023-so', appraiser: 'council' as const },
];

export async function seedDemo(db: Db, secrets: KeySecrets, now = new Date()): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(db))) return { seeded: false };
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await db.transaction(async (tx) => {
    const ids = await seedUnits(tx, SEED_ACTOR, HA_TINH_UNITS, HA_TINH_GROUPS);
    const inserted = await insertUsers(
      tx,
      DEMO_ACCOUNTS.map((a, i) => ({
        username: a.username,
        fullName: a.fullName,
        fullNameFolded: foldVietnamese(a.fullName),
        passwordHash: hashes[i]!,
        email: `${a.username.replace(/\./g, '-')}@demo.thuocdo.vn`,
      })),
    );
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    await insertRoleAssignments(
      tx,
      DEMO_ACCOUNTS.map((a) => ({
        userId: idOf.get(a.username)!,
        role: a.role,
        unitId: ids.get(a.unitCode)!,
        subtree: a.subtree,
      })),
    );
    await writeAuditBatch(
      tx,
      SEED_ACTOR,
      DEMO_ACCOUNTS.map((a) => ({
        action: 'user.create',
        objectType: 'user',
        objectId: idOf.get(a.username)!,
        after: { username: a.username, role: a.role, unitCode: a.unitCode },
        reason: 'Dữ liệu mẫu',
      })),
      now,
    );
  });
  await seedFrameworkPresets(db, { now });
  await seedDemoCampaign(db, now);
  await seedDemoAppraisal(db);
  // The year-over-year view crosses the merger: last year on today's structure, 2024 on the former one.
  const year = Number(vietnamDateOf(now).slice(0, 4));
  if (year - 1 > FORMER_YEAR)
    await seedDemoPublished(db, secrets, {
      year: year - 1,
      office: 'sokhcn',
      label: 'trình diễn',
      groups: CURRENT_GROUPS,
    });
  if (year > FORMER_YEAR)
    await seedDemoPublished(db, secrets, {
      year: FORMER_YEAR,
      office: 'sotttt',
      label: 'trình diễn, cơ cấu 3 cấp',
      groups: FORMER_GROUPS,
    });
  return { seeded: true };
}
