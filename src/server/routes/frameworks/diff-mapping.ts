// GET /frameworks/{id}/diff?against={otherId}: what changed from the other version to this one
// (diffFrameworks(other, this)). GET /frameworks/{id}/mapping?to={otherId}: the proposed node mapping
// from this (older) version to the other, with the confirmed one if a person confirmed it;
// PUT … confirms a mapping (managers, audited).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { diffFrameworks, proposeMapping } from '../../../core/framework/index.ts';
import type { Db } from '../../../db/client.ts';
import { type FrameworkRow, findReadableFramework } from '../../../db/queries/frameworks.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { frameworkMappings } from '../../../db/schema/frameworks.ts';
import { notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { confirmMapping } from '../../../app/frameworks/confirm-mapping.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

const pairSchema = z.object({ fromCode: z.string().min(1).max(100), toCode: z.string().min(1).max(100) });
const mappingResponse = z.object({
  proposal: z.unknown(),
  confirmed: z.array(pairSchema).nullable(),
  confirmedAt: z.string().nullable(),
});

async function loadPair(db: Db, actor: ScopedActor, id: string, otherId: string): Promise<[FrameworkRow, FrameworkRow]> {
  const a = await findReadableFramework(db, actor, id);
  if (!a) throw notFound('Không tìm thấy bộ chỉ số.');
  const b = await findReadableFramework(db, actor, otherId);
  if (!b) throw notFound('Không tìm thấy phiên bản bộ chỉ số để so sánh.');
  return [a, b];
}

async function mappingView(db: Db, from: FrameworkRow, to: FrameworkRow) {
  const [saved] = await db.select().from(frameworkMappings).where(and(eq(frameworkMappings.fromId, from.id), eq(frameworkMappings.toId, to.id))).limit(1);
  return {
    proposal: proposeMapping(from.definition, to.definition),
    confirmed: saved ? saved.pairs : null,
    confirmedAt: saved ? saved.confirmedAt.toISOString() : null,
  };
}

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
      const [self, other] = await loadPair(deps.db, who.actor, request.params.id, request.query.against);
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
        response: { 200: mappingResponse },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const [from, to] = await loadPair(deps.db, who.actor, request.params.id, request.query.to);
      return mappingView(deps.db, from, to);
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
        body: z.object({ pairs: z.array(pairSchema).max(20000) }),
        response: { 200: mappingResponse },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await confirmMapping(deps.db, who, request.params.id, request.query.to, request.body.pairs);
      const [from, to] = await loadPair(deps.db, who.actor, request.params.id, request.query.to);
      return mappingView(deps.db, from, to);
    },
  );
}
