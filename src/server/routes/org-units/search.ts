// GET /org-units/search?q= — accent-insensitive search on code and name ("ha tinh" finds "Hà Tĩnh").
import { z } from 'zod';
import { searchReadableUnits } from '../../../db/queries/org-unit-search.ts';
import { presentOrgUnit, todayInVietnam } from '../../../app/presenters/org-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { paginated, paginationQuery } from '../../../contract/common.ts';
import { orgUnitSchema } from '../../../contract/org-units.ts';
import { serverNow } from '../server-now.ts';

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
      const { rows, total } = await searchReadableUnits(deps.db, who.actor, q, { page, pageSize });
      const today = todayInVietnam(serverNow(deps));
      return { items: rows.map((r) => presentOrgUnit(r, who.actor, today)), total, page, pageSize };
    },
  );
}
