// DELETE /campaigns/{id}: only a draft (no assessment exists before opening); groups and units cascade.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { deleteCampaignRow } from '../../db/queries/campaign-writes.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';

export async function deleteCampaign(db: Db, who: CampaignWho, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { campaign } = await loadCampaignForChange(tx, { who, id, ability: 'delete' });
    await deleteCampaignRow(tx, id);
    await writeAudit(tx, who.audit, {
      action: 'campaign.delete',
      objectType: 'campaign',
      objectId: id,
      unitId: campaign.ownerUnitId,
      before: { name: campaign.name, year: campaign.year, kind: campaign.kind, status: campaign.status },
    });
  });
}
