// GET /frameworks/{id}/diff?against={otherId}: what changed from the other version to this one
// (diffFrameworks(other, this)). GET /frameworks/{id}/mapping?to={otherId}: the proposed node mapping
// from this (older) version to the other, with the confirmed one if a person confirmed it;
// PUT … confirms a mapping (managers, audited).
import { z } from 'zod';
import { diffFrameworks } from '../../../core/framework/index.ts';
import { frameworkMappingView, loadFrameworkPair } from '../../../app/frameworks/framework-mapping.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { confirmMappingBody, mappingResponseSchema } from '../../../contract/frameworks.ts';
import { confirmMapping } from '../../../app/frameworks/confirm-mapping.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerFrameworkDiffMapping(app: App, deps: ServerDeps) {
  app.get(
    '/frameworks/:id/diff',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'So sánh phiên bản này với một phiên bản khác (thêm, bớt, thay đổi)',
        params: idParams,
        querystring: z.object({ against: z.uuid({ message: 'Mã định danh không hợp lệ' }) }),
        response: { 200: z.unknown() },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const [self, other] = await loadFrameworkPair(deps.db, {
        actor: who.actor,
        id: request.params.id,
        otherId: request.query.against,
      });
      return diffFrameworks(other.definition, self.definition);
    },
  );

  app.get(
    '/frameworks/:id/mapping',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Đề xuất ánh xạ tiêu chí sang phiên bản khác, và ánh xạ đã xác nhận',
        params: idParams,
        querystring: z.object({ to: z.uuid({ message: 'Mã định danh không hợp lệ' }) }),
        response: { 200: mappingResponseSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const [from, to] = await loadFrameworkPair(deps.db, {
        actor: who.actor,
        id: request.params.id,
        otherId: request.query.to,
      });
      return frameworkMappingView(deps.db, from, to);
    },
  );

  app.put(
    '/frameworks/:id/mapping',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary: 'Xác nhận ánh xạ tiêu chí giữa hai phiên bản',
        params: idParams,
        querystring: z.object({ to: z.uuid({ message: 'Mã định danh không hợp lệ' }) }),
        body: confirmMappingBody,
        response: { 200: mappingResponseSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await confirmMapping(deps.db, {
        who,
        fromId: request.params.id,
        toId: request.query.to,
        pairs: request.body.pairs,
        now: serverNow(deps),
      });
      const [from, to] = await loadFrameworkPair(deps.db, {
        actor: who.actor,
        id: request.params.id,
        otherId: request.query.to,
      });
      return frameworkMappingView(deps.db, from, to);
    },
  );
}
