// POST /campaigns, POST /campaigns/from-preset, PATCH /campaigns/{id}, DELETE /campaigns/{id}.
import { createCampaign } from '../../../app/campaigns/create-campaign.ts';
import { createCampaignFromPreset } from '../../../app/campaigns/create-from-preset.ts';
import { deleteCampaign } from '../../../app/campaigns/delete-campaign.ts';
import { updateCampaign } from '../../../app/campaigns/update-campaign.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { loadCampaignView } from './load-campaign-view.ts';
import { campaignSchema, createBody, fromPresetBody, patchBody } from '../../../contract/campaigns.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerCampaignWrites(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo kỳ đánh giá (bản nháp)',
        body: createBody,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const id = await createCampaign(deps.db, who, request.body);
      return reply.status(201).send(await loadCampaignView(deps.db, who.actor, id));
    },
  );

  app.post(
    '/campaigns/from-preset',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo kỳ đánh giá theo quy định của bộ chỉ số',
        body: fromPresetBody,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const id = await createCampaignFromPreset(deps.db, who, request.body);
      return reply.status(201).send(await loadCampaignView(deps.db, who.actor, id));
    },
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Sửa tên, quy tắc của kỳ đánh giá (bản nháp)',
        params: idParams,
        body: patchBody,
        response: { 200: campaignSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await updateCampaign(deps.db, { who, id: request.params.id, input: request.body, now: serverNow(deps) });
      return loadCampaignView(deps.db, who.actor, request.params.id);
    },
  );

  app.delete(
    '/campaigns/:id',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['campaigns'], summary: 'Xóa kỳ đánh giá (bản nháp)', params: idParams },
    },
    async (request, reply) => {
      await deleteCampaign(deps.db, whoIs(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
