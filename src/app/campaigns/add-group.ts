// POST /campaigns/{id}/groups: one more unit group on a published index-set version (draft only).
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { campaignGroups, campaigns } from '../../db/schema/campaigns.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';
import { type GroupInput, insertGroup } from './group-input.ts';

export async function addGroup(db: Db, who: CampaignWho, campaignId: string, input: GroupInput): Promise<string> {
  return db.transaction(async (tx) => {
    const c = await loadCampaignForChange(tx, who, campaignId, 'manageUnits');
    const [pos] = await tx
      .select({ n: sql<number>`coalesce(max(${campaignGroups.position}) + 1, 0)::int` })
      .from(campaignGroups)
      .where(eq(campaignGroups.campaignId, campaignId));
    const groupId = await insertGroup(tx, campaignId, input, c.ownerPath, Number(pos?.n ?? 0));
    await tx
      .update(campaigns)
      .set({ rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId));
    await writeAudit(tx, who.audit, {
      action: 'campaign.group.add',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      after: { groupId, ...input, unitIds: input.unitIds?.length },
    });
    return groupId;
  });
}
