// POST /campaigns/{id}/approve — approval by the competent authority (000 Điều 9.3–9.4): the campaign
// owner (the province's DX office acting for the People's Committee) for a council group, each unit's
// parent (the district) for a parent-unit group. Records the decision number, date and signer; needs the
// group's appraisal closed. When every required approval exists, the campaign moves to 'approved' by the
// status machine (the generic transitions route no longer does it). The decision cannot be dated after
// today in Vietnam (422 DECISION_DATE_IN_FUTURE, issue 13 §6).
import { sql } from 'drizzle-orm';
import {
  type CampaignStatus,
  CAMPAIGN_STATUS_LABELS,
  decisionDateProblem,
  nextCampaignStatus,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import { canApprove } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/queries/assessments.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { approvals } from '../../db/schema/appraisal.ts';
import { campaigns } from '../../db/schema/campaigns.ts';
import { eq } from 'drizzle-orm';
import { OperationError } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { groupBodyState, loadAppraisalCampaign, loadGroup } from './campaign-appraisal-access.ts';

export interface ApproveInput {
  groupId: string;
  authorityUnitId?: string | undefined;
  decisionNumber: string;
  decisionDate: string;
  signer?: string | null | undefined;
}

type Required = { group_id: string; authority_id: string; authority_path: string; approved: boolean };

/** Every (group, authority) pair the campaign needs, and whether it is approved. */
export async function requiredApprovals(tx: Db, campaignId: string): Promise<Required[]> {
  return rowsOf<Required>(
    await tx.execute(sql`with req as (
        select distinct g.id as group_id, case when g.appraiser = 'parent_unit' and u.parent_id is not null then u.parent_id else c.owner_unit_id end as authority_id
        from campaign_groups g join campaigns c on c.id = g.campaign_id
        join campaign_units cu on cu.campaign_group_id = g.id join org_units u on u.id = cu.unit_id
        where g.campaign_id = ${campaignId}::uuid)
      select req.group_id, req.authority_id, o.path as authority_path,
        exists (select 1 from approvals a where a.campaign_group_id = req.group_id and a.authority_unit_id = req.authority_id) as approved
      from req join org_units o on o.id = req.authority_id`),
  );
}

export async function approveCampaign(db: Db, who: AppraisalWho, campaignId: string, input: ApproveInput, now: Date) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, who.actor, campaignId, true);
    const group = await loadGroup(tx, campaignId, input.groupId);
    const status = c.campaign.status as CampaignStatus;
    if (status !== 'under_appraisal')
      throw new OperationError(
        'INVALID_STATE',
        `Không thể phê duyệt khi kỳ đánh giá đang ở trạng thái "${CAMPAIGN_STATUS_LABELS[status] ?? status}".`,
        { campaignStatus: status },
      );
    const required = (await requiredApprovals(tx, campaignId)).filter((r) => r.group_id === group.id);
    const mineToApprove = required.filter((r) =>
      canApprove(who.actor, { id: r.authority_id, ancestry: ancestryOf(r.authority_path) }, status),
    );
    const target = input.authorityUnitId
      ? required.find((r) => r.authority_id === input.authorityUnitId)
      : mineToApprove.length === 1
        ? mineToApprove[0]
        : undefined;
    if (!target) {
      if (mineToApprove.length === 0)
        throw new OperationError('FORBIDDEN', 'Chỉ cơ quan có thẩm quyền phê duyệt kết quả của nhóm này.');
      throw new OperationError('VALIDATION_FAILED', 'Cần chọn cơ quan phê duyệt.', {
        issues: [{ path: '/authorityUnitId', message: 'Chọn một trong các cơ quan có thẩm quyền' }],
        authorities: required.map((r) => r.authority_id),
      });
    }
    if (!canApprove(who.actor, { id: target.authority_id, ancestry: ancestryOf(target.authority_path) }, status))
      throw new OperationError('FORBIDDEN', 'Chỉ cơ quan có thẩm quyền phê duyệt kết quả của nhóm này.');
    const state = await groupBodyState(tx, who.actor, c, group);
    if (!state.body?.closedAt)
      throw new OperationError('INVALID_STATE', `Hội đồng chưa kết thúc thẩm định nhóm "${group.name}".`);
    if (target.approved) throw new OperationError('INVALID_STATE', 'Kết quả của nhóm đã được cơ quan này phê duyệt.');
    const future = decisionDateProblem(input.decisionDate, vietnamDateOf(now));
    if (future)
      throw new OperationError('DECISION_DATE_IN_FUTURE', future, {
        decisionDate: input.decisionDate,
        today: vietnamDateOf(now),
        issues: [{ path: '/decisionDate', message: future }],
      });
    const values = {
      campaignGroupId: group.id,
      authorityUnitId: target.authority_id,
      decisionNumber: input.decisionNumber.normalize('NFC').trim(),
      decisionDate: input.decisionDate,
      signer: input.signer?.normalize('NFC').trim() || null,
      approvedBy: who.userId,
      approvedAt: now,
    };
    const [approval] = await tx.insert(approvals).values(values).returning();
    await writeAudit(tx, who.audit, {
      action: 'appraisal.approve',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: target.authority_id,
      after: { ...values, approvedAt: now.toISOString() },
    });
    const pending = (await requiredApprovals(tx, campaignId)).filter((r) => !r.approved);
    let campaignStatus: CampaignStatus = status;
    if (pending.length === 0) {
      campaignStatus = nextCampaignStatus(status, 'approve')!;
      await tx
        .update(campaigns)
        .set({ status: campaignStatus, rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt: now })
        .where(eq(campaigns.id, campaignId));
      await writeAudit(tx, who.audit, {
        action: 'campaign.approve',
        objectType: 'campaign',
        objectId: campaignId,
        unitId: c.campaign.ownerUnitId,
        before: { status },
        after: { status: campaignStatus },
      });
    }
    return {
      approval: {
        id: approval!.id,
        groupId: group.id,
        authorityUnitId: target.authority_id,
        decisionNumber: values.decisionNumber,
        decisionDate: values.decisionDate,
        signer: values.signer,
        approvedAt: now.toISOString(),
      },
      campaignStatus,
      pending: pending.map((p) => ({ groupId: p.group_id, authorityUnitId: p.authority_id })),
    };
  });
}
