// Bulk writes for the fixture (`thuocdo fixture national`): one `INSERT … SELECT FROM unnest(…)` per chunk of
// rows, the arrays sent as PostgreSQL array literals (one parameter per column, whatever the row count) —
// fastest on both drivers. The fixture's speed is measured by the benches: keep the SQL text and the chunk
// sizes as they are.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

export type Cell = string | number | boolean | null;

/** `{"a","b",NULL}`: every element quoted, so commas, quotes, braces and backslashes survive. */
export function pgArray(values: readonly Cell[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** Column `k` of `rows` as ONE array parameter cast to `type[]` (e.g. uuid, text, jsonb, timestamptz). */
export function columnArray(rows: readonly (readonly Cell[])[], k: number, type: string): SQL {
  return sql`${pgArray(rows.map((r) => r[k]!))}::${sql.raw(type)}[]`;
}

export interface Column {
  name: string;
  /** Element type of the array, e.g. uuid, text, jsonb, float8, int4, bool, timestamptz. */
  type: string;
}

/** `'id:uuid,code:text'` → the columns, in that order. */
export function columnsOf(spec: string): Column[] {
  return spec.split(',').map((c) => ({ name: c.split(':')[0]!, type: c.split(':')[1]! }));
}

/** Inserts `rows` (one array per column, same order as `columns`) in chunks; `suffix` e.g. "on conflict do nothing". */
export async function bulkInsert(
  db: Db,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  suffix = '',
  chunkRows = 10_000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkRows) {
    const slice = rows.slice(i, i + chunkRows);
    const arrays = columns.map((c, k) => columnArray(slice, k, c.type));
    await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(columns.map((c) => c.name).join(', '))})
      select * from unnest(${sql.join(arrays, sql`, `)}) ${sql.raw(suffix)}`);
  }
}
