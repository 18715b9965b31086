// PUT /campaigns/{id}/groups/{groupId}/body — the DX office running the campaign sets up who appraises a
// group: a council (Hội đồng thẩm định, 002 Điều 7.1; its members added one by one) or the units'
// parents (000 Điều 8.2: the district appraises its communes). Audited; closed to change after
// publication.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type BodyRow, countMembers, insertBody, updateBody } from '../../db/queries/appraisal-bodies.ts';
import { OperationError } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { holdsRoleOver } from '../../core/policy/index.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import {
  type AppraisalCampaign,
  groupBodyState,
  loadAppraisalCampaign,
  loadGroup,
  ownerRefOf,
} from './campaign-appraisal-access.ts';

export interface BodyInput {
  kind: 'council' | 'parent_unit';
  name: string;
  decisionRef?: string | null | undefined;
}

export function assertManage(
  state: { abilities: { manageMembers: boolean } },
  c: AppraisalCampaign,
  actor: ScopedActor,
): void {
  if (state.abilities.manageMembers) return;
  if (!holdsRoleOver(actor, ['dx_office'], ownerRefOf(c)))
    throw new OperationError(
      'FORBIDDEN',
      'Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được thiết lập Hội đồng thẩm định.',
    );
  throw new OperationError('INVALID_STATE', 'Kết quả đã công bố: không thể thay đổi Hội đồng thẩm định.', {
    campaignStatus: c.campaign.status,
  });
}

export interface SaveBodyOptions {
  who: AppraisalWho;
  campaignId: string;
  groupId: string;
  input: BodyInput;
}

export async function saveBody(db: Db, { who, campaignId, groupId, input }: SaveBodyOptions): Promise<BodyRow> {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const group = await loadGroup(tx, campaignId, groupId);
    const state = await groupBodyState(tx, { actor: who.actor, campaign: c, group });
    assertManage(state, c, who.actor);
    const values = {
      kind: input.kind,
      name: input.name.normalize('NFC').trim(),
      decisionRef: input.decisionRef?.normalize('NFC').trim() || null,
    };
    if (state.body && input.kind === 'parent_unit') {
      if ((await countMembers(tx, state.body.id)) > 0)
        throw new OperationError(
          'INVALID_STATE',
          'Hội đồng còn thành viên: hãy xoá thành viên trước khi chuyển sang thẩm định theo UBND cấp trên.',
        );
    }
    const saved = state.body ? await updateBody(tx, state.body.id, values) : await insertBody(tx, group.id, values);
    await writeAudit(tx, who.audit, {
      action: state.body ? 'appraisal.body.update' : 'appraisal.body.create',
      objectType: 'appraisal_body',
      objectId: saved.id,
      unitId: c.campaign.ownerUnitId,
      before: state.body ? { kind: state.body.kind, name: state.body.name, decisionRef: state.body.decisionRef } : null,
      after: { campaignGroupId: group.id, ...values },
    });
    return saved;
  });
}
