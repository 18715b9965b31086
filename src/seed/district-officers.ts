// The former districts' own DX offices in the demo's history (000 Điều 8.2, 9.4: until 30/6/2025 each
// district's People's Committee appraised, approved and published its communes — not the province). The
// demo account of Cẩm Xuyên (cx.vhtt) acts for its district; every other former district gets an inactive
// sample account (districts ended on 1/7/2025, so nobody signs in with it), named after its office.
import { foldVietnamese } from '../core/text/vietnamese.ts';
import { writeAuditBatch } from '../db/audit/write-audit.ts';
import type { Db } from '../db/client.ts';
import { actorFromGrants, loadGrants } from '../db/queries/load-actor.ts';
import { dxOfficeHolder, unitNamesByIds } from '../db/queries/seed-demo.ts';
import { insertRoleAssignments, insertUser } from '../db/queries/user-writes.ts';
import type { AppraisalWho } from '../app/appraisal/appraisal-access.ts';

const SEED_ACTOR = { id: null, name: 'seed' };

/** District id → the person acting as its DX office in the seeded history. */
export async function districtOfficers(db: Db, districtIds: readonly string[]): Promise<Map<string, AppraisalWho>> {
  const out = new Map<string, AppraisalWho>();
  if (districtIds.length === 0) return out;
  const districts = await unitNamesByIds(db, districtIds);
  for (const d of districts) {
    const held = await dxOfficeHolder(db, d.id);
    const officer = held ?? (await createOfficer(db, d));
    out.set(d.id, {
      actor: actorFromGrants(officer.id, await loadGrants(db, officer.id)),
      audit: { id: officer.id, name: `${officer.fullName} (dữ liệu mẫu)` },
      userId: officer.id,
    });
  }
  return out;
}

async function createOfficer(db: Db, d: { id: string; code: string; name: string }) {
  const fullName = `Phòng Văn hóa và Thông tin ${d.name}`.normalize('NFC');
  const username = `${d.code.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.vhtt`;
  return db.transaction(async (tx) => {
    const u = await insertUser(tx, {
      username,
      fullName,
      fullNameFolded: foldVietnamese(fullName),
      // No password can match: the account only carries the district's history.
      passwordHash: '!',
      active: false,
    });
    await insertRoleAssignments(tx, [{ userId: u.id, role: 'dx_office', unitId: d.id, subtree: true }]);
    await writeAuditBatch(
      tx,
      SEED_ACTOR,
      [
        {
          action: 'user.create',
          objectType: 'user',
          objectId: u.id,
          after: { username, role: 'dx_office', unitCode: d.code, active: false },
          reason: 'Dữ liệu mẫu: lịch sử cấp huyện (đến 30/6/2025)',
        },
      ],
      new Date(),
    );
    return { id: u.id, fullName: u.fullName };
  });
}
