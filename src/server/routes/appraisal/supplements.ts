// A unit's own supplements during appraisal (001 II.3.b; issue 13 §5): POST
// /assessments/{id}/items/{code}/supplements (the unit's reporters and leader), GET
// /assessments/{id}/supplements (whoever reads the assessment: the unit, the support team, the council,
// the DX office), POST /assessments/{id}/items/{code}/looked (a reviewer opened the item: it clears the
// "Bổ sung từ lần xem trước" flag of their queue).
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { findAppraisalRow } from '../../../db/queries/appraisal-context.ts';
import { loadSupplements } from '../../../db/queries/item-supplements.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { assessmentNotFound } from '../../../app/appraisal/appraisal-access.ts';
import { addSupplement, markItemLooked, supplementAbility } from '../../../app/appraisal/supplements.ts';
import { serverNow } from '../server-now.ts';
import { itemParams, supplementBody, supplementListSchema, supplementSchema } from '../../../contract/appraisal.ts';
import { UNIT_STAFF } from '../../http/route-access.ts';

async function supplementsView(db: Db, actor: ScopedActor, assessmentId: string, now: Date) {
  const row = await findAppraisalRow(db, actor, assessmentId);
  if (!row) throw assessmentNotFound();
  const refusal = supplementAbility(actor, row, now);
  return {
    items: await loadSupplements(db, [assessmentId]),
    abilities: { supplement: refusal === null },
    refusal,
    supplementDeadline: row.campaign.rules.supplementDeadline ?? null,
  };
}

export function registerSupplementRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/assessments/:id/items/:code/supplements',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['appraisal'],
        summary:
          'Đơn vị tự bổ sung tài liệu kiểm chứng hoặc giải trình trong quá trình thẩm định (điểm tự chấm giữ nguyên)',
        params: itemParams,
        body: supplementBody,
        response: { 201: supplementSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const id = await addSupplement(deps.db, {
        who,
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now,
      });
      const view = (await loadSupplements(deps.db, [request.params.id])).find((s) => s.id === id)!;
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/assessments/:id/supplements',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Các lần đơn vị tự bổ sung trong quá trình thẩm định, và đơn vị còn được bổ sung hay không',
        params: idParams,
        response: { 200: supplementListSchema },
      },
    },
    async (request) => supplementsView(deps.db, whoIs(request).actor, request.params.id, serverNow(deps)),
  );
  app.post(
    '/assessments/:id/items/:code/looked',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Người thẩm định đã xem chỉ số (xoá cảnh báo "Bổ sung từ lần xem trước" của họ)',
        params: itemParams,
        response: { 200: z.object({ lookedAt: z.string() }) },
      },
    },
    async (request) => {
      const now = serverNow(deps);
      await markItemLooked(deps.db, {
        who: whoIs(request),
        assessmentId: request.params.id,
        code: request.params.code,
        now,
      });
      return { lookedAt: now.toISOString() };
    },
  );
}
