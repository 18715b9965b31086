// GET /org-units/search?q= — accent-insensitive search on code and name ("ha tinh" finds "Hà Tĩnh").
import { and, asc, count, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { foldVietnamese } from '../../../core/text/vietnamese.ts';
import { readableUnitsCondition } from '../../../db/queries/org-units.ts';
import { orgUnits } from '../../../db/schema/org.ts';
import { presentOrgUnit } from '../../../app/presenters/org-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { paginated, paginationQuery } from '../../../contract/common.ts';
import { orgUnitSchema } from '../../../contract/org-units.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function registerSearchOrgUnits(app: App, deps: ServerDeps) {
  app.get(
    '/org-units/search',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['org-units'],
        summary: 'Tìm đơn vị theo mã hoặc tên, không phân biệt dấu',
        querystring: paginationQuery.extend({ q: z.string().max(200).default('') }),
        response: { 200: paginated(orgUnitSchema) },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { q, page, pageSize } = request.query;
      const words = foldVietnamese(q).split(' ').filter(Boolean);
      const where = and(
        readableUnitsCondition(who.actor),
        ...words.map((w) => or(ilike(orgUnits.nameFolded, `%${escapeLike(w)}%`), ilike(orgUnits.code, `%${escapeLike(w)}%`))),
      );
      const [{ total } = { total: 0 }] = await deps.db.select({ total: count() }).from(orgUnits).where(where);
      const rows = await deps.db
        .select()
        .from(orgUnits)
        .where(where)
        .orderBy(asc(orgUnits.code))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return { items: rows.map((r) => presentOrgUnit(r, who.actor)), total: Number(total), page, pageSize };
    },
  );
}
