// What a backup needs to know about the schema, read from the database's own catalog rather than from
// the Drizzle definitions: the tables, their columns, primary keys (keyset pagination), identity columns
// (OVERRIDING SYSTEM VALUE and the sequence reset) and foreign keys (insertion order). Reading the catalog
// keeps backup/restore correct when a migration adds a table without anyone touching this code. Used by
// app/backup (backup.ts, restore.ts); the statements that walk the tables are in backup-tables.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  identityColumns: string[];
  /** Columns referencing the same table (org_units.parent_id): restored in a second pass. */
  selfReferences: string[];
}

/**
 * Tables the database derives from others by itself (the triggers of migrations 0006 and 0016): never backed up, and
 * rebuilt on restore by the inserts of the tables they come from — restoring them too would collide
 * with what the triggers already wrote.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'framework_leaves',
  'assessment_score_sheets',
  'score_sheet_changes',
  // Migration 0016: the forms' stored progress, marked stale by the item inserts and recomputed on read.
  'assessment_progress',
]);

const split = (s: string | null) => (s ? s.split(',') : []);

export async function readCatalog(db: Db): Promise<TableInfo[]> {
  const cols = rowsOf<{ t: string; c: string; identity: string }>(
    await db.execute(sql`select table_name::text as t, column_name::text as c, is_identity::text as identity
      from information_schema.columns where table_schema = 'public' and is_generated = 'NEVER'
      order by table_name, ordinal_position`),
  );
  const pks = rowsOf<{ t: string; cols: string }>(
    await db.execute(sql`select cl.relname::text as t,
        string_agg(a.attname::text, ',' order by array_position(i.indkey::int2[], a.attnum)) as cols
      from pg_index i join pg_class cl on cl.oid = i.indrelid join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
      where i.indisprimary and n.nspname = 'public' group by cl.relname`),
  );
  const fks = rowsOf<{ child: string; parent: string; cols: string }>(
    await db.execute(sql`select cl.relname::text as child, pl.relname::text as parent,
        (select string_agg(a.attname::text, ',') from pg_attribute a where a.attrelid = con.conrelid and a.attnum = any(con.conkey)) as cols
      from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class pl on pl.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace where con.contype = 'f' and n.nspname = 'public'`),
  );
  const tables = new Map<string, TableInfo>();
  for (const r of cols) {
    if (DERIVED_TABLES.has(r.t)) continue;
    const t = tables.get(r.t) ?? { name: r.t, columns: [], primaryKey: [], identityColumns: [], selfReferences: [] };
    t.columns.push(r.c);
    if (r.identity === 'YES') t.identityColumns.push(r.c);
    tables.set(r.t, t);
  }
  for (const p of pks) {
    const t = tables.get(p.t);
    if (t) t.primaryKey = split(p.cols);
  }
  const parents = new Map<string, Set<string>>();
  for (const f of fks) {
    if (f.child === f.parent) tables.get(f.child)?.selfReferences.push(...split(f.cols));
    else (parents.get(f.child) ?? parents.set(f.child, new Set()).get(f.child)!).add(f.parent);
  }
  for (const t of tables.values()) {
    if (t.primaryKey.length === 0)
      throw new Error(`Bảng ${t.name} không có khóa chính: không sao lưu theo trang được.`);
  }
  return fkOrder([...tables.values()], parents);
}

/** Parents before children (Kahn's algorithm, ties by name so two backups list tables identically). */
function fkOrder(tables: TableInfo[], parents: Map<string, Set<string>>): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  while (ordered.length < tables.length) {
    const ready = tables
      .filter((t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p) || !byName.has(p)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0)
      throw new Error('Khóa ngoại giữa các bảng tạo thành vòng: không xác định được thứ tự khôi phục.');
    for (const t of ready) {
      done.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}

/** A quoted identifier list, e.g. `"assessment_id", "code"` (names come from the catalog, never from users). */
export function identList(names: string[], prefix = ''): string {
  return names.map((n) => `${prefix}"${n.replace(/"/g, '""')}"`).join(', ');
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The journal timestamp of the last migration applied (Drizzle records one row per migration). */
export async function lastMigrationTimestamp(db: Db): Promise<number> {
  const [row] = rowsOf<{ at: string | number | null }>(
    await db.execute(sql`select max(created_at) as at from drizzle.__drizzle_migrations`),
  );
  return Number(row?.at ?? 0);
}
