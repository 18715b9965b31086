// Council members (002 Điều 7.1: chair, vice chair, members; a secretary; the support team) with what
// each is assigned — main indicators or node codes, appraisal domains, units (empty = everything).
// Added, changed and removed by the DX office running the campaign, who must manage the account seated
// (user policy); every change audited.
import type { CouncilPosition, MemberAssignment } from '../../core/appraisal/types.ts';
import { managesAccount } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertBodyId, myMemberships } from '../../db/queries/appraisal-bodies.ts';
import {
  deleteMember,
  findMemberWithGroup,
  groupUnitIdsAmong,
  insertMember,
  seatCandidate,
  updateMemberRow,
} from '../../db/queries/appraisal-members.ts';
import { isUuid } from '../../db/queries/org-units.ts';
import { loadUserRefs } from '../../db/queries/users.ts';
import { OperationError, notFound } from '../errors.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import {
  type GroupRow,
  groupBodyState,
  loadAppraisalCampaign,
  loadGroup,
  isCampaignAuthority,
  seesBodies,
} from './campaign-appraisal-access.ts';
import { assertManage } from './save-body.ts';

export interface MemberInput {
  userId: string;
  position: CouncilPosition;
  title?: string | null | undefined;
  assignment: MemberAssignment;
}

const memberNotFound = () => notFound('Không tìm thấy thành viên Hội đồng.');
const invalid = (path: string, message: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

async function checkAssignment(tx: Db, group: GroupRow, a: MemberAssignment): Promise<MemberAssignment> {
  const unitIds = [...new Set(a.unitIds)];
  if (unitIds.length > 0) {
    const ok = new Set(await groupUnitIdsAmong(tx, group.id, unitIds.filter(isUuid)));
    const outside = unitIds.filter((id) => !ok.has(id));
    if (outside.length > 0)
      throw invalid('/assignment/unitIds', `Có ${outside.length} đơn vị không thuộc nhóm "${group.name}".`);
  }
  return {
    nodeCodes: [...new Set(a.nodeCodes.map((c) => c.trim()).filter(Boolean))],
    domains: [...new Set(a.domains.map((d) => d.normalize('NFC').trim()).filter(Boolean))],
    unitIds,
  };
}

export interface AddMemberOptions {
  who: AppraisalWho;
  campaignId: string;
  groupId: string;
  input: MemberInput;
}

export async function addMember(db: Db, { who, campaignId, groupId, input }: AddMemberOptions): Promise<string> {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const group = await loadGroup(tx, campaignId, groupId);
    const state = await groupBodyState(tx, { actor: who.actor, campaign: c, group });
    assertManage(state, c, who.actor);
    if (state.kind === 'parent_unit')
      throw new OperationError(
        'INVALID_STATE',
        'Nhóm này do UBND cấp trên trực tiếp thẩm định: không có thành viên Hội đồng.',
      );
    const user = await seatCandidate(tx, input.userId);
    // A seat gives power over the campaign like a role: only an account the caller manages (or the caller
    // themself) may be seated, so nobody hands council power to an account someone else controls.
    const vouched =
      user &&
      (user.id === who.actor.userId || managesAccount(who.actor, (await loadUserRefs(tx, [user])).get(user.id)!.ref));
    if (!user?.active || !vouched) throw invalid('/userId', 'Không tìm thấy người dùng đang hoạt động.');
    const assignment = await checkAssignment(tx, group, input.assignment);
    let bodyId = state.body?.id;
    if (!bodyId) {
      bodyId = await insertBodyId(tx, group.id, { kind: 'council', name: 'Hội đồng thẩm định' });
      await writeAudit(tx, who.audit, {
        action: 'appraisal.body.create',
        objectType: 'appraisal_body',
        objectId: bodyId,
        unitId: c.campaign.ownerUnitId,
        after: { campaignGroupId: group.id, kind: 'council' },
      });
    }
    const title = input.title?.normalize('NFC').trim() || null;
    const memberId = await insertMember(tx, {
      bodyId,
      userId: input.userId,
      position: input.position,
      title,
      assignment,
    });
    if (!memberId) throw new OperationError('ALREADY_MEMBER', 'Người này đã là thành viên của Hội đồng.');
    await writeAudit(tx, who.audit, {
      action: 'appraisal.member.add',
      objectType: 'appraisal_member',
      objectId: memberId,
      unitId: c.campaign.ownerUnitId,
      after: { bodyId, userId: input.userId, position: input.position, title, assignment },
    });
    return memberId;
  });
}

async function loadMemberForChange(tx: Db, who: AppraisalWho, memberId: string) {
  if (!isUuid(memberId)) throw memberNotFound();
  const row = await findMemberWithGroup(tx, memberId);
  if (!row) throw memberNotFound();
  const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId: row.campaignId, lock: true }).catch(() => {
    throw memberNotFound();
  });
  // A caller who cannot see the campaign's bodies (a participant, another district's office) learns
  // nothing of its members: 404, like an unknown id — not 403, which would confirm the id exists.
  const memberships = await myMemberships(tx, who.actor.userId, [row.groupId]);
  if (
    !seesBodies({
      actor: who.actor,
      campaign: c,
      myMemberships: memberships.size,
      authority: await isCampaignAuthority(tx, who.actor, c.campaign.id),
    })
  )
    throw memberNotFound();
  const group = await loadGroup(tx, row.campaignId, row.groupId);
  assertManage(await groupBodyState(tx, { actor: who.actor, campaign: c, group }), c, who.actor);
  return { member: row.member, group, ownerUnitId: c.campaign.ownerUnitId };
}

export interface UpdateMemberOptions {
  who: AppraisalWho;
  memberId: string;
  input: Partial<Omit<MemberInput, 'userId'>>;
}

export async function updateMember(db: Db, { who, memberId, input }: UpdateMemberOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, group, ownerUnitId } = await loadMemberForChange(tx, who, memberId);
    const next = {
      position: input.position ?? member.position,
      title: input.title === undefined ? member.title : input.title?.normalize('NFC').trim() || null,
      assignment: input.assignment ? await checkAssignment(tx, group, input.assignment) : member.assignment,
    };
    await updateMemberRow(tx, memberId, next);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.member.update',
      objectType: 'appraisal_member',
      objectId: memberId,
      unitId: ownerUnitId,
      before: { position: member.position, title: member.title, assignment: member.assignment },
      after: next,
    });
  });
}

export async function removeMember(db: Db, who: AppraisalWho, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { member, ownerUnitId } = await loadMemberForChange(tx, who, memberId);
    await deleteMember(tx, memberId);
    await writeAudit(tx, who.audit, {
      action: 'appraisal.member.remove',
      objectType: 'appraisal_member',
      objectId: memberId,
      unitId: ownerUnitId,
      before: {
        bodyId: member.bodyId,
        userId: member.userId,
        position: member.position,
        title: member.title,
        assignment: member.assignment,
      },
    });
  });
}
