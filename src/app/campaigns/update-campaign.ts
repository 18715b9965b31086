// PATCH /campaigns/{id}: name and rules, while the campaign is a draft, with optimistic concurrency.
import type { CampaignRules } from '../../core/campaign/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { updateCampaignSettings } from '../../db/queries/campaign-writes.ts';
import { versionConflict } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';

export async function updateCampaign(
  db: Db,
  {
    who,
    id,
    input,
    now,
  }: {
    who: CampaignWho;
    id: string;
    input: { name?: string; rules?: CampaignRules; rowVersion: number };
    /** The server clock: the campaign's updated_at. */
    now: Date;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { campaign: before } = await loadCampaignForChange(tx, { who, id, ability: 'update' });
    if (input.rowVersion !== before.rowVersion)
      throw versionConflict({ name: before.name, rules: before.rules, rowVersion: before.rowVersion });
    const after = await updateCampaignSettings(tx, id, {
      name: input.name?.normalize('NFC').trim() ?? before.name,
      rules: input.rules ?? before.rules,
      updatedAt: now,
    });
    await writeAudit(tx, who.audit, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      unitId: before.ownerUnitId,
      before: { name: before.name, rules: before.rules },
      after: { name: after.name, rules: after.rules },
    });
  });
}
