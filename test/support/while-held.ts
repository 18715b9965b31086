// Races made to happen on PostgreSQL: a transaction takes row locks (and perhaps changes rows), a request
// is sent, and the transaction commits only once one of the request's statements is seen waiting for one of
// those locks — so what commits "between the request's read and its write" does so every time, not by luck.
// PostgreSQL only: PGlite has one connection, so nothing can commit while a statement waits.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';

/**
 * Runs `hold` (SQL statements, in order) in a transaction, sends `request`, waits until a statement of this
 * database whose text contains `waiting` ('' for any) waits on a lock, commits, and returns the request's
 * answer. Throws when the request was never seen waiting (the race did not happen: the test would prove
 * nothing). PostgreSQL shows only a statement's first 1,024 bytes (track_activity_query_size): look for
 * text near its start.
 */
export async function whileHeld<T>(
  db: Db,
  hold: readonly string[],
  waiting: string,
  request: () => Promise<T>,
  /** Done while the request waits, before the commit (what the holder does besides its statements). */
  beforeCommit?: () => Promise<void> | void,
): Promise<T> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const holder = db.transaction(async (tx) => {
    for (const statement of hold) await tx.execute(sql.raw(statement));
    held();
    await gate;
  });
  await holding;
  const answer = request();
  let waited = false;
  for (let i = 0; i < 200 && !waited; i++) {
    const [w] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like ${`%${waiting}%`}`,
      ),
    );
    waited = Number(w?.n) > 0;
    if (!waited) await new Promise((r) => setTimeout(r, 25));
  }
  if (waited) await beforeCommit?.();
  release();
  await holder;
  if (!waited)
    throw new Error(`no statement${waiting ? ` containing "${waiting}"` : ''} was seen waiting for the held locks`);
  return answer;
}
