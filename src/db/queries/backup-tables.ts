// The statements that walk every table for `thuocdo backup` and `thuocdo restore` (app/backup): a table read
// in primary-key order by keyset pages of row_to_json, and written back from those rows with
// jsonb_populate_recordset. Table and column names come from the catalog (backup-catalog.ts), never from
// users, and are quoted by ident/identList; the rows travel as one bound JSON parameter.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import { type TableInfo, ident, identList } from './backup-catalog.ts';

/**
 * Reads `table` one page at a time in primary-key order: each call gives the rows (as JSON text) after the
 * row `last` (the JSON of the previous page's last row; null: from the start), at most `limit` of them.
 */
export function tablePageReader(tx: Db, table: TableInfo, limit: number): (last: string | null) => Promise<string[]> {
  const t = ident(table.name);
  const order = identList(table.primaryKey, 't.');
  const keyOf = identList(table.primaryKey, 'k.');
  return async (last) => {
    // The next page starts after the last row's key, re-read from that row's own JSON with the column types.
    const where: SQL =
      last === null
        ? sql``
        : sql`where (${sql.raw(order)}) > (select ${sql.raw(keyOf)} from jsonb_populate_record(null::${sql.raw(t)}, ${last}::jsonb) k)`;
    const rows = rowsOf<{ j: string }>(
      await tx.execute(
        sql`select row_to_json(t)::text as j from ${sql.raw(t)} t ${where} order by ${sql.raw(order)} limit ${limit}`,
      ),
    );
    return rows.map((r) => r.j);
  };
}

/** The tables of the public schema. */
export async function publicTableNames(db: Db): Promise<string[]> {
  const tables = rowsOf<{ t: string }>(
    await db.execute(sql`select tablename::text as t from pg_tables where schemaname = 'public'`),
  );
  return tables.map(({ t }) => t);
}

export async function tableHasRows(db: Db, table: string): Promise<boolean> {
  const [row] = rowsOf<{ any: boolean }>(
    await db.execute(sql`select exists (select 1 from ${sql.raw(ident(table))}) as any`),
  );
  return Boolean(row?.any);
}

/**
 * Inserts a batch of backed-up rows (a JSON array) into `table`, `columns` only; identity columns keep their
 * values (OVERRIDING SYSTEM VALUE). Self-references go in as null: a batch may hold a child before its
 * parent (selfReferenceRestorer sets them afterwards).
 */
export function tableRowInserter(tx: Db, table: TableInfo, columns: string[]): (json: string) => Promise<unknown> {
  const t = ident(table.name);
  const select = columns.map((c) => (table.selfReferences.includes(c) ? 'null' : `k.${ident(c)}`)).join(', ');
  const overriding = table.identityColumns.some((c) => columns.includes(c)) ? 'overriding system value' : '';
  return (json) =>
    tx.execute(sql`insert into ${sql.raw(t)} (${sql.raw(identList(columns))}) ${sql.raw(overriding)}
      select ${sql.raw(select)} from jsonb_populate_recordset(null::${sql.raw(t)}, ${json}::jsonb) k`);
}

/** Sets the self-reference columns `refs` (a unit's parent) of a batch of backed-up rows already inserted. */
export function selfReferenceRestorer(tx: Db, table: TableInfo, refs: string[]): (json: string) => Promise<unknown> {
  const t = ident(table.name);
  const set = refs.map((c) => `${ident(c)} = k.${ident(c)}`).join(', ');
  const match = `(${identList(table.primaryKey, 't.')}) = (${identList(table.primaryKey, 'k.')})`;
  const anyRef = refs.map((c) => `k.${ident(c)} is not null`).join(' or ');
  return (json) =>
    tx.execute(sql`update ${sql.raw(t)} t set ${sql.raw(set)} from jsonb_populate_recordset(null::${sql.raw(t)}, ${json}::jsonb) k
        where ${sql.raw(match)} and (${sql.raw(anyRef)})`);
}

/** The next generated value of an identity column continues after the restored ones (audit_log.id). */
export async function resetIdentitySequence(tx: Db, table: string, column: string): Promise<void> {
  await tx.execute(
    sql.raw(
      `select setval(pg_get_serial_sequence('${ident(table)}', '${column}'), coalesce((select max(${ident(column)}) from ${ident(table)}), 0) + 1, false)`,
    ),
  );
}
