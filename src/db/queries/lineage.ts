// The merger lineage of a unit (org_unit_lineage), followed backwards through every earlier merger.
import { sql } from 'drizzle-orm';
import type { LineageLink } from '../../core/results/index.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

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
