// POST /campaigns/{id}/approve — approval by the competent authority (000 Điều 9.3–9.4): the campaign
// owner (the province's DX office acting for the People's Committee) for a council group, each unit's
// parent (the district) for a parent-unit group. Records the decision number, date and signer; needs the
// group's appraisal closed. When every required approval exists, the campaign moves to 'approved' by the
// status machine (the generic transitions route no longer does it). The decision cannot be dated after
// today in Vietnam (422 DECISION_DATE_IN_FUTURE, issue 13 §6). Only that authority's own DX office approves
// — not a wider role over it — unless the authority delegated approval (competent-authority.ts); an
// approval under a delegation says so in the audit entry and on the published result.
import {
  type CampaignStatus,
  CAMPAIGN_STATUS_LABELS,
  decisionDateProblem,
  nextCampaignStatus,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import { AUTHORITY_ROLES, type Actor, actsFor, canApprove, holdsRoleOver } from '../../core/policy/index.ts';
import { insertApproval, setCampaignStatus } from '../../db/queries/appraisal-publication.ts';
import { delegationsOf } from '../../db/queries/authority-delegations.ts';
import { type RequiredApproval, requiredApprovals } from '../../db/queries/competent-authorities.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { OperationError } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { groupBodyState, loadAppraisalCampaign, loadGroup } from './campaign-appraisal-access.ts';

export interface ApproveInput {
  groupId: string;
  authorityUnitId?: string | undefined;
  decisionNumber: string;
  decisionDate: string;
  signer?: string | null | undefined;
  /** The signer's position in the signature block, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerPosition?: string | null | undefined;
}

export { requiredApprovals } from '../../db/queries/competent-authorities.ts';

/**
 * The refusal of someone who is not the competent authority: a wider role over it (the province over a
 * district's communes, a system administrator) is told who decides and that a delegation would be needed.
 */
export function notCompetent(actor: Actor, parts: readonly RequiredApproval[]): OperationError {
  const wider = parts.filter((p) =>
    holdsRoleOver(actor, AUTHORITY_ROLES, { id: p.authority_id, ancestry: ancestryOf(p.authority_path) }),
  );
  if (wider.length === 0)
    return new OperationError('FORBIDDEN', 'Chỉ cơ quan có thẩm quyền phê duyệt kết quả của nhóm này.');
  const names = [...new Set(wider.map((p) => p.authority_name))];
  return new OperationError(
    'NOT_COMPETENT_AUTHORITY',
    `Chỉ ${names.join(', ')} có thẩm quyền đối với phần kết quả này; cấp trên không làm thay nếu không có ủy quyền được ghi nhận.`,
    { authorities: names },
  );
}

export interface ApproveCampaignOptions {
  who: AppraisalWho;
  campaignId: string;
  input: ApproveInput;
  now: Date;
}

export async function approveCampaign(db: Db, { who, campaignId, input, now }: ApproveCampaignOptions) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const group = await loadGroup(tx, campaignId, input.groupId);
    const status = c.campaign.status as CampaignStatus;
    if (status !== 'under_appraisal')
      throw new OperationError(
        'INVALID_STATE',
        `Không thể phê duyệt khi kỳ đánh giá đang ở trạng thái "${CAMPAIGN_STATUS_LABELS[status] ?? status}".`,
        { campaignStatus: status },
      );
    const required = (await requiredApprovals(tx, campaignId)).filter((r) => r.group_id === group.id);
    const delegations = await delegationsOf(tx, [group.id]);
    const mineToApprove = required.filter((r) => canApprove(who.actor, r.authority_id, status, delegations));
    const target = input.authorityUnitId
      ? required.find((r) => r.authority_id === input.authorityUnitId)
      : mineToApprove.length === 1
        ? mineToApprove[0]
        : undefined;
    if (!target) {
      if (mineToApprove.length === 0) throw notCompetent(who.actor, required);
      throw new OperationError('VALIDATION_FAILED', 'Cần chọn cơ quan phê duyệt.', {
        issues: [{ path: '/authorityUnitId', message: 'Chọn một trong các cơ quan có thẩm quyền' }],
        authorities: required.map((r) => r.authority_id),
      });
    }
    if (!canApprove(who.actor, target.authority_id, status, delegations)) throw notCompetent(who.actor, [target]);
    const state = await groupBodyState(tx, { actor: who.actor, campaign: c, group });
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
      signerPosition: input.signerPosition?.normalize('NFC').trim() || null,
      approvedBy: who.userId,
      approvedAt: now,
    };
    const approval = await insertApproval(tx, values);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.approve',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: target.authority_id,
      after: {
        ...values,
        approvedAt: now.toISOString(),
        delegationId: actsFor(who.actor, AUTHORITY_ROLES, target.authority_id, 'approve', delegations).via?.id,
      },
    });
    const pending = (await requiredApprovals(tx, campaignId)).filter((r) => !r.approved);
    let campaignStatus: CampaignStatus = status;
    if (pending.length === 0) {
      campaignStatus = nextCampaignStatus(status, 'approve')!;
      await setCampaignStatus(tx, campaignId, campaignStatus, now);
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
        id: approval.id,
        groupId: group.id,
        authorityUnitId: target.authority_id,
        decisionNumber: values.decisionNumber,
        decisionDate: values.decisionDate,
        signer: values.signer,
        signerPosition: values.signerPosition,
        approvedAt: now.toISOString(),
      },
      campaignStatus,
      pending: pending.map((p) => ({ groupId: p.group_id, authorityUnitId: p.authority_id })),
    };
  });
}
