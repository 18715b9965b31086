// GET /evidence/{id}, PATCH /evidence/{id} (metadata), DELETE /evidence/{id} (only while unused).
import { z } from 'zod';
import { deleteEvidence } from '../../../app/evidence/delete-evidence.ts';
import { evidenceMetaSchema, evidenceUrlSchema } from '../../../app/evidence/evidence-input.ts';
import { loadEvidence } from '../../../app/evidence/load-evidence.ts';
import { updateEvidence } from '../../../app/evidence/update-evidence.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import type { FileStore } from '../../../infra/storage/file-store.ts';
import { evidenceView } from './respond.ts';
import { evidenceSchema } from '../../../contract/evidence.ts';
import { EVIDENCE_READER, UNIT_STAFF } from '../../http/route-access.ts';

const patchBody = evidenceMetaSchema.partial().extend({
  url: evidenceUrlSchema.optional(),
  fileName: z.string().trim().min(1, 'Tên tệp không được để trống').max(255).optional(),
});

export function registerEditEvidence(app: App, deps: ServerDeps, store: FileStore) {
  app.get(
    '/evidence/:id',
    {
      config: { access: EVIDENCE_READER },
      schema: {
        tags: ['evidence'],
        summary: 'Xem một tài liệu kiểm chứng',
        params: idParams,
        response: { 200: evidenceSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { evidence, unit } = await loadEvidence(deps.db, { actor: who.actor, id: request.params.id, need: 'read' });
      return evidenceView(deps.db, who.actor, unit, evidence);
    },
  );

  app.patch(
    '/evidence/:id',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['evidence'],
        summary: 'Sửa thông tin tài liệu kiểm chứng (số hiệu, ngày, trích yếu, cơ quan ban hành)',
        params: idParams,
        body: patchBody,
        response: { 200: evidenceSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      await updateEvidence(deps.db, { who, id: request.params.id, patch: request.body });
      const { evidence, unit } = await loadEvidence(deps.db, { actor: who.actor, id: request.params.id, need: 'read' });
      return evidenceView(deps.db, who.actor, unit, evidence);
    },
  );

  app.delete(
    '/evidence/:id',
    {
      config: { access: UNIT_STAFF },
      schema: { tags: ['evidence'], summary: 'Xoá tài liệu kiểm chứng chưa được dùng', params: idParams },
    },
    async (request, reply) => {
      await deleteEvidence(deps.db, { store, who: whoIs(request), id: request.params.id });
      return reply.status(204).send();
    },
  );
}
