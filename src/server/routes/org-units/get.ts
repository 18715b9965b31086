// GET /org-units/{id} — one unit with its path from the root, lineage (mergers) and groups.
import { z } from 'zod';
import { readUnit } from '../../../app/org-units/read-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, orgUnitSchema } from '../../http/schemas.ts';

const ref = z.object({ id: z.string(), code: z.string(), name: z.string() });
const lineageRef = ref.extend({ effectiveDate: z.string() });

export function registerGetOrgUnit(app: App, deps: ServerDeps) {
  app.get(
    '/org-units/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['org-units'],
        summary: 'Chi tiết đơn vị',
        params: idParams,
        response: {
          200: orgUnitSchema.extend({
            path: z.array(ref),
            lineage: z.object({ predecessors: z.array(lineageRef), successors: z.array(lineageRef) }),
            groups: z.array(ref),
          }),
        },
      },
    },
    async (request) => readUnit(deps.db, whoIs(request).actor, request.params.id),
  );
}
