// GET /audit — the audit log, newest first, filtered; a DX office sees entries about units it reaches.
import { z } from 'zod';
import { readAuditLog } from '../../../app/audit/read-audit-log.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { auditPageSchema } from '../../../contract/audit.ts';
import { paginationQuery } from '../../../contract/common.ts';
import { isoDateSchema } from '../../../contract/unit-fields.ts';
import { AUDIT_READERS } from '../../http/route-access.ts';

export function registerAuditRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi (chuỗi băm, chỉ ghi thêm)',
        querystring: paginationQuery.extend({
          unitId: z.uuid().optional(),
          actorId: z.uuid().optional(),
          objectType: z.string().max(50).optional(),
          objectId: z.string().max(100).optional(),
          from: isoDateSchema.optional(),
          to: isoDateSchema.optional(),
        }),
        response: { 200: auditPageSchema },
      },
    },
    async (request) => readAuditLog(deps.db, whoIs(request).actor, request.query),
  );
}
