// POST /campaigns/{id}/groups: one more unit group on a published index-set version (draft only).
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { nextGroupPosition } from '../../db/queries/campaign-groups.ts';
import { bumpCampaignVersion } from '../../db/queries/campaign-writes.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';
import { type GroupInput, insertGroup } from './group-input.ts';

export async function addGroup(
  db: Db,
  {
    who,
    campaignId,
    input,
    now,
  }: {
    who: CampaignWho;
    campaignId: string;
    input: GroupInput;
    /** The server clock: the campaign's updated_at. */
    now: Date;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const c = await loadCampaignForChange(tx, { who, id: campaignId, ability: 'manageUnits' });
    const position = await nextGroupPosition(tx, campaignId);
    const groupId = await insertGroup(tx, { campaignId, group: input, ownerPath: c.ownerPath, position });
    await bumpCampaignVersion(tx, campaignId, now);
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
