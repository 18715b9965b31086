// GET /campaigns/{id}/derived-ranking — the dual ranking of a published campaign for the staff's results
// page (issue 15 §2): each changed group ranked as today's units (or as on `asOf`), derived from the snapshot.
import { readDerivedRanking } from '../../../app/dashboards/derived-ranking.ts';
import { idParams } from '../../../contract/common.ts';
import { derivedRankingListSchema, derivedRankingQuery } from '../../../contract/derived-ranking.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { serverNow } from '../server-now.ts';

export function registerDerivedRanking(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns/:id/derived-ranking',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['dashboards'],
        summary:
          'Xếp hạng quy đổi theo đơn vị hiện nay (kỳ đã công bố trên cơ cấu cũ): trung bình các đơn vị tiền thân, từ bản công bố',
        params: idParams,
        querystring: derivedRankingQuery,
        response: { 200: derivedRankingListSchema },
      },
    },
    async (request) =>
      readDerivedRanking(deps.db, {
        actor: whoIs(request).actor,
        campaignId: request.params.id,
        asOf: request.query.asOf,
        now: serverNow(deps),
      }),
  );
}
