// POST /campaigns/{id}/delegations and POST /campaigns/{id}/delegations/{delegationId}/revoke — an authority
// of a group letting another unit's officials act in its place (issue 13 §2; competent-authority.ts): who
// (from), to whom, which powers (appraise, approve, publish), why, under which document; recorded by the
// authority's own DX office, or by the campaign owner's citing the authority's document. Audited; printed
// on the published result; revoked (with a reason), never deleted.
import {
  AUTHORITY_ROLES,
  type AuthorityPower,
  type DelegationProblem,
  delegationProblem,
  holdsRoleAt,
} from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { delegationsOf, insertDelegation, revokeDelegation } from '../../db/queries/authority-delegations.ts';
import { requiredApprovals } from '../../db/queries/competent-authorities.ts';
import { findUnitsByIds } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { loadAppraisalCampaign, loadGroup } from './campaign-appraisal-access.ts';

const PROBLEM_MESSAGES: Record<DelegationProblem, string> = {
  not_an_authority: 'Đơn vị ủy quyền không phải cơ quan có thẩm quyền của nhóm này.',
  same_unit: 'Không thể ủy quyền cho chính mình.',
  delegate_out_of_line: 'Chỉ ủy quyền cho cơ quan chủ trì kỳ đánh giá hoặc cơ quan cấp trên của đơn vị ủy quyền.',
  no_powers: 'Chọn ít nhất một quyền được ủy quyền.',
  reason_required: 'Cần nêu lý do ủy quyền.',
  document_required: 'Cơ quan chủ trì ghi nhận ủy quyền thay cho đơn vị khác cần nêu văn bản ủy quyền của đơn vị đó.',
  not_allowed: 'Chỉ cơ quan ủy quyền hoặc cơ quan chủ trì kỳ đánh giá được ghi nhận ủy quyền.',
};

export interface DelegationInput {
  groupId: string;
  fromUnitId: string;
  toUnitId: string;
  powers: AuthorityPower[];
  reason: string;
  documentRef?: string | null | undefined;
}

export interface RecordDelegationOptions {
  who: AppraisalWho;
  campaignId: string;
  input: DelegationInput;
  now: Date;
}

export async function recordDelegation(db: Db, { who, campaignId, input, now }: RecordDelegationOptions) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const group = await loadGroup(tx, campaignId, input.groupId);
    const status = c.campaign.status;
    if (status === 'published' || status === 'archived')
      throw new OperationError('INVALID_STATE', 'Kỳ đánh giá đã công bố: không ghi nhận thêm ủy quyền.', {
        campaignStatus: status,
      });
    const authorities = (await requiredApprovals(tx, campaignId))
      .filter((r) => r.group_id === group.id)
      .map((r) => ({ id: r.authority_id, path: r.authority_path }));
    const from = authorities.find((a) => a.id === input.fromUnitId);
    const req = {
      fromUnitId: input.fromUnitId,
      toUnitId: input.toUnitId,
      powers: [...new Set(input.powers)],
      reason: input.reason.normalize('NFC').trim(),
      documentRef: input.documentRef?.normalize('NFC').trim() || null,
    };
    const problem = delegationProblem(who.actor, req, {
      authorityUnitIds: authorities.map((a) => a.id),
      ownerUnitId: c.campaign.ownerUnitId,
      fromAncestry: from ? ancestryOf(from.path) : [],
    });
    if (problem)
      throw new OperationError(
        problem === 'not_allowed' ? 'FORBIDDEN' : 'DELEGATION_INVALID',
        PROBLEM_MESSAGES[problem],
        { problem },
      );
    if ((await findUnitsByIds(tx, [req.toUnitId])).length === 0) throw notFound('Không tìm thấy đơn vị được ủy quyền.');
    const row = await insertDelegation(tx, {
      campaignGroupId: group.id,
      ...req,
      recordedBy: who.userId,
      recordedAt: now,
    });
    await writeAudit(tx, who.audit, {
      action: 'appraisal.delegation.record',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: req.fromUnitId,
      after: { delegationId: row.id, groupId: group.id, ...req },
      reason: req.reason,
    });
    return (await delegationsOf(tx, [group.id])).find((d) => d.id === row.id)!;
  });
}

export interface RevokeAuthorityDelegationOptions {
  who: AppraisalWho;
  campaignId: string;
  delegationId: string;
  input: { reason: string };
  now: Date;
}

export async function revokeAuthorityDelegation(
  db: Db,
  { who, campaignId, delegationId, input, now }: RevokeAuthorityDelegationOptions,
) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const groupIds = (await requiredApprovals(tx, campaignId)).map((r) => r.group_id);
    const current = (await delegationsOf(tx, [...new Set(groupIds)])).find((d) => d.id === delegationId);
    if (!current) throw notFound('Không tìm thấy ủy quyền.');
    // Whoever could record it may revoke it: the delegating authority, or the campaign owner's DX office.
    const mayRevoke =
      holdsRoleAt(who.actor, AUTHORITY_ROLES, current.fromUnitId) ||
      holdsRoleAt(who.actor, AUTHORITY_ROLES, c.campaign.ownerUnitId);
    if (!mayRevoke)
      throw new OperationError('FORBIDDEN', PROBLEM_MESSAGES.not_allowed, {
        problem: 'not_allowed' satisfies DelegationProblem,
      });
    const reason = input.reason.normalize('NFC').trim();
    const row = await revokeDelegation(tx, current.groupId, delegationId, { userId: who.userId, at: now, reason });
    if (!row) throw new OperationError('INVALID_STATE', 'Ủy quyền này đã được thu hồi.');
    await writeAudit(tx, who.audit, {
      action: 'appraisal.delegation.revoke',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: current.fromUnitId,
      before: { delegationId, powers: current.powers, toUnitId: current.toUnitId },
      after: { revokedAt: now.toISOString() },
      reason,
    });
    return (await delegationsOf(tx, [current.groupId])).find((d) => d.id === delegationId)!;
  });
}
