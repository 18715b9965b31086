// GET /org-units — the visible tree as a flat list (parent links), natural code order. Not paginated:
// the tree view needs it whole (12,000 units in well under 150 ms): one named statement of the tree's
// columns (listUnitTree), the units presented in the schema's shape and stringified once.
import { canCreateRootUnit } from '../../../core/policy/index.ts';
import { compareCodes } from '../../../core/text/vietnamese.ts';
import { listUnitTree } from '../../../db/queries/org-units.ts';
import { presentedItemsSerializer } from '../../http/presented-items-serializer.ts';
import { presentOrgUnit, todayInVietnam } from '../../../app/presenters/org-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { orgUnitListSchema } from '../../../contract/org-units.ts';
import { serverNow } from '../server-now.ts';

export function registerListOrgUnits(app: App, deps: ServerDeps) {
  app.get(
    '/org-units',
    {
      config: { access: 'signed-in', tokenScopes: ['figures:write', 'results:read'] },
      schema: {
        tags: ['org-units'],
        summary: 'Cây đơn vị (mọi đơn vị người dùng được xem)',
        response: { 200: orgUnitListSchema },
      },
      // The units are built in the schema's shape by presentOrgUnit (presented-items-serializer.ts).
      serializerCompiler: presentedItemsSerializer,
    },
    async (request) => {
      const who = whoIs(request);
      const rows = await listUnitTree(deps.db, who.actor);
      rows.sort((a, b) => compareCodes(a.code, b.code));
      const today = todayInVietnam(serverNow(deps));
      return {
        items: rows.map((r) => presentOrgUnit(r, who.actor, today)),
        abilities: { create: canCreateRootUnit(who.actor) },
      };
    },
  );
}
