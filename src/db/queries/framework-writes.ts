// The statements that change index-set versions (app/frameworks): the per-code lock that numbers versions,
// the row lock a change starts with, and the insert, updates and delete. Every update bumps row_version,
// the optimistic-concurrency counter the editors send back (update-framework.ts).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { frameworks } from '../schema/frameworks.ts';
import type { FrameworkRow } from './frameworks.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

/** Serialises version numbering per code (two simultaneous creations never take the same number). */
export const FRAMEWORK_CODE_LOCK = LOCK_CLASS.frameworkCode;

/** Transaction-scoped lock on a code: held until commit, so the next version number is taken once. */
export async function lockFrameworkCode(tx: Db, code: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FRAMEWORK_CODE_LOCK}, hashtext(${code}))`);
}

/** The version row locked FOR UPDATE; undefined when missing (or when `id` cannot be a uuid: no cast error). */
export async function frameworkForUpdate(tx: Db, id: string): Promise<FrameworkRow | undefined> {
  const [locked] = /^[0-9a-f-]{36}$/i.test(id)
    ? await tx.select().from(frameworks).where(eq(frameworks.id, id)).for('update')
    : [];
  return locked;
}

export async function insertFramework(tx: Db, values: typeof frameworks.$inferInsert): Promise<FrameworkRow> {
  const [row] = await tx.insert(frameworks).values(values).returning();
  return row!;
}

type FrameworkChange = Partial<Omit<typeof frameworks.$inferInsert, 'id' | 'rowVersion'>>;

/** The caller holds the row lock (frameworkForUpdate), so the row is there to return. */
async function changeFramework(tx: Db, id: string, set: FrameworkChange): Promise<FrameworkRow> {
  const [after] = await tx
    .update(frameworks)
    .set({ ...set, rowVersion: sql`${frameworks.rowVersion} + 1` })
    .where(eq(frameworks.id, id))
    .returning();
  return after!;
}

/** A draft's new content: the columns derived from its definition (framework-input.ts derivedColumns). */
export function replaceFrameworkDefinition(
  tx: Db,
  id: string,
  columns: FrameworkChange,
  now: Date,
): Promise<FrameworkRow> {
  return changeFramework(tx, id, { ...columns, updatedAt: now });
}

export function markFrameworkPublished(
  tx: Db,
  id: string,
  publishedBy: string | null,
  now: Date,
): Promise<FrameworkRow> {
  return changeFramework(tx, id, { status: 'published', publishedAt: now, publishedBy, updatedAt: now });
}

export function markFrameworkArchived(tx: Db, id: string, now: Date): Promise<FrameworkRow> {
  return changeFramework(tx, id, { status: 'archived', archivedAt: now, updatedAt: now });
}

/** Deletes a version; versions based on it keep existing with based_on_id cleared (on delete set null). */
export async function deleteFrameworkRow(tx: Db, id: string): Promise<void> {
  await tx.delete(frameworks).where(eq(frameworks.id, id));
}
