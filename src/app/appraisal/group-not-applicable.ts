// PUT/DELETE /campaigns/{id}/groups/{groupId}/not-applicable/{code} — the chair or vice chair declares an
// item not applicable for EVERY unit of the group (000 Điều 8.4.b: a content not yet directed by the
// higher level, or not deployable), optionally replaced by a council-added indicator under the
// 'replacement' rule (each unit's score for it is then set item by item). Audited with before → after.
import type { CampaignStatus } from '../../core/campaign/index.ts';
import { CAMPAIGN_STATUS_LABELS } from '../../core/campaign/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import {
  type GroupNotApplicableRow,
  deleteGroupNotApplicable,
  findGroupNotApplicable,
  upsertGroupNotApplicable,
} from '../../db/queries/appraisal-group-not-applicable.ts';
import { OperationError, notFound } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import {
  type AppraisalCampaign,
  type GroupRow,
  groupBodyState,
  loadAppraisalCampaign,
  loadGroup,
} from './campaign-appraisal-access.ts';

async function loadForDecision(
  tx: Db,
  who: AppraisalWho,
  campaignId: string,
  groupId: string,
  code: string,
): Promise<{ c: AppraisalCampaign; group: GroupRow; before: GroupNotApplicableRow | null }> {
  const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
  const group = await loadGroup(tx, campaignId, groupId);
  const def = await loadDefinition(tx, group.frameworkId);
  if (!def?.leaves.has(code)) throw notFound(`Bộ chỉ số không có chỉ số thành phần "${code}".`);
  const status = c.campaign.status as CampaignStatus;
  if (status !== 'under_appraisal')
    throw new OperationError(
      'INVALID_STATE',
      `Chỉ quyết định không áp dụng khi đang thẩm định (hiện: "${CAMPAIGN_STATUS_LABELS[status] ?? status}").`,
      { campaignStatus: status },
    );
  const state = await groupBodyState(tx, { actor: who.actor, campaign: c, group });
  if (state.body?.closedAt)
    throw new OperationError('INVALID_STATE', `Hội đồng đã kết thúc thẩm định nhóm "${group.name}".`);
  if (!state.abilities.markGroupNotApplicable)
    throw new OperationError(
      'FORBIDDEN',
      'Chỉ Chủ tịch hoặc Phó Chủ tịch Hội đồng được quyết định không áp dụng chỉ số cho cả nhóm.',
    );
  const before = await findGroupNotApplicable(tx, group.id, code);
  return { c, group, before };
}

export interface SetGroupNotApplicableOptions {
  who: AppraisalWho;
  campaignId: string;
  groupId: string;
  code: string;
  input: { reason: string; replacementCode?: string | null | undefined };
  now: Date;
}

export async function setGroupNotApplicable(
  db: Db,
  { who, campaignId, groupId, code, input, now }: SetGroupNotApplicableOptions,
) {
  return db.transaction(async (tx) => {
    const { c, group, before } = await loadForDecision(tx, who, campaignId, groupId, code);
    const replacementCode = input.replacementCode?.trim() || null;
    if (replacementCode) {
      const issue = (message: string) =>
        new OperationError('VALIDATION_FAILED', message, { issues: [{ path: '/replacementCode', message }] });
      if (c.campaign.rules.notApplicable !== 'replacement')
        throw issue('Quy tắc của kỳ đánh giá là giảm trừ điểm tối đa, không dùng chỉ số thay thế.');
      if ((await loadDefinition(tx, group.frameworkId))!.leaves.has(replacementCode))
        throw issue(
          `"${replacementCode}" là chỉ số của bộ chỉ số: chỉ số thay thế phải là chỉ số do Hội đồng bổ sung.`,
        );
    }
    const values = {
      reason: input.reason.normalize('NFC').trim(),
      replacementCode,
      decidedBy: who.userId,
      decidedAt: now,
    };
    const saved = await upsertGroupNotApplicable(tx, group.id, code, values);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.group_not_applicable.set',
      objectType: 'campaign_group',
      objectId: `${group.id}:${code}`,
      unitId: c.campaign.ownerUnitId,
      before: before
        ? { code, reason: before.reason, replacementCode: before.replacementCode }
        : { code, notApplicable: false },
      after: { code, notApplicable: true, reason: values.reason, replacementCode },
      reason: values.reason,
    });
    return {
      groupId: group.id,
      code,
      reason: saved.reason,
      replacementCode: saved.replacementCode,
      decidedAt: new Date(saved.decidedAt).toISOString(),
    };
  });
}

export interface ClearGroupNotApplicableOptions {
  who: AppraisalWho;
  campaignId: string;
  groupId: string;
  code: string;
}

export async function clearGroupNotApplicable(
  db: Db,
  { who, campaignId, groupId, code }: ClearGroupNotApplicableOptions,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { c, group, before } = await loadForDecision(tx, who, campaignId, groupId, code);
    if (!before) throw notFound('Chỉ số này chưa được quyết định không áp dụng cho cả nhóm.');
    await deleteGroupNotApplicable(tx, group.id, code);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.group_not_applicable.clear',
      objectType: 'campaign_group',
      objectId: `${group.id}:${code}`,
      unitId: c.campaign.ownerUnitId,
      before: { code, notApplicable: true, reason: before.reason, replacementCode: before.replacementCode },
      after: { code, notApplicable: false },
    });
  });
}
