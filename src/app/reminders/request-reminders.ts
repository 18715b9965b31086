// "Gửi nhắc nhở ngay": the DX office running an open campaign asks for reminders now. The scan runs as a
// job (it may e-mail hundreds of people); this only queues it, audited, and says how many units have not
// submitted yet.
import { campaignAbilities } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableCampaign } from '../../db/queries/campaigns.ts';
import { countNotSubmitted } from '../../db/queries/reminders.ts';
import { OperationError } from '../errors.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { REMINDER_SCAN_JOB } from '../jobs/reminder-scan.ts';
import { type CampaignWho, campaignNotFound, campaignRefOf } from '../campaigns/campaign-access.ts';

export interface RequestRemindersOptions {
  who: CampaignWho;
  campaignId: string;
  now: Date;
}

export async function requestReminders(
  db: Db,
  { who, campaignId, now }: RequestRemindersOptions,
): Promise<{ queued: number; jobId: string }> {
  return db.transaction(async (tx) => {
    const row = await findReadableCampaign(tx, who.actor, campaignId);
    if (!row) throw campaignNotFound();
    const abilities = campaignAbilities(who.actor, campaignRefOf(row));
    if (!abilities.transition)
      throw new OperationError('FORBIDDEN', 'Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được gửi nhắc nhở.');
    if (row.campaign.status !== 'open')
      throw new OperationError('INVALID_STATE', 'Chỉ gửi nhắc nhở khi kỳ đánh giá đang mở.', {
        status: row.campaign.status,
      });
    const queued = await countNotSubmitted(tx, campaignId);
    const jobId = await enqueueJob(tx, { kind: REMINDER_SCAN_JOB, payload: { campaignId, manual: true }, runAt: now });
    await writeAudit(tx, who.audit, {
      action: 'campaign.reminders.request',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: row.campaign.ownerUnitId,
      after: { jobId, unitsNotSubmitted: queued },
    });
    return { queued, jobId: jobId! };
  });
}
