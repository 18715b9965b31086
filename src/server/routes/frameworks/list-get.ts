// GET /frameworks (paginated, latest first, `latest=true` → newest readable version of each code),
// GET /frameworks/{id} (with the definition in natural order and its validation report) and
// GET /frameworks/{id}/versions (every readable version of the same code).
import { z } from 'zod';
import { validateFramework } from '../../../core/framework/index.ts';
import { canManageFrameworks } from '../../../core/policy/index.ts';
import { withFrameworkContext } from '../../../db/queries/framework-context.ts';
import { findReadableFramework, listReadableFrameworks } from '../../../db/queries/frameworks.ts';
import { notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { presentFramework } from '../../../app/presenters/framework.ts';
import {
  frameworkDetailSchema,
  frameworkListSchema,
  frameworkStatusSchema,
  frameworkSummarySchema,
} from '../../../contract/frameworks.ts';
import { normalizeDefinition } from '../../../exchange/frameworks/normalize-definition.ts';

export function registerFrameworkReads(app: App, deps: ServerDeps) {
  app.get(
    '/frameworks',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Danh sách bộ chỉ số (mỗi phiên bản một dòng, mới nhất trước)',
        querystring: paginationQuery.extend({
          q: z.string().max(200).default(''),
          status: frameworkStatusSchema.optional(),
          latest: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: frameworkListSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { q, status, latest, page, pageSize } = request.query;
      let rows = await listReadableFrameworks(deps.db, who.actor, { q, ...(status ? { status } : {}) });
      if (latest === 'true') {
        const newest = new Map<string, number>();
        for (const r of rows) newest.set(r.code, Math.max(newest.get(r.code) ?? 0, r.version));
        rows = rows.filter((r) => newest.get(r.code) === r.version);
      }
      const pageRows = await withFrameworkContext(deps.db, rows.slice((page - 1) * pageSize, page * pageSize));
      const items = pageRows.map((r) => presentFramework(r, who.actor));
      return { items, total: rows.length, page, pageSize, abilities: { create: canManageFrameworks(who.actor) } };
    },
  );

  app.get(
    '/frameworks/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Chi tiết một phiên bản bộ chỉ số, kèm kết quả kiểm tra',
        params: idParams,
        response: { 200: frameworkDetailSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const found = await findReadableFramework(deps.db, who.actor, request.params.id);
      if (!found) throw notFound('Không tìm thấy bộ chỉ số.');
      const [row] = await withFrameworkContext(deps.db, [found]);
      const definition = normalizeDefinition(row!.definition);
      return { ...presentFramework(row!, who.actor), definition, validation: validateFramework(definition) };
    },
  );

  app.get(
    '/frameworks/:id/versions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Mọi phiên bản của cùng một bộ chỉ số (mới nhất trước)',
        params: idParams,
        response: { 200: z.object({ items: z.array(frameworkSummarySchema) }) },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const row = await findReadableFramework(deps.db, who.actor, request.params.id);
      if (!row) throw notFound('Không tìm thấy bộ chỉ số.');
      const rows = await listReadableFrameworks(deps.db, who.actor, { code: row.code });
      rows.sort((a, b) => b.version - a.version);
      return { items: (await withFrameworkContext(deps.db, rows)).map((r) => presentFramework(r, who.actor)) };
    },
  );
}
