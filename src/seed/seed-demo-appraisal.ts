// Demo: the appraisal council of the demo campaign — for each of its groups a council (Hội đồng thẩm
// định chỉ số chuyển đổi số tỉnh) with the demo accounts hd.chutich (chair), hd.thanhvien (member, on
// everything) and togiupviec (support team), set up through the same audited operations as the API. Does
// nothing when the campaign already has bodies or the accounts are missing.
import type { CouncilPosition } from '../core/appraisal/types.ts';
import { addMember } from '../app/appraisal/members.ts';
import { saveBody } from '../app/appraisal/save-body.ts';
import type { Db } from '../db/client.ts';
import type { ScopedActor } from '../db/queries/org-units.ts';
import {
  accountsWithUsernames,
  bodyIdsOfGroups,
  campaignGroupIds,
  latestCampaignOwnedBy,
} from '../db/queries/seed-demo.ts';

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
  const campaign = await latestCampaignOwnedBy(db, 'HT');
  if (!campaign) return { bodies: 0 };
  const groups = await campaignGroupIds(db, campaign.id);
  const existing = await bodyIdsOfGroups(
    db,
    groups.map((g) => g.id),
  );
  const people = await accountsWithUsernames(
    db,
    COUNCIL.map((c) => c.username),
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
