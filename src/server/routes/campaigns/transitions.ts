// POST /campaigns/{id}/transitions (with GET …/transitions/check: what a transition would do, before it is
// confirmed) and POST /campaigns/{id}/progress-rounds.
import { z } from 'zod';
import { generateProgressRounds } from '../../../app/campaigns/generate-progress-rounds.ts';
import { transitionCampaign } from '../../../app/campaigns/transition-campaign.ts';
import { loadCampaignForChange } from '../../../app/campaigns/campaign-access.ts';
import { checkTransition } from '../../../app/campaigns/transition-guards.ts';
import { vietnamDateOf } from '../../../core/campaign/index.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { serverNow } from '../server-now.ts';
import { loadCampaignView } from './load-campaign-view.ts';
import {
  campaignSchema,
  transitionBody,
  transitionCheckQuery,
  transitionCheckSchema,
} from '../../../contract/campaigns.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

export function registerCampaignTransitions(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/transitions',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Chuyển trạng thái kỳ đánh giá (mở, kết thúc tự đánh giá, thẩm định…)',
        params: idParams,
        body: transitionBody,
        response: { 200: campaignSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await transitionCampaign(deps.db, { who, id: request.params.id, input: request.body, now: serverNow(deps) });
      return loadCampaignView(deps.db, who.actor, request.params.id);
    },
  );

  // Who: the DX office running the campaign (as for the transition itself); others → 403, unreadable → 404.
  app.get(
    '/campaigns/:id/transitions/check',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['campaigns'],
        summary: 'Kiểm tra trước khi mở kỳ hoặc kết thúc tự đánh giá: hạn đã qua, số đơn vị chưa gửi, kỳ trùng năm',
        params: idParams,
        querystring: transitionCheckQuery,
        response: { 200: transitionCheckSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const today = vietnamDateOf(serverNow(deps));
      return deps.db.transaction(async (tx) => {
        const { campaign } = await loadCampaignForChange(tx, { who, id: request.params.id, ability: 'transition' });
        return { ...(await checkTransition(tx, { campaign, action: request.query.action, today })) };
      });
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
      const ids = await generateProgressRounds(deps.db, { who, id: request.params.id, input: request.body ?? {} });
      const created = [];
      for (const id of ids) created.push(await loadCampaignView(deps.db, who.actor, id));
      return reply.status(201).send({ created });
    },
  );
}
