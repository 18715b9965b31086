// DELETE /campaigns/{id}/groups/{groupId}: draft only; its participating units go with it.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { deleteCampaignGroup } from '../../db/queries/campaign-groups.ts';
import { bumpCampaignVersion } from '../../db/queries/campaign-writes.ts';
import { notFound } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';

export async function removeGroup(
  db: Db,
  {
    who,
    campaignId,
    groupId,
    now,
  }: {
    who: CampaignWho;
    campaignId: string;
    groupId: string;
    /** The server clock: the campaign's updated_at. */
    now: Date;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadCampaignForChange(tx, { who, id: campaignId, ability: 'manageUnits' });
    const removed = await deleteCampaignGroup(tx, campaignId, groupId);
    if (!removed) throw notFound('Không tìm thấy nhóm trong kỳ đánh giá.');
    await bumpCampaignVersion(tx, campaignId, now);
    await writeAudit(tx, who.audit, {
      action: 'campaign.group.remove',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      before: removed,
    });
  });
}
