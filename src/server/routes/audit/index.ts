// GET /audit — the audit log, newest first, filtered; a DX office sees entries about units it reaches.
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AUDIT_READER_ROLES, canViewAudit } from '../../../core/policy/index.ts';
import { unitsReachedCondition } from '../../../db/queries/org-units.ts';
import { auditLog } from '../../../db/schema/audit.ts';
import { orgUnits } from '../../../db/schema/org.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { auditPageSchema } from '../../../contract/audit.ts';
import { paginationQuery } from '../../../contract/common.ts';
import { isoDateSchema } from '../../../app/org-units/unit-input.ts';
import { AUDIT_READERS } from '../../http/route-access.ts';

/** Start of a calendar day in Vietnam (UTC+7, no daylight saving). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

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
    async (request) => {
      const who = whoIs(request);
      if (!canViewAudit(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền xem nhật ký thay đổi.');
      const q = request.query;
      const reached = unitsReachedCondition(who.actor, AUDIT_READER_ROLES);
      const where = and(
        reached ? sql`${auditLog.unitId} in (select ${orgUnits.id} from ${orgUnits} where ${reached})` : undefined,
        q.unitId ? eq(auditLog.unitId, q.unitId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.objectType ? eq(auditLog.objectType, q.objectType) : undefined,
        q.objectId ? eq(auditLog.objectId, q.objectId) : undefined,
        q.from ? gte(auditLog.at, dayStart(q.from)) : undefined,
        q.to ? lt(auditLog.at, new Date(dayStart(q.to).getTime() + 86_400_000)) : undefined,
      );
      const [{ total } = { total: 0 }] = await deps.db.select({ total: count() }).from(auditLog).where(where);
      const rows = await deps.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return {
        items: rows.map(({ prevHash: _p, hash: _h, ...r }) => ({ ...r, at: r.at.toISOString() })),
        total: Number(total),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
