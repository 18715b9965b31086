// Demo: the appraisal council of the demo campaign — for each of its groups a council (Hội đồng thẩm
// định chỉ số chuyển đổi số tỉnh) with the demo accounts hd.chutich (chair), hd.thanhvien (member, on
// everything) and togiupviec (support team), set up through the same audited operations as the API. Does
// nothing when the campaign already has bodies or the accounts are missing.
import { desc, eq, inArray } from 'drizzle-orm';
import type { CouncilPosition } from '../core/appraisal/types.ts';
import { addMember } from '../app/appraisal/members.ts';
import { saveBody } from '../app/appraisal/save-body.ts';
import type { Db } from '../db/client.ts';
import type { ScopedActor } from '../db/queries/org-units.ts';
import { users } from '../db/schema/accounts.ts';
import { appraisalBodies } from '../db/schema/appraisal.ts';
import { campaignGroups, campaigns } from '../db/schema/campaigns.ts';
import { orgUnits } from '../db/schema/org.ts';

const SEED_ACTOR: ScopedActor = {
  userId: '',
  grants: [{ role: 'system_admin', unitId: '', subtree: true }],
  grantPaths: new Map(),
};
const COUNCIL: { username: string; position: CouncilPosition; title: string }[] = [
  { username: 'hd.chutich', position: 'chair', title: 'Lãnh đạo Sở Khoa học và Công nghệ' },
  { username: 'hd.thanhvien', position: 'member', title: 'Lãnh đạo Sở Nội vụ' },
  { username: 'togiupviec', position: 'support', title: 'Chuyên viên Sở Khoa học và Công nghệ' },
];

export async function seedDemoAppraisal(db: Db): Promise<{ bodies: number }> {
  const [campaign] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId))
    .where(eq(orgUnits.code, 'HT'))
    .orderBy(desc(campaigns.createdAt))
    .limit(1);
  if (!campaign) return { bodies: 0 };
  const groups = await db
    .select({ id: campaignGroups.id })
    .from(campaignGroups)
    .where(eq(campaignGroups.campaignId, campaign.id));
  const existing = groups.length
    ? await db
        .select({ id: appraisalBodies.id })
        .from(appraisalBodies)
        .where(
          inArray(
            appraisalBodies.campaignGroupId,
            groups.map((g) => g.id),
          ),
        )
    : [];
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        COUNCIL.map((c) => c.username),
      ),
    );
  if (existing.length > 0 || people.length !== COUNCIL.length) return { bodies: 0 };
  const who = { actor: SEED_ACTOR, audit: { id: null, name: 'seed' }, userId: '' };
  for (const g of groups) {
    await saveBody(db, {
      who,
      campaignId: campaign.id,
      groupId: g.id,
      input: {
        kind: 'council',
        name: 'Hội đồng thẩm định chỉ số chuyển đổi số tỉnh Hà Tĩnh',
        decisionRef: 'Quyết định thành lập Hội đồng (dữ liệu mẫu)',
      },
    });
    for (const m of COUNCIL) {
      const userId = people.find((p) => p.username === m.username)!.id;
      await addMember(db, {
        who,
        campaignId: campaign.id,
        groupId: g.id,
        input: {
          userId,
          position: m.position,
          title: m.title,
          assignment: { nodeCodes: [], domains: [], unitIds: [] },
        },
      });
    }
  }
  return { bodies: groups.length };
}
