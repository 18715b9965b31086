// GET /campaigns/{id}/bodies, PUT /campaigns/{id}/groups/{groupId}/body, POST …/members,
// PATCH/DELETE /appraisal-members/{memberId}.
import { COUNCIL_POSITION_LABELS } from '../../../core/appraisal/index.ts';
import { type CampaignStatus } from '../../../core/campaign/index.ts';
import { bodyAbilities } from '../../../core/policy/index.ts';
import type { Db } from '../../../db/client.ts';
import { loadBodies, loadGroupsOf, loadMembers, myMemberships } from '../../../db/queries/appraisal-bodies.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import {
  isCampaignAuthority,
  loadAppraisalCampaign,
  ownerRefOf,
  seesBodies,
} from '../../../app/appraisal/campaign-appraisal-access.ts';
import { addMember, removeMember, updateMember } from '../../../app/appraisal/members.ts';
import { saveBody } from '../../../app/appraisal/save-body.ts';
import {
  bodiesSchema,
  bodyBody,
  groupParams,
  memberBody,
  memberParams,
  memberPatchBody,
} from '../../../contract/appraisal.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

/** Who sees the bodies: the DX office, overseers of the campaign (support team, council roles, viewers), and members. */
async function loadBodiesView(db: Db, actor: ScopedActor, campaignId: string) {
  const c = await loadAppraisalCampaign(db, { actor, campaignId });
  const groups = await loadGroupsOf(db, campaignId);
  const mine = await myMemberships(
    db,
    actor.userId,
    groups.map((g) => g.id),
  );
  const owner = ownerRefOf(c);
  if (
    !seesBodies({
      actor,
      campaign: c,
      myMemberships: mine.size,
      authority: await isCampaignAuthority(db, actor, campaignId),
    })
  )
    throw new OperationError('FORBIDDEN', 'Bạn không xem được thành phần Hội đồng thẩm định của kỳ đánh giá này.');
  const bodies = await loadBodies(
    db,
    groups.map((g) => g.id),
  );
  const members = await loadMembers(
    db,
    [...bodies.values()].map((b) => b.id),
  );
  return {
    items: groups.map((g) => {
      const b = bodies.get(g.id) ?? null;
      const kind = (b?.kind ?? (g.appraiser === 'parent_unit' ? 'parent_unit' : 'council')) as
        | 'council'
        | 'parent_unit';
      return {
        groupId: g.id,
        groupName: g.name,
        appraiser: g.appraiser,
        body: b
          ? {
              id: b.id,
              kind,
              name: b.name,
              decisionRef: b.decisionRef,
              closedAt: b.closedAt ? new Date(b.closedAt).toISOString() : null,
            }
          : null,
        members: members
          .filter((m) => m.bodyId === b?.id)
          .map((m) => ({ ...m, positionLabel: COUNCIL_POSITION_LABELS[m.position] ?? m.position })),
        myPosition: mine.get(g.id)?.position ?? null,
        abilities: bodyAbilities(actor, {
          campaignStatus: c.campaign.status as CampaignStatus,
          bodyKind: kind,
          membership: mine.get(g.id) ?? null,
          owner,
        }),
      };
    }),
  };
}

export function registerBodyRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns/:id/bodies',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Hội đồng thẩm định của từng nhóm đơn vị và thành viên',
        params: idParams,
        response: { 200: bodiesSchema },
      },
    },
    async (request) => loadBodiesView(deps.db, whoIs(request).actor, request.params.id),
  );
  app.put(
    '/campaigns/:id/groups/:groupId/body',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Thiết lập Hội đồng thẩm định (hoặc UBND cấp trên) của nhóm',
        params: groupParams,
        body: bodyBody,
        response: { 200: bodiesSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await saveBody(deps.db, {
        who,
        campaignId: request.params.id,
        groupId: request.params.groupId,
        input: request.body,
      });
      return loadBodiesView(deps.db, who.actor, request.params.id);
    },
  );
  app.post(
    '/campaigns/:id/groups/:groupId/members',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Thêm thành viên Hội đồng (vị trí, phân công)',
        params: groupParams,
        body: memberBody,
        response: { 201: bodiesSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      await addMember(deps.db, {
        who,
        campaignId: request.params.id,
        groupId: request.params.groupId,
        input: request.body,
      });
      return reply.status(201).send(await loadBodiesView(deps.db, who.actor, request.params.id));
    },
  );
  app.patch(
    '/appraisal-members/:memberId',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Sửa vị trí, chức danh, phân công của thành viên',
        params: memberParams,
        body: memberPatchBody,
      },
    },
    async (request, reply) => {
      await updateMember(deps.db, { who: whoIs(request), memberId: request.params.memberId, input: request.body });
      return reply.status(204).send();
    },
  );
  app.delete(
    '/appraisal-members/:memberId',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['appraisal'], summary: 'Xoá thành viên Hội đồng', params: memberParams },
    },
    async (request, reply) => {
      await removeMember(deps.db, whoIs(request), request.params.memberId);
      return reply.status(204).send();
    },
  );
}
