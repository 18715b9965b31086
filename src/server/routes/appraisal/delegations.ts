// GET /campaigns/{id}/authorities, POST /campaigns/{id}/delegations,
// POST /campaigns/{id}/delegations/{delegationId}/revoke — the competent authority of each part of a
// campaign and its recorded delegations (issue 13 §2).
import { z } from 'zod';
import { campaignAuthorities } from '../../../app/appraisal/campaign-authorities.ts';
import { recordDelegation, revokeAuthorityDelegation } from '../../../app/appraisal/delegations.ts';
import { idParams } from '../../../contract/common.ts';
import { delegationView } from '../../../db/queries/authority-delegations.ts';
import {
  authoritiesSchema,
  delegationBody,
  delegationSchema,
  revokeDelegationBody,
} from '../../../contract/delegations.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

const delegationParams = z.object({ id: z.uuid(), delegationId: z.uuid() });

export function registerDelegationRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns/:id/authorities',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Cơ quan có thẩm quyền phê duyệt, công bố từng phần kết quả và các ủy quyền đã ghi nhận',
        params: idParams,
        response: { 200: authoritiesSchema },
      },
    },
    async (request) => campaignAuthorities(deps.db, whoIs(request).actor, request.params.id),
  );
  app.post(
    '/campaigns/:id/delegations',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary:
          'Ghi nhận ủy quyền của cơ quan có thẩm quyền (thẩm định, phê duyệt, công bố): ai, cho ai, lý do, văn bản',
        params: idParams,
        body: delegationBody,
        response: { 201: delegationSchema },
      },
    },
    async (request, reply) => {
      const d = await recordDelegation(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        input: request.body,
        now: serverNow(deps),
      });
      return reply.code(201).send(delegationView(d));
    },
  );
  app.post(
    '/campaigns/:id/delegations/:delegationId/revoke',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Thu hồi ủy quyền (có lý do)',
        params: delegationParams,
        body: revokeDelegationBody,
        response: { 200: delegationSchema },
      },
    },
    async (request) => {
      const d = await revokeAuthorityDelegation(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        delegationId: request.params.delegationId,
        input: request.body,
        now: serverNow(deps),
      });
      return delegationView(d);
    },
  );
}
