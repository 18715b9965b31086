// Housekeeping SQL of an embedded (PGlite) database, which has no autovacuum: every item save, session
// touch and pull leaves dead row versions that nothing reclaims, and the planner's statistics are never
// refreshed (measured: reading item rows ~5× slower by the third pull of a 4,000-unit period). PostgreSQL's
// autovacuum does this by itself; the job that calls this runs on PGlite only (app/jobs/vacuum-embedded.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * The tables rows are updated or deleted in all day (saves, submissions, progress, pulls, sessions, jobs),
 * plus the audit log (insert-only, but ANALYZE keeps its chain index chosen and VACUUM its visibility map).
 * Names are constants here, never input: VACUUM takes no parameters.
 */
export const BUSY_TABLES = [
  'assessment_items',
  'assessments',
  'assessment_progress',
  'item_evidence',
  'supplied_figures',
  'data_source_values',
  'data_source_runs',
  'assessment_score_sheets',
  'score_sheet_changes',
  'item_reviews',
  'audit_log',
  'sessions',
  'login_throttle',
  'jobs',
  'notifications',
] as const;

/**
 * VACUUM (ANALYZE) of each busy table, one statement each (VACUUM runs outside a transaction, so the caller
 * must not hold one): dead versions become reusable space, statistics are fresh. Returns the time per table.
 */
export async function vacuumBusyTables(db: Db): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  for (const table of BUSY_TABLES) {
    const started = performance.now();
    await db.execute(sql.raw(`vacuum (analyze) ${table}`));
    ms[table] = Math.round(performance.now() - started);
  }
  return ms;
}

/** Dead row versions per busy table as the statistics see them (tests, the job's log line). */
export async function deadTuples(db: Db): Promise<Record<string, number>> {
  const res = await db.execute(
    sql`select relname, n_dead_tup from pg_stat_user_tables where relname = any(${sql.raw(
      `array[${BUSY_TABLES.map((t) => `'${t}'`).join(',')}]::text[]`,
    )})`,
  );
  const rows = ((res as { rows?: unknown[] }).rows ?? res) as { relname: string; n_dead_tup: number | string }[];
  const out: Record<string, number> = {};
  for (const r of rows) out[r.relname] = Number(r.n_dead_tup);
  return out;
}
