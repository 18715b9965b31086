// Loading a campaign for a change and asking the policy: unreadable → 404; readable but not run by
// the caller's DX office → 403; settings changed outside the draft → 409 INVALID_STATE.
import { type CampaignAbilities, type CampaignRef, campaignAbilities } from '../../core/policy/index.ts';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../core/campaign/index.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type CampaignWithOwner, findReadableCampaign } from '../../db/queries/campaigns.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';

export interface CampaignWho {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

export function campaignRefOf(c: Pick<CampaignWithOwner, 'campaign' | 'ownerPath' | 'participates'>): CampaignRef {
  return {
    owner: { id: c.campaign.ownerUnitId, ancestry: ancestryOf(c.ownerPath) },
    status: c.campaign.status as CampaignStatus,
    actorParticipates: c.participates,
  };
}

export const campaignNotFound = () => notFound('Không tìm thấy kỳ đánh giá.');

export function notDraft(status: string): OperationError {
  return new OperationError(
    'INVALID_STATE',
    `Kỳ đánh giá đang ở trạng thái "${CAMPAIGN_STATUS_LABELS[status as CampaignStatus] ?? status}": chỉ sửa được cấu hình khi còn là bản nháp.`,
    { status },
  );
}

/** Row-locked campaign the caller manages; `ability` names what is asked (update/delete need a draft). */
export async function loadCampaignForChange(
  tx: Db,
  { who, id, ability }: { who: CampaignWho; id: string; ability: keyof CampaignAbilities },
): Promise<CampaignWithOwner> {
  const row = await findReadableCampaign(tx, who.actor, id, true);
  if (!row) throw campaignNotFound();
  const abilities = campaignAbilities(who.actor, campaignRefOf(row));
  if (!abilities.transition)
    throw new OperationError('FORBIDDEN', 'Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được thực hiện thao tác này.');
  if (!abilities[ability]) throw notDraft(row.campaign.status);
  return row;
}
