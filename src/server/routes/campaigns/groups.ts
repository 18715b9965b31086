// POST /campaigns/{id}/groups, PUT and DELETE /campaigns/{id}/groups/{groupId} (draft only).
import { addGroup } from '../../../app/campaigns/add-group.ts';
import { removeGroup } from '../../../app/campaigns/remove-group.ts';
import { updateGroup } from '../../../app/campaigns/update-group.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { loadCampaignView } from './load-campaign-view.ts';
import { campaignSchema, groupBody, groupParams, groupPatchBody } from '../../../contract/campaigns.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerCampaignGroups(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/groups',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Thêm nhóm đơn vị vào kỳ đánh giá',
        params: idParams,
        body: groupBody,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      await addGroup(deps.db, { who, campaignId: request.params.id, input: request.body, now: serverNow(deps) });
      return reply.status(201).send(await loadCampaignView(deps.db, who.actor, request.params.id));
    },
  );

  app.put(
    '/campaigns/:id/groups/:groupId',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Sửa nhóm đơn vị của kỳ đánh giá',
        params: groupParams,
        body: groupPatchBody,
        response: { 200: campaignSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await updateGroup(deps.db, {
        who,
        campaignId: request.params.id,
        groupId: request.params.groupId,
        input: request.body,
        now: serverNow(deps),
      });
      return loadCampaignView(deps.db, who.actor, request.params.id);
    },
  );

  app.delete(
    '/campaigns/:id/groups/:groupId',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Bỏ nhóm đơn vị khỏi kỳ đánh giá',
        params: groupParams,
        response: { 200: campaignSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await removeGroup(deps.db, {
        who,
        campaignId: request.params.id,
        groupId: request.params.groupId,
        now: serverNow(deps),
      });
      return loadCampaignView(deps.db, who.actor, request.params.id);
    },
  );
}
