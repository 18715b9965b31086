// GET /org-units/{id} — one unit with its path from the root, lineage (mergers) and groups.
import { readUnit } from '../../../app/org-units/read-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { orgUnitDetailSchema } from '../../../contract/org-units.ts';
import { serverNow } from '../server-now.ts';

export function registerGetOrgUnit(app: App, deps: ServerDeps) {
  app.get(
    '/org-units/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['org-units'],
        summary: 'Chi tiết đơn vị',
        params: idParams,
        response: { 200: orgUnitDetailSchema },
      },
    },
    async (request) => readUnit(deps.db, { actor: whoIs(request).actor, id: request.params.id, now: serverNow(deps) }),
  );
}
