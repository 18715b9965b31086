// `thuocdo seed --demo`: the Hà Tĩnh demo province (2023–2024 structure), its groups and one demo
// account per role. Runs only on an empty organisation table, so restarting never duplicates data.
import { count } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { KeySecrets } from '../../server/publication/key-secret.ts';
import type { Db } from '../client.ts';
import { writeAuditBatch } from '../audit/write-audit.ts';
import { roleAssignments, users } from '../schema/accounts.ts';
import { orgUnits } from '../schema/org.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { HA_TINH_GROUPS, HA_TINH_UNITS } from './data/ha-tinh.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seedDemoAppraisal } from './seed-demo-appraisal.ts';
import { seedDemoCampaign } from './seed-demo-campaign.ts';
import { seedDemoLastYear } from './seed-demo-last-year.ts';
import { seedFrameworkPresets } from './seed-frameworks.ts';
import { seedUnits } from './seed-units.ts';

const SEED_ACTOR = { id: null, name: 'seed' };

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(orgUnits);
  return Number(row?.n ?? 0) === 0;
}

/** `secrets` encrypt the signing key of the demo's published campaign. */
export async function seedDemo(db: Db, secrets: KeySecrets): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(db))) return { seeded: false };
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await db.transaction(async (tx) => {
    const ids = await seedUnits(tx, SEED_ACTOR, HA_TINH_UNITS, HA_TINH_GROUPS);
    const inserted = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a, i) => ({ username: a.username, fullName: a.fullName, fullNameFolded: foldVietnamese(a.fullName), passwordHash: hashes[i]!, email: `${a.username.replace(/\./g, '-')}@demo.thuocdo.vn` })))
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    await tx.insert(roleAssignments).values(
      DEMO_ACCOUNTS.map((a) => ({ userId: idOf.get(a.username)!, role: a.role, unitId: ids.get(a.unitCode)!, subtree: a.subtree })),
    );
    await writeAuditBatch(
      tx,
      SEED_ACTOR,
      DEMO_ACCOUNTS.map((a) => ({ action: 'user.create', objectType: 'user', objectId: idOf.get(a.username)!, after: { username: a.username, role: a.role, unitCode: a.unitCode }, reason: 'Dữ liệu mẫu' })),
    );
  });
  await seedFrameworkPresets(db);
  await seedDemoCampaign(db);
  await seedDemoAppraisal(db);
  await seedDemoLastYear(db, secrets);
  return { seeded: true };
}
