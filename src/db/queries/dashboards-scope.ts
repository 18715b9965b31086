// Who sees which units on the internal dashboards, set-based. Dashboards follow the grants that look at
// other units' work (DX office, support team, council, viewer): a district DX office reaches its
// communes, a provincial office everything under the province. A unit's own reporter and leader reach
// their unit's page only. Units outside the reach are absent (404, never 403).
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import { rowsOf } from './assessments.ts';
import { type OrgUnitRow, type ScopedActor, isUuid, unitsReachedCondition } from './org-units.ts';

/** Roles whose holders watch other units' figures (overview, district pages, any reached unit's page). */
export const DASHBOARD_ROLES: readonly Role[] = [
  'dx_office',
  'support_team',
  'council_member',
  'council_chair',
  'viewer',
];
/** Roles that also open a unit's own page (the unit itself, never its neighbours). */
export const UNIT_PAGE_ROLES: readonly Role[] = [...DASHBOARD_ROLES, 'unit_reporter', 'unit_leader'];

/** SQL on an org_units id column: reached by the actor's grants of these roles (`true` for administrators). */
export function unitIdReached(actor: ScopedActor, roles: readonly Role[], column: SQL): SQL {
  const reached = unitsReachedCondition(actor, roles);
  if (!reached) return sql`true`;
  return sql`${column} in (select ${orgUnits.id} from ${orgUnits} where ${reached})`;
}

/** Ids of the units the actor reaches with these roles; null = every unit (system administrator). */
export async function unitIdsInScope(db: Db, actor: ScopedActor, roles: readonly Role[]): Promise<Set<string> | null> {
  const reached = unitsReachedCondition(actor, roles);
  if (!reached) return null;
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(reached);
  return new Set(rows.map((r) => r.id));
}

export async function findUnitInScope(
  db: Db,
  actor: ScopedActor,
  unitId: string,
  roles: readonly Role[],
): Promise<OrgUnitRow | null> {
  if (!isUuid(unitId)) return null;
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), unitsReachedCondition(actor, roles)))
    .limit(1);
  return row ?? null;
}

/** Parent (district) of each of these units, in one statement. */
export async function parentsOf(
  db: Db,
  unitIds: readonly string[],
): Promise<Map<string, { id: string; code: string; name: string } | null>> {
  const out = new Map<string, { id: string; code: string; name: string } | null>();
  if (unitIds.length === 0) return out;
  const rows = rowsOf<{ id: string; parent_id: string | null; code: string | null; name: string | null }>(
    await db.execute(sql`select u.id, p.id as parent_id, p.code, p.name from org_units u left join org_units p on p.id = u.parent_id
      where u.id = any(${`{${unitIds.filter(isUuid).join(',')}}`}::uuid[])`),
  );
  for (const r of rows) out.set(r.id, r.parent_id ? { id: r.parent_id, code: r.code!, name: r.name! } : null);
  return out;
}

/** Ids of the unit's direct children (a district's communes). */
export async function childIdsOf(db: Db, unitId: string): Promise<Set<string>> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.parentId, unitId));
  return new Set(rows.map((r) => r.id));
}

/** The unit column of the assessments table under the alias a dashboard query uses (fixed SQL, no input). */
export function unitColumn(alias: 'assessments' | 'a'): SQL {
  return alias === 'a' ? sql`a.unit_id` : sql`assessments.unit_id`;
}
