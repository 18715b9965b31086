// GET /campaigns (paginated, only readable ones) and GET /campaigns/{id}.
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../../../core/campaign/index.ts';
import { canCreateCampaign } from '../../../core/policy/index.ts';
import { listReadableCampaigns, loadCampaignGroups } from '../../../db/queries/campaigns.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { presentCampaign } from '../../../app/presenters/campaign.ts';
import { loadCampaignView } from './load-campaign-view.ts';
import { campaignListSchema, campaignSchema } from '../../../contract/campaigns.ts';

export function registerCampaignReads(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns',
    {
      config: { access: 'signed-in', tokenScopes: ['figures:write', 'results:read'] },
      schema: {
        tags: ['campaigns'],
        summary: 'Danh sách kỳ đánh giá người dùng được xem',
        querystring: paginationQuery.extend({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          status: z.enum(CAMPAIGN_STATUSES).optional(),
        }),
        response: { 200: campaignListSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { year, status, page, pageSize } = request.query;
      const { rows, total } = await listReadableCampaigns(deps.db, who.actor, {
        ...(year ? { year } : {}),
        ...(status ? { status } : {}),
        page,
        pageSize,
      });
      const groups = await loadCampaignGroups(
        deps.db,
        rows.map((r) => r.campaign.id),
      );
      return {
        items: rows.map((r) => presentCampaign(r, groups.get(r.campaign.id) ?? [], who.actor)),
        total,
        page,
        pageSize,
        abilities: { create: canCreateCampaign(who.actor) },
      };
    },
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'signed-in', tokenScopes: ['figures:write', 'results:read'] },
      schema: {
        tags: ['campaigns'],
        summary: 'Chi tiết kỳ đánh giá',
        params: idParams,
        response: { 200: campaignSchema },
      },
    },
    async (request) => loadCampaignView(deps.db, whoIs(request).actor, request.params.id),
  );
}
