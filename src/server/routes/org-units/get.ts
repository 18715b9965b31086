// GET /org-units/{id} — one unit with its path from the root, lineage (mergers) and groups.
import { asc, eq, inArray } from 'drizzle-orm';
import { findReadableUnit } from '../../../db/queries/org-units.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { orgUnitLineage, orgUnits, unitGroupMembers, unitGroups } from '../../../db/schema/org.ts';
import { notFound } from '../../../app/errors.ts';
import { presentOrgUnit } from '../../../app/presenters/org-unit.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { orgUnitDetailSchema } from '../../../contract/org-units.ts';

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
    async (request) => {
      const who = whoIs(request);
      const unit = await findReadableUnit(deps.db, who.actor, request.params.id);
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      const db = deps.db;
      const ancestry = ancestryOf(unit.path);
      const pathRows = await db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ancestry));
      const byId = new Map(pathRows.map((r) => [r.id, r]));
      const lineageCols = { id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, effectiveDate: orgUnitLineage.effectiveDate };
      const predecessors = await db.select(lineageCols).from(orgUnitLineage).innerJoin(orgUnits, eq(orgUnits.id, orgUnitLineage.predecessorId)).where(eq(orgUnitLineage.unitId, unit.id));
      const successors = await db.select(lineageCols).from(orgUnitLineage).innerJoin(orgUnits, eq(orgUnits.id, orgUnitLineage.unitId)).where(eq(orgUnitLineage.predecessorId, unit.id));
      const groups = await db
        .select({ id: unitGroups.id, code: unitGroups.code, name: unitGroups.name })
        .from(unitGroupMembers)
        .innerJoin(unitGroups, eq(unitGroups.id, unitGroupMembers.groupId))
        .where(eq(unitGroupMembers.unitId, unit.id))
        .orderBy(asc(unitGroups.code));
      return {
        ...presentOrgUnit(unit, who.actor),
        path: ancestry.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
        lineage: { predecessors, successors },
        groups,
      };
    },
  );
}
