// DELETE /campaigns/{id}/groups/{groupId}: draft only; its participating units go with it.
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { campaignGroups, campaigns } from '../../db/schema/campaigns.ts';
import { notFound } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';

export async function removeGroup(db: Db, who: CampaignWho, campaignId: string, groupId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadCampaignForChange(tx, who, campaignId, 'manageUnits');
    const [removed] = await tx
      .delete(campaignGroups)
      .where(and(eq(campaignGroups.id, groupId), eq(campaignGroups.campaignId, campaignId)))
      .returning();
    if (!removed) throw notFound('Không tìm thấy nhóm trong kỳ đánh giá.');
    await tx
      .update(campaigns)
      .set({ rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId));
    await writeAudit(tx, who.audit, {
      action: 'campaign.group.remove',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      before: removed,
    });
  });
}
