// What a unit's detail page shows around the unit: its path from the root, its lineage (mergers) and its groups.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnitLineage, orgUnits, unitGroupMembers, unitGroups } from '../schema/org.ts';

export async function unitRefs(db: Db, ids: readonly string[]) {
  return ids.length
    ? db
        .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
        .from(orgUnits)
        .where(inArray(orgUnits.id, [...ids]))
    : [];
}

export async function unitLineage(db: Db, unitId: string) {
  const cols = {
    id: orgUnits.id,
    code: orgUnits.code,
    name: orgUnits.name,
    effectiveDate: orgUnitLineage.effectiveDate,
    kind: orgUnitLineage.kind,
    legalBasis: orgUnitLineage.legalBasis,
    legalBasisDate: orgUnitLineage.legalBasisDate,
    note: orgUnitLineage.note,
  };
  const predecessors = await db
    .select(cols)
    .from(orgUnitLineage)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitLineage.predecessorId))
    .where(eq(orgUnitLineage.unitId, unitId));
  const successors = await db
    .select(cols)
    .from(orgUnitLineage)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitLineage.unitId))
    .where(eq(orgUnitLineage.predecessorId, unitId));
  return { predecessors, successors };
}

export async function groupsOfUnit(db: Db, unitId: string) {
  return db
    .select({ id: unitGroups.id, code: unitGroups.code, name: unitGroups.name })
    .from(unitGroupMembers)
    .innerJoin(unitGroups, eq(unitGroups.id, unitGroupMembers.groupId))
    .where(eq(unitGroupMembers.unitId, unitId))
    .orderBy(asc(unitGroups.code));
}
