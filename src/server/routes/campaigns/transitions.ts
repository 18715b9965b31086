// POST /campaigns/{id}/transitions and POST /campaigns/{id}/progress-rounds.
import { z } from 'zod';
import { generateProgressRounds } from '../../operations/campaigns/generate-progress-rounds.ts';
import { transitionCampaign } from '../../operations/campaigns/transition-campaign.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../http/schemas.ts';
import { serverNow } from '../server-now.ts';
import { loadCampaignView } from './load-campaign-view.ts';
import { campaignSchema, transitionBody } from './schemas.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

export function registerCampaignTransitions(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/transitions',
    { config: { access: DX_OFFICE }, schema: { tags: ['campaigns'], summary: 'Chuyển trạng thái kỳ đánh giá (mở, kết thúc tự đánh giá, thẩm định…)', params: idParams, body: transitionBody, response: { 200: campaignSchema } } },
    async (request) => {
      const who = whoIs(request);
      await transitionCampaign(deps.db, who, request.params.id, request.body, serverNow(deps));
      return loadCampaignView(deps.db, who.actor, request.params.id);
    },
  );

  app.post(
    '/campaigns/:id/progress-rounds',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo các kỳ báo cáo tiến độ 3, 6, 9 tháng',
        params: idParams,
        body: z.object({ months: z.array(z.number().int().min(1).max(12)).min(1).max(12).optional() }).default({}),
        response: { 201: z.object({ created: z.array(campaignSchema) }) },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const ids = await generateProgressRounds(deps.db, who, request.params.id, request.body ?? {});
      const created = [];
      for (const id of ids) created.push(await loadCampaignView(deps.db, who.actor, id));
      return reply.status(201).send({ created });
    },
  );
}
