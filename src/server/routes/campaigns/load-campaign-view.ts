// One campaign as the API shows it, re-read after a change so the answer has fresh abilities.
import type { Db } from '../../../db/client.ts';
import { findReadableCampaign, loadCampaignGroups } from '../../../db/queries/campaigns.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { campaignNotFound } from '../../../app/campaigns/campaign-access.ts';
import { type CampaignView, presentCampaign } from '../../../app/presenters/campaign.ts';

export async function loadCampaignView(db: Db, actor: ScopedActor, id: string): Promise<CampaignView> {
  const row = await findReadableCampaign(db, actor, id);
  if (!row) throw campaignNotFound();
  const groups = await loadCampaignGroups(db, [id]);
  return presentCampaign(row, groups.get(id) ?? [], actor);
}
