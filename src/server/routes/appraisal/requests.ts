// POST /assessments/{id}/items/{code}/requests, GET /assessments/{id}/requests (the unit sees its own at
// the top of its assessment; another unit's → 404), POST /requests/{id}/replies, POST /requests/{id}/close.
import { canReplyToRequest } from '../../../core/policy/index.ts';
import type { Db } from '../../../db/client.ts';
import { findAppraisalRow } from '../../../db/queries/appraisal-context.ts';
import { loadDefinition } from '../../../db/queries/framework-definitions.ts';
import { loadRequests } from '../../../db/queries/item-requests.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { assessmentNotFound, itemAbilitiesOf } from '../../../app/appraisal/appraisal-access.ts';
import { closeRequest, createRequest, replyToRequest } from '../../../app/appraisal/requests.ts';
import { deadlinePassed, presentRequest } from '../../../app/presenters/item-request.ts';
import { serverNow } from '../server-now.ts';
import { itemParams, replyBody, requestBody, requestParams, requestSchema } from '../../../contract/appraisal.ts';
import { z } from 'zod';
import { UNIT_STAFF } from '../../http/route-access.ts';

async function requestsView(db: Db, actor: ScopedActor, assessmentId: string, now: Date, only?: string) {
  const row = await findAppraisalRow(db, actor, assessmentId);
  if (!row) throw assessmentNotFound();
  const def = await loadDefinition(db, row.group.frameworkId);
  const unit = { id: row.unit.id, ancestry: ancestryOf(row.unit.path) };
  const reviewing = row.campaign.status === 'self_assessment_closed' || row.campaign.status === 'under_appraisal';
  const requests = (await loadRequests(db, [assessmentId])).filter((r) => !only || r.id === only);
  return requests.map((r) => {
    const node = def?.leaves.get(r.code);
    const open = r.status !== 'closed';
    return presentRequest({
      request: r,
      itemTitle: node?.title ?? null,
      now,
      abilities: {
        reply:
          reviewing &&
          open &&
          canReplyToRequest(actor, unit, { open, deadlinePassed: deadlinePassed(r.deadline, now) }),
        close: open && node !== undefined && itemAbilitiesOf(actor, row, node).request,
      },
    });
  });
}

export function registerRequestRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/assessments/:id/items/:code/requests',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Đề nghị đơn vị bổ sung tài liệu hoặc giải trình (có hạn trả lời)',
        params: itemParams,
        body: requestBody,
        response: { 201: requestSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const id = await createRequest(deps.db, {
        who,
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now,
      });
      return reply.status(201).send((await requestsView(deps.db, who.actor, request.params.id, now, id))[0]!);
    },
  );
  app.get(
    '/assessments/:id/requests',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Các đề nghị bổ sung của Hội đồng đối với đơn vị và phần trả lời',
        params: idParams,
        response: { 200: z.object({ items: z.array(requestSchema) }) },
      },
    },
    async (request) => ({
      items: await requestsView(deps.db, whoIs(request).actor, request.params.id, serverNow(deps)),
    }),
  );
  app.post(
    '/requests/:requestId/replies',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['appraisal'],
        summary: 'Đơn vị trả lời đề nghị (nội dung và tài liệu kiểm chứng)',
        params: requestParams,
        body: replyBody,
        response: { 201: requestSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const r = await replyToRequest(deps.db, { who, requestId: request.params.requestId, input: request.body, now });
      return reply.status(201).send((await requestsView(deps.db, who.actor, r.assessmentId, now, r.id))[0]!);
    },
  );
  app.post(
    '/requests/:requestId/close',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['appraisal'], summary: 'Đóng đề nghị', params: requestParams, response: { 200: requestSchema } },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const r = await closeRequest(deps.db, { who, requestId: request.params.requestId, now });
      return (await requestsView(deps.db, who.actor, r.assessmentId, now, r.id))[0]!;
    },
  );
}
