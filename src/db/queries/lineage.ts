// The lineage of units (org_unit_lineage): followed backwards through every earlier merger, read whole for
// checks and derived rankings, written by the lineage use cases (src/app/org-units/*-lineage*, record-*.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LineageLink } from '../../core/results/index.ts';
import type { Db } from '../client.ts';
import { orgUnitLineage, orgUnits } from '../schema/org.ts';
import { rowsOf } from './assessments.ts';
import { textArray } from './sql-arrays.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

/** The lineage reachable backwards from `unitId` (a few rows per merger; chains followed), with each predecessor's code and name. */
export async function lineageOf(
  db: Db,
  unitId: string,
): Promise<{ links: LineageLink[]; names: Map<string, { code: string; name: string }> }> {
  const rows = rowsOf<{ unit_id: string; predecessor_id: string; code: string; name: string }>(
    await db.execute(sql`with recursive up(unit_id, predecessor_id) as (
        select unit_id, predecessor_id from org_unit_lineage where unit_id = ${unitId}::uuid
        union select l.unit_id, l.predecessor_id from org_unit_lineage l join up on l.unit_id = up.predecessor_id)
      select up.unit_id, up.predecessor_id, o.code, o.name from up join org_units o on o.id = up.predecessor_id`),
  );
  return {
    links: rows.map((r) => ({ unitId: r.unit_id, predecessorId: r.predecessor_id })),
    names: new Map(rows.map((r) => [r.predecessor_id, { code: r.code, name: r.name }])),
  };
}

export interface StoredLineageRow {
  unitId: string;
  predecessorId: string;
  effectiveDate: string;
  kind: string;
  legalBasis: string | null;
  legalBasisDate: string | null;
  note: string | null;
}

/** Every lineage row: a province's is a few hundred (Hà Tĩnh 2025: 212), read whole for cycle checks and derived rankings. */
export async function allLineageRows(db: Db): Promise<StoredLineageRow[]> {
  return db
    .select({
      unitId: orgUnitLineage.unitId,
      predecessorId: orgUnitLineage.predecessorId,
      effectiveDate: orgUnitLineage.effectiveDate,
      kind: orgUnitLineage.kind,
      legalBasis: orgUnitLineage.legalBasis,
      legalBasisDate: orgUnitLineage.legalBasisDate,
      note: orgUnitLineage.note,
    })
    .from(orgUnitLineage);
}

/** Code, name and dates of units (lineage checks and derived rankings). */
export async function lineageUnits(
  db: Db,
  ids: readonly string[],
): Promise<
  Map<string, { id: string; code: string; name: string; activeFrom: string | null; activeTo: string | null }>
> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      activeFrom: orgUnits.activeFrom,
      activeTo: orgUnits.activeTo,
    })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertLineageRows(db: Db, rows: readonly StoredLineageRow[]): Promise<void> {
  if (rows.length) await db.insert(orgUnitLineage).values([...rows]);
}

/**
 * The predecessors a new unit was formed from, recorded with the unit (create-unit.ts): no kind or legal
 * basis given, so the columns keep their defaults.
 */
export async function insertFormedFromRows(
  tx: Db,
  rows: readonly { unitId: string; predecessorId: string; effectiveDate: string; note: string | null }[],
): Promise<void> {
  await tx.insert(orgUnitLineage).values([...rows]);
}

/** Removes one row; returns it as it was (null when absent). */
export async function deleteLineageRow(
  db: Db,
  unitId: string,
  predecessorId: string,
): Promise<StoredLineageRow | null> {
  const [row] = await db
    .delete(orgUnitLineage)
    .where(and(eq(orgUnitLineage.unitId, unitId), eq(orgUnitLineage.predecessorId, predecessorId)))
    .returning();
  return row
    ? {
        unitId: row.unitId,
        predecessorId: row.predecessorId,
        effectiveDate: row.effectiveDate,
        kind: row.kind,
        legalBasis: row.legalBasis,
        legalBasisDate: row.legalBasisDate,
        note: row.note,
      }
    : null;
}

/**
 * The published campaigns (latest snapshot) in which one of `unitIds` has a result: a lineage row through
 * such a unit feeds a derived view of that campaign, so removing it is audited with them.
 */
export async function publishedCampaignsWithUnits(
  db: Db,
  unitIds: readonly string[],
): Promise<{ campaignId: string; name: string; year: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = rowsOf<{ campaign_id: string; name: string; year: number | string }>(
    await db.execute(sql`select distinct c.id as campaign_id, c.name, c.year
      from (select distinct on (campaign_id) campaign_id, payload from snapshots order by campaign_id, version desc) s
      join campaigns c on c.id = s.campaign_id
      where exists (select 1 from jsonb_array_elements(s.payload->'results') r
                    where r->'unit'->>'id' = any(${textArray([...unitIds])}))
      order by c.year`),
  );
  return rows.map((r) => ({ campaignId: r.campaign_id, name: r.name, year: Number(r.year) }));
}

const LINEAGE_LOCK_CLASS = LOCK_CLASS.lineage;

/**
 * Serialises lineage changes for the rest of the transaction: the cycle check reads the whole lineage, and two
 * concurrent changes over disjoint units could otherwise each pass it and close a cycle together.
 */
export async function lockLineage(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LINEAGE_LOCK_CLASS}, 0)`);
}
