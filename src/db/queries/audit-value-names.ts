// Names of the things an audit entry's before and after refer to by id — units, accounts, campaigns, a
// campaign's groups, councils, index sets, unit groups, evidence documents — in one statement for a
// whole page of the log (issue 14 §6: the log speaks in names). An id that is none of these (a signing
// key, a snapshot, a delegation) or whose object is gone gets no name; the client leaves it out.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export async function namesOfIds(db: Db, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map();
  // A Postgres array literal, not a JS array: Drizzle would expand the latter into a tuple. The ids are
  // UUIDs (collectIds keeps nothing else), so the literal needs no quoting.
  const list = `{${[...ids].join(',')}}`;
  const rows = rowsOf<{ id: string; name: string | null }>(
    await db.execute(sql`
      with wanted as (select unnest(${list}::uuid[]) as id)
      select o.id::text, o.name from org_units o join wanted w on w.id = o.id
      union all select u.id::text, u.full_name from users u join wanted w on w.id = u.id
      union all select c.id::text, c.name from campaigns c join wanted w on w.id = c.id
      union all select g.id::text, g.name from campaign_groups g join wanted w on w.id = g.id
      union all select b.id::text, b.name from appraisal_bodies b join wanted w on w.id = b.id
      union all select f.id::text, f.name from frameworks f join wanted w on w.id = f.id
      union all select ug.id::text, ug.name from unit_groups ug join wanted w on w.id = ug.id
      union all select e.id::text, coalesce(e.file_name, e.summary, e.url)
        from evidence_documents e join wanted w on w.id = e.id`),
  );
  const names = new Map<string, string>();
  for (const r of rows) if (r.name) names.set(r.id, r.name);
  return names;
}
