// Who may supply figures to a campaign: a data_supplier or the DX office whose role reaches the campaign's
// owner unit (campaign-policy: supplyFigures), while the campaign is open. Unreadable → 404; readable
// but not a supplier → 403; not open → 409 INVALID_STATE.
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../core/campaign/index.ts';
import { campaignAbilities, holdsRoleOver } from '../../core/policy/index.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type CampaignWithOwner, findReadableCampaign } from '../../db/queries/campaigns.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';
import { campaignNotFound, campaignRefOf } from '../campaigns/campaign-access.ts';

export interface SupplyWho {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

export async function loadCampaignForSupply(db: Db, who: SupplyWho, campaignId: string): Promise<CampaignWithOwner> {
  const row = await findReadableCampaign(db, who.actor, campaignId);
  if (!row) throw campaignNotFound();
  const ref = campaignRefOf(row);
  if (!holdsRoleOver(who.actor, ['dx_office', 'data_supplier'], ref.owner)) {
    throw new OperationError(
      'FORBIDDEN',
      'Chỉ đơn vị cung cấp số liệu hoặc cơ quan chuyên trách chủ trì kỳ đánh giá được cung cấp số liệu.',
    );
  }
  if (!campaignAbilities(who.actor, ref).supplyFigures) {
    const label = CAMPAIGN_STATUS_LABELS[ref.status as CampaignStatus] ?? ref.status;
    throw new OperationError(
      'INVALID_STATE',
      `Kỳ đánh giá đang ở trạng thái "${label}": chỉ nhận số liệu khi kỳ đánh giá đang mở.`,
      { status: ref.status },
    );
  }
  return row;
}
