// Reading organisation units within an actor's scope (set-based: one query decides which rows the
// actor may see; rows outside it are simply absent, so the API answers 404, never 403).
import { type SQL, and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '../../core/policy/index.ts';
import { scopeOf } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import { subtreePattern } from './unit-path.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export type ScopedActor = Actor & { grantPaths: Map<string, string> };

/** SQL condition: units the actor can read (undefined = everything). */
export function readableUnitsCondition(actor: ScopedActor): SQL | undefined {
  const scope = scopeOf(actor);
  if (scope.all) return undefined;
  const conditions: SQL[] = [];
  for (const root of scope.subtreeRoots) {
    const path = actor.grantPaths.get(root);
    if (path) conditions.push(like(orgUnits.path, subtreePattern(path)));
  }
  const ids = [...scope.units, ...(actor.contextUnitIds ?? [])];
  if (ids.length > 0) conditions.push(inArray(orgUnits.id, ids));
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

/** SQL condition on org_units: units reached by the actor's grants of these roles (no context ancestors). */
export function unitsReachedCondition(actor: ScopedActor, roles: readonly Role[]): SQL | undefined {
  const scope = scopeOf(actor, roles);
  if (scope.all) return undefined;
  const conditions: SQL[] = [];
  for (const root of scope.subtreeRoots) {
    const path = actor.grantPaths.get(root);
    if (path) conditions.push(like(orgUnits.path, subtreePattern(path)));
  }
  if (scope.units.length > 0) conditions.push(inArray(orgUnits.id, scope.units));
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

/** What the tree (GET /org-units) shows of a unit: the columns it needs, as the driver gives them. */
export type UnitTreeRow = Pick<
  OrgUnitRow,
  'id' | 'code' | 'name' | 'type' | 'parentId' | 'path' | 'activeFrom' | 'activeTo' | 'version'
>;

/**
 * The whole visible tree (12,000 units nationally) as one named statement with the scope as arrays — the
 * same condition as readableUnitsCondition ($1 everything; subtree patterns $2, single units $3) — and only
 * the tree's columns (dates as text), read without Drizzle's per-field mapping.
 */
const unitTree = namedStatement<{
  id: string;
  code: string;
  name: string;
  type: string;
  parent_id: string | null;
  path: string;
  active_from: string | null;
  active_to: string | null;
  version: number;
}>(
  'org_unit_tree',
  `select id, code, name, type, parent_id, path, active_from::text as active_from, active_to::text as active_to,
     version
   from org_units
   where $1::boolean or path like any($2::text[]) or id = any($3::uuid[])`,
);

export async function listUnitTree(db: Db, actor: ScopedActor): Promise<UnitTreeRow[]> {
  const scope = scopeOf(actor);
  const patterns: string[] = [];
  for (const root of scope.subtreeRoots) {
    const path = actor.grantPaths.get(root);
    if (path) patterns.push(subtreePattern(path));
  }
  const ids = [...scope.units, ...(actor.contextUnitIds ?? [])].filter(isUuid);
  const rows = await runNamed(db, unitTree, [scope.all, patterns, ids]);
  const out: UnitTreeRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = {
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type,
      parentId: r.parent_id,
      path: r.path,
      activeFrom: r.active_from,
      activeTo: r.active_to,
      version: Number(r.version),
    };
  }
  return out;
}

export async function listReadableUnits(db: Db, actor: ScopedActor): Promise<OrgUnitRow[]> {
  return db.select().from(orgUnits).where(readableUnitsCondition(actor));
}

/** The unit if it exists and the actor may read it; null otherwise (callers answer 404 either way). */
export async function findReadableUnit(db: Db, actor: ScopedActor, id: string): Promise<OrgUnitRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), readableUnitsCondition(actor)))
    .limit(1);
  return row ?? null;
}

export async function findUnitsByIds(db: Db, ids: readonly string[]): Promise<OrgUnitRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.select().from(orgUnits).where(inArray(orgUnits.id, valid));
}

export async function findUnitsByCodes(db: Db, codes: readonly string[]): Promise<OrgUnitRow[]> {
  if (codes.length === 0) return [];
  const rows: OrgUnitRow[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    rows.push(
      ...(await db
        .select()
        .from(orgUnits)
        .where(inArray(orgUnits.code, codes.slice(i, i + 1000)))),
    );
  }
  return rows;
}

/** One unit by id, whatever the actor (the caller applies its own policy); null when absent. */
export async function unitById(db: Db, id: string): Promise<OrgUnitRow | null> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return row ?? null;
}

/** The unit row locked (FOR UPDATE) for the rest of the transaction: a change reads it, checks, writes it. */
export async function lockUnitRow(tx: Db, id: string): Promise<OrgUnitRow | null> {
  const [row] = await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).for('update');
  return row ?? null;
}

/** The id of the unit holding `code`, if any (codes are unique). */
export async function unitIdWithCode(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)).limit(1);
  return row?.id ?? null;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
