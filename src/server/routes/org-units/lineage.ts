// POST /org-units/{id}/lineage/merger | split | rename, POST /org-units/{id}/lineage/{predecessorId}/remove:
// a DX office (or a system administrator) records a change of the unit map with its legal basis and
// effective date, or removes a mistaken lineage row with a reason (issue 15 §2). Checks in core/org/lineage-rules.ts.
import { z } from 'zod';
import { recordMerger } from '../../../app/org-units/record-merger.ts';
import { recordRename } from '../../../app/org-units/record-rename.ts';
import { recordSplit } from '../../../app/org-units/record-split.ts';
import { removeLineage } from '../../../app/org-units/remove-lineage.ts';
import { idParams } from '../../../contract/common.ts';
import {
  lineageChangeSchema,
  lineageRemovalSchema,
  mergerBody,
  removeLineageBody,
  renameBody,
  splitBody,
} from '../../../contract/org-units.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { serverNow } from '../server-now.ts';

export function registerLineageRoutes(app: App, deps: ServerDeps) {
  const config = { access: DX_OFFICE };
  app.post(
    '/org-units/:id/lineage/merger',
    {
      config,
      schema: {
        tags: ['org-units'],
        summary: 'Ghi nhận hợp nhất/sáp nhập: đơn vị được hình thành từ (hoặc tiếp nhận) các đơn vị khác',
        params: idParams,
        body: mergerBody,
        response: { 201: lineageChangeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordMerger(deps.db, {
          who: whoIs(request),
          unitId: request.params.id,
          input: request.body,
          now: serverNow(deps),
        }),
      ),
  );
  app.post(
    '/org-units/:id/lineage/split',
    {
      config,
      schema: {
        tags: ['org-units'],
        summary: 'Ghi nhận chia tách: đơn vị được chia thành các đơn vị khác',
        params: idParams,
        body: splitBody,
        response: { 201: lineageChangeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordSplit(deps.db, {
          who: whoIs(request),
          unitId: request.params.id,
          input: request.body,
          now: serverNow(deps),
        }),
      ),
  );
  app.post(
    '/org-units/:id/lineage/rename',
    {
      config,
      schema: {
        tags: ['org-units'],
        summary: 'Ghi nhận đổi tên: đơn vị tiếp nối một đơn vị cũ',
        params: idParams,
        body: renameBody,
        response: { 201: lineageChangeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordRename(deps.db, {
          who: whoIs(request),
          unitId: request.params.id,
          input: request.body,
          now: serverNow(deps),
        }),
      ),
  );
  app.post(
    '/org-units/:id/lineage/:predecessorId/remove',
    {
      config,
      schema: {
        tags: ['org-units'],
        summary: 'Xóa một quan hệ kế thừa (có lý do; ghi nhật ký cả khi bảng xếp hạng quy đổi đã dùng)',
        params: idParams.extend({ predecessorId: z.uuid() }),
        body: removeLineageBody,
        response: { 200: lineageRemovalSchema },
      },
    },
    async (request) =>
      removeLineage(deps.db, {
        who: whoIs(request),
        unitId: request.params.id,
        predecessorId: request.params.predecessorId,
        input: request.body,
      }),
  );
}
