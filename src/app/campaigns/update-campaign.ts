// PATCH /campaigns/{id}: name and rules, while the campaign is a draft, with optimistic concurrency.
import { eq, sql } from 'drizzle-orm';
import type { CampaignRules } from '../../core/campaign/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { campaigns } from '../../db/schema/campaigns.ts';
import { versionConflict } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';

export async function updateCampaign(
  db: Db,
  who: CampaignWho,
  id: string,
  input: { name?: string; rules?: CampaignRules; rowVersion: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { campaign: before } = await loadCampaignForChange(tx, who, id, 'update');
    if (input.rowVersion !== before.rowVersion)
      throw versionConflict({ name: before.name, rules: before.rules, rowVersion: before.rowVersion });
    const [after] = await tx
      .update(campaigns)
      .set({
        name: input.name?.normalize('NFC').trim() ?? before.name,
        rules: input.rules ?? before.rules,
        rowVersion: sql`${campaigns.rowVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(campaigns.id, id))
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      unitId: before.ownerUnitId,
      before: { name: before.name, rules: before.rules },
      after: { name: after!.name, rules: after!.rules },
    });
  });
}
