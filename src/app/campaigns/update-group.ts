// PUT /campaigns/{id}/groups/{groupId}: change a group's version, period, deadlines, appraiser or units
// (draft only; the version must be published; units re-checked like at creation).
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { lockCampaignGroup, updateCampaignGroup } from '../../db/queries/campaign-groups.ts';
import { bumpCampaignVersion } from '../../db/queries/campaign-writes.ts';
import { notFound } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';
import { type GroupInput, checkDates, publishedFramework, resolveUnits, setGroupUnits } from './group-input.ts';

export type GroupPatch = Partial<Omit<GroupInput, 'unitGroupId'>>;

export async function updateGroup(
  db: Db,
  {
    who,
    campaignId,
    groupId,
    input,
    now,
  }: {
    who: CampaignWho;
    campaignId: string;
    groupId: string;
    input: GroupPatch;
    /** The server clock: the campaign's updated_at. */
    now: Date;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadCampaignForChange(tx, { who, id: campaignId, ability: 'manageUnits' });
    const before = await lockCampaignGroup(tx, campaignId, groupId);
    if (!before) throw notFound('Không tìm thấy nhóm trong kỳ đánh giá.');
    const reportingPeriod = input.reportingPeriod ?? { from: before.reportingFrom, to: before.reportingTo };
    const deadlines = {
      selfAssessment: input.deadlines?.selfAssessment ?? before.deadlineSelfAssessment,
      preReview: input.deadlines ? (input.deadlines.preReview ?? null) : before.deadlinePreReview,
      appraisal: input.deadlines ? (input.deadlines.appraisal ?? null) : before.deadlineAppraisal,
      publication: input.deadlines ? (input.deadlines.publication ?? null) : before.deadlinePublication,
    };
    checkDates({ reportingPeriod, deadlines });
    if (input.frameworkId) await publishedFramework(tx, input.frameworkId);
    const after = await updateCampaignGroup(tx, groupId, {
      name: input.name?.normalize('NFC').trim() || before.name,
      frameworkId: input.frameworkId ?? before.frameworkId,
      reportingFrom: reportingPeriod.from,
      reportingTo: reportingPeriod.to,
      deadlineSelfAssessment: deadlines.selfAssessment,
      deadlinePreReview: deadlines.preReview,
      deadlineAppraisal: deadlines.appraisal,
      deadlinePublication: deadlines.publication,
      appraiser: input.appraiser ?? before.appraiser,
    });
    if (input.unitIds) {
      const unitIds = await resolveUnits(tx, {
        ownerPath: c.ownerPath,
        unitGroupId: before.unitGroupId ?? '',
        unitIds: input.unitIds,
      });
      await setGroupUnits(tx, { campaignId, groupId, unitIds });
    }
    await bumpCampaignVersion(tx, campaignId, now);
    await writeAudit(tx, who.audit, {
      action: 'campaign.group.update',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      before,
      after: { ...after, unitCount: input.unitIds ? input.unitIds.length : undefined },
    });
  });
}
