// Loading a unit's item for an appraisal decision and asking the policy: unreachable → 404; the campaign
// past appraisal (approved, published, archived) or the group's appraisal closed → 409 INVALID_STATE;
// reachable but not the caller's part (not a member, not assigned, wrong position) → 403.
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../core/campaign/index.ts';
import type { FrameworkNode } from '../../core/framework/types.ts';
import { type AppraisalContext, type ItemAppraisalAbilities, itemAppraisalAbilities } from '../../core/policy/index.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertBodyIfAbsent } from '../../db/queries/appraisal-bodies.ts';
import { type AppraisalRow, findAppraisalRow } from '../../db/queries/appraisal-context.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';

export interface AppraisalWho {
  actor: ScopedActor;
  audit: AuditActor;
  userId: string;
}

export function appraisalContextOf(row: AppraisalRow): AppraisalContext {
  return {
    campaignStatus: row.campaign.status as CampaignStatus,
    bodyKind: row.body?.kind ?? 'council',
    membership: row.membership ? { position: row.membership.position, assignment: row.membership.assignment } : null,
    unit: { id: row.unit.id, ancestry: ancestryOf(row.unit.path) },
    parent:
      row.unit.parentId && row.parentPath ? { id: row.unit.parentId, ancestry: ancestryOf(row.parentPath) } : null,
    delegations: row.delegations,
  };
}

/**
 * Abilities on one item; an appraisal closed for the group leaves reading only. `context` is the row's
 * appraisalContextOf, passed by callers that ask for many items of one assessment (a bulk accept of
 * 10,000 items built it, with the unit's ancestry, for every item).
 */
export function itemAbilitiesOf(
  actor: ScopedActor,
  row: AppraisalRow,
  node: Pick<FrameworkNode, 'code' | 'domain'>,
  context: AppraisalContext = appraisalContextOf(row),
): ItemAppraisalAbilities {
  const a = itemAppraisalAbilities(actor, context, node);
  const closed = row.body?.closedAt !== null && row.body?.closedAt !== undefined;
  const submitted = row.assessment.status === 'submitted';
  const open = !closed && submitted;
  return {
    read: a.read || row.readable,
    propose: a.propose && open,
    appraise: a.appraise && open,
    request: a.request && open,
  };
}

export const assessmentNotFound = () => notFound('Không tìm thấy bản tự đánh giá.');

/** 409 when the campaign is not at the phase the action needs (e.g. after publication). */
export function assertPhase(row: AppraisalRow, allowed: readonly CampaignStatus[], what: string): void {
  const status = row.campaign.status as CampaignStatus;
  if (!allowed.includes(status)) {
    throw new OperationError(
      'INVALID_STATE',
      `Không thể ${what} khi kỳ đánh giá đang ở trạng thái "${CAMPAIGN_STATUS_LABELS[status] ?? status}".`,
      { campaignStatus: status },
    );
  }
  if (row.body?.closedAt)
    throw new OperationError(
      'INVALID_STATE',
      `Hội đồng đã kết thúc thẩm định nhóm "${row.group.name}": không thể ${what}.`,
      { closedAt: row.body.closedAt.toISOString() },
    );
  if (row.assessment.status !== 'submitted')
    throw new OperationError('INVALID_STATE', 'Đơn vị chưa gửi bản tự đánh giá: không có gì để thẩm định.', {
      assessmentStatus: row.assessment.status,
    });
}

export interface ItemTarget {
  row: AppraisalRow;
  def: IndexedDefinition;
  node: FrameworkNode;
}

export interface LoadItemTargetOptions {
  actor: ScopedActor;
  assessmentId: string;
  code: string;
}

/** The assessment (campaign key-share locked) and the leaf `code` of its index set, or 404. */
export async function loadItemTarget(
  tx: Db,
  { actor, assessmentId, code }: LoadItemTargetOptions,
): Promise<ItemTarget> {
  const row = await findAppraisalRow(tx, actor, assessmentId, true);
  if (!row) throw assessmentNotFound();
  const def = await loadDefinition(tx, row.group.frameworkId);
  const node = def?.leaves.get(code);
  if (!def || !node) throw notFound(`Bộ chỉ số không có chỉ số thành phần "${code}".`);
  return { row, def, node };
}

/**
 * A parent-unit group acts without an explicit body; the row is created on the first decision so that
 * closing has something to mark. Council groups get theirs from the DX office (PUT …/body).
 */
export async function ensureBodyRow(
  tx: Db,
  audit: AuditActor,
  row: Pick<AppraisalRow, 'group' | 'body' | 'campaign'>,
): Promise<string | null> {
  if (row.body?.id) return row.body.id;
  if (row.group.appraiser !== 'parent_unit') return null;
  const createdId = await insertBodyIfAbsent(tx, row.group.id, {
    kind: 'parent_unit',
    name: 'UBND cấp trên trực tiếp thẩm định',
  });
  if (!createdId) return null;
  await writeAudit(tx, audit, {
    action: 'appraisal.body.create',
    objectType: 'appraisal_body',
    objectId: createdId,
    unitId: row.campaign.ownerUnitId,
    after: { campaignGroupId: row.group.id, kind: 'parent_unit', automatic: true },
  });
  return createdId;
}

export function forbidden(message: string): OperationError {
  return new OperationError('FORBIDDEN', message);
}
