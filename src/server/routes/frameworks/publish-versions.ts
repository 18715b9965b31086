// POST /frameworks/{id}/publish (validation errors block; warnings returned), /archive, /versions.
import { z } from 'zod';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { archiveFramework } from '../../../app/frameworks/archive-framework.ts';
import { createFrameworkVersion } from '../../../app/frameworks/create-version.ts';
import { publishFramework } from '../../../app/frameworks/publish-framework.ts';
import { presentFramework } from '../../../app/presenters/framework.ts';
import { frameworkSummarySchema, problemSchema } from '../../../contract/frameworks.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerFrameworkLifecycle(app: App, deps: ServerDeps) {
  app.post(
    '/frameworks/:id/publish',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary: 'Ban hành bản nháp (bị chặn khi còn lỗi; cảnh báo được phép)',
        params: idParams,
        response: { 200: frameworkSummarySchema.extend({ warnings: z.array(problemSchema) }) },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { row, warnings } = await publishFramework(deps.db, { who, id: request.params.id, now: serverNow(deps) });
      return { ...presentFramework(row, who.actor), warnings };
    },
  );

  app.post(
    '/frameworks/:id/archive',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary: 'Lưu trữ phiên bản đã ban hành',
        params: idParams,
        response: { 200: frameworkSummarySchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      return presentFramework(
        await archiveFramework(deps.db, { who, id: request.params.id, now: serverNow(deps) }),
        who.actor,
      );
    },
  );

  app.post(
    '/frameworks/:id/versions',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary: 'Tạo phiên bản mới (bản nháp sao chép từ phiên bản này)',
        params: idParams,
        response: { 201: frameworkSummarySchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await createFrameworkVersion(deps.db, who, request.params.id);
      return reply.status(201).send(presentFramework(row, who.actor));
    },
  );
}
