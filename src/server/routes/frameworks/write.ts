// POST /frameworks (a draft: version 1, or the next version of an existing code), PUT /frameworks/{id}
// (drafts only, optimistic concurrency) and DELETE /frameworks/{id} (drafts only).
import { z } from 'zod';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { createFramework } from '../../../app/frameworks/create-framework.ts';
import { deleteFramework } from '../../../app/frameworks/delete-framework.ts';
import { updateFramework } from '../../../app/frameworks/update-framework.ts';
import { presentFramework } from '../../../app/presenters/framework.ts';
import { DEFINITION_BODY_LIMIT, definitionSchema, frameworkSummarySchema } from '../../../contract/frameworks.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerFrameworkWrites(app: App, deps: ServerDeps) {
  app.post(
    '/frameworks',
    {
      config: { access: DX_OFFICE },
      bodyLimit: DEFINITION_BODY_LIMIT,
      schema: {
        tags: ['frameworks'],
        summary:
          'Tạo bộ chỉ số (bản nháp) từ một định nghĩa — mã mới: bộ chỉ số mới của đơn vị ban hành; mã đã có: phiên bản mới của bộ đó',
        body: z.object({
          definition: definitionSchema,
          ownerUnitId: z
            .uuid({ message: 'Mã định danh không hợp lệ' })
            .optional()
            .describe(
              'Đơn vị ban hành bộ chỉ số mới (mặc định: đơn vị của cơ quan chuyên trách đang đăng nhập; tỉnh với quản trị hệ thống)',
            ),
        }),
        response: { 201: frameworkSummarySchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const { definition, ownerUnitId } = request.body;
      const row = await createFramework(deps.db, { who, definition, ...(ownerUnitId ? { ownerUnitId } : {}) });
      return reply.status(201).send(presentFramework(row, who.actor));
    },
  );

  app.put(
    '/frameworks/:id',
    {
      config: { access: DX_OFFICE },
      bodyLimit: DEFINITION_BODY_LIMIT,
      schema: {
        tags: ['frameworks'],
        summary: 'Sửa bản nháp bộ chỉ số (gửi kèm rowVersion đã đọc trong trường version)',
        params: idParams,
        body: z.object({ definition: definitionSchema, version: z.number().int().positive() }),
        response: { 200: frameworkSummarySchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      return presentFramework(
        await updateFramework(deps.db, { who, id: request.params.id, input: request.body, now: serverNow(deps) }),
        who.actor,
      );
    },
  );

  app.delete(
    '/frameworks/:id',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['frameworks'], summary: 'Xóa bản nháp bộ chỉ số', params: idParams },
    },
    async (request, reply) => {
      await deleteFramework(deps.db, whoIs(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
