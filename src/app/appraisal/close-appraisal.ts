// POST /campaigns/{id}/close-appraisal — the chair closes a group's appraisal (council; the DX office for
// a parent-unit group) only when every item of every submitted unit has a final score or is not
// applicable; otherwise 422 APPRAISAL_INCOMPLETE lists every unit × item still missing. After closing,
// the group's scores no longer change: the competent authority approves them.
import { type CampaignStatus, CAMPAIGN_STATUS_LABELS } from '../../core/campaign/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { loadCampaignScores } from '../../db/queries/campaign-scores.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { closeBody } from '../../db/queries/appraisal-bodies.ts';
import { OperationError } from '../errors.ts';
import { missingOf } from '../publication/campaign-results.ts';
import type { AppraisalIncompleteDetails, MissingFinal } from '../../contract/appraisal.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { ensureBodyRow } from './appraisal-access.ts';
import { groupBodyState, loadAppraisalCampaign, loadGroup } from './campaign-appraisal-access.ts';

export function incomplete(missing: MissingFinal[]): OperationError {
  return new OperationError(
    'APPRAISAL_INCOMPLETE',
    `Còn ${missing.length} chỉ số của các đơn vị chưa có điểm thẩm định.`,
    { missing, count: missing.length } satisfies AppraisalIncompleteDetails,
  );
}

export interface CloseAppraisalOptions {
  who: AppraisalWho;
  campaignId: string;
  groupId: string;
  now: Date;
}

export async function closeAppraisal(db: Db, { who, campaignId, groupId, now }: CloseAppraisalOptions) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const group = await loadGroup(tx, campaignId, groupId);
    const status = c.campaign.status as CampaignStatus;
    if (status !== 'under_appraisal')
      throw new OperationError(
        'INVALID_STATE',
        `Chỉ kết thúc thẩm định khi kỳ đánh giá đang thẩm định (hiện: "${CAMPAIGN_STATUS_LABELS[status] ?? status}").`,
        { campaignStatus: status },
      );
    const state = await groupBodyState(tx, { actor: who.actor, campaign: c, group });
    if (state.body?.closedAt)
      throw new OperationError('INVALID_STATE', `Nhóm "${group.name}" đã kết thúc thẩm định.`, {
        closedAt: state.body.closedAt,
      });
    if (!state.abilities.closeAppraisal)
      throw new OperationError('FORBIDDEN', 'Chỉ Chủ tịch Hội đồng được kết thúc thẩm định.');
    const def = (await loadDefinition(tx, group.frameworkId))!;
    const scores = await loadCampaignScores(tx, campaignId);
    const missing = missingOf(
      scores.assessments.filter((a) => a.groupId === group.id),
      new Map([[group.id, def]]),
      scores.groupNotApplicable,
    );
    if (missing.length > 0) throw incomplete(missing);
    const bodyId = state.body?.id ?? (await ensureBodyRow(tx, who.audit, { group, body: null, campaign: c.campaign }));
    if (!bodyId) throw new OperationError('INVALID_STATE', 'Nhóm chưa có Hội đồng thẩm định.');
    await closeBody(tx, bodyId, who.userId, now);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.close',
      objectType: 'appraisal_body',
      objectId: bodyId,
      unitId: c.campaign.ownerUnitId,
      before: { closedAt: null },
      after: {
        campaignGroupId: group.id,
        closedAt: now.toISOString(),
        units: scores.assessments.filter((a) => a.groupId === group.id && a.status === 'submitted').length,
      },
    });
    return { groupId: group.id, closedAt: now.toISOString() };
  });
}
