// POST /units/{unitId}/evidence/link (a URL as evidence) and GET /units/{unitId}/evidence (the library,
// searchable without diacritics: "quyet dinh" finds "Quyết định").
import { z } from 'zod';
import { canManageUnitEvidence } from '../../../core/policy/evidence-policy.ts';
import { listUnitEvidence, usedByOf } from '../../../db/queries/evidence.ts';
import { createEvidenceLink } from '../../../app/evidence/create-link.ts';
import { evidenceMetaSchema, evidenceUrlSchema } from '../../../app/evidence/evidence-input.ts';
import { loadEvidenceUnit, unitRefOf } from '../../../app/evidence/load-evidence.ts';
import { presentEvidence } from '../../../app/presenters/evidence.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { paginationQuery } from '../../../contract/common.ts';
import { evidenceView } from './respond.ts';
import { evidenceSchema, unitParams } from '../../../contract/evidence.ts';
import { EVIDENCE_READER, UNIT_STAFF } from '../../http/route-access.ts';

export function registerLinkAndList(app: App, deps: ServerDeps) {
  app.post(
    '/units/:unitId/evidence/link',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['evidence'],
        summary: 'Thêm tài liệu kiểm chứng dạng đường dẫn (URL)',
        params: unitParams,
        body: evidenceMetaSchema.extend({ url: evidenceUrlSchema }),
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const doc = await createEvidenceLink(deps.db, { who, unitId: request.params.unitId, input: request.body });
      const unit = await loadEvidenceUnit(deps.db, { actor: who.actor, unitId: doc.unitId, need: 'read' });
      return reply.status(201).send(await evidenceView(deps.db, who.actor, unit, doc.id));
    },
  );

  app.get(
    '/units/:unitId/evidence',
    {
      config: { access: EVIDENCE_READER },
      schema: {
        tags: ['evidence'],
        summary: 'Thư viện tài liệu kiểm chứng của đơn vị (tìm không phân biệt dấu)',
        params: unitParams,
        querystring: paginationQuery.extend({ q: z.string().max(200).default('') }),
        response: {
          200: z.object({
            items: z.array(evidenceSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            abilities: z.object({ upload: z.boolean() }),
          }),
        },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const unit = await loadEvidenceUnit(deps.db, { actor: who.actor, unitId: request.params.unitId, need: 'read' });
      const { q, page, pageSize } = request.query;
      const { total, rows } = await listUnitEvidence(deps.db, unit.id, q, page, pageSize);
      const usedBy = await usedByOf(
        deps.db,
        rows.map((r) => r.doc.id),
      );
      const ref = unitRefOf(unit);
      return {
        items: rows.map((r) =>
          presentEvidence({ evidence: r, unit: ref, actor: who.actor, usedBy: usedBy.get(r.doc.id) ?? [] }),
        ),
        total,
        page,
        pageSize,
        abilities: { upload: canManageUnitEvidence(who.actor, ref) },
      };
    },
  );
}
