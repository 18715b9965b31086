// Audit checkpoints (db/schema/audit-checkpoints.ts) as app/audit/checkpoints.ts writes and verifies them,
// and the chains' heads they anchor.
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type ChainAnchor, auditCheckpoints } from '../schema/audit-checkpoints.ts';
import { rowsOf } from './assessments.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

export type { ChainAnchor };
export type CheckpointRow = typeof auditCheckpoints.$inferSelect;
export type NewCheckpointRow = typeof auditCheckpoints.$inferInsert;

const CHECKPOINT_LOCK = LOCK_CLASS.auditCheckpoint;

/**
 * Every chain's count, last id and head in one statement, so the checkpoint is a consistent cut: a chain's
 * entries are appended under its lock in id order, and the statement sees whole transactions.
 */
export async function readChainHeads(db: Db): Promise<ChainAnchor[]> {
  const rows = rowsOf<{ chain: string; n: number | string; last_id: number | string; hash: string }>(
    await db.execute(sql`select m.chain, m.n, m.last_id, a.hash
      from (select chain, count(*) as n, max(id) as last_id from audit_log group by chain) m
      join audit_log a on a.id = m.last_id
      order by m.chain`),
  );
  return rows.map((r) => ({ chain: r.chain, count: Number(r.n), lastId: Number(r.last_id), head: r.hash }));
}

/** One checkpoint writer at a time (transaction-scoped advisory lock), so two never chain off the same one. */
export async function lockCheckpointWriter(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK})`);
}

export async function latestCheckpoint(db: Db): Promise<CheckpointRow | null> {
  const [previous] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return previous ?? null;
}

export async function insertCheckpoint(tx: Db, values: NewCheckpointRow): Promise<number> {
  const [row] = await tx.insert(auditCheckpoints).values(values).returning({ id: auditCheckpoints.id });
  return row!.id;
}

/** Every checkpoint's link (id, previous digest, digest), oldest first. */
export async function checkpointSequence(db: Db): Promise<{ id: number; prevDigest: string; digest: string }[]> {
  return db
    .select({ id: auditCheckpoints.id, prevDigest: auditCheckpoints.prevDigest, digest: auditCheckpoints.digest })
    .from(auditCheckpoints)
    .orderBy(asc(auditCheckpoints.id));
}

export async function checkpointById(db: Db, id: number): Promise<CheckpointRow | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(sql`${auditCheckpoints.id} = ${id}`);
  return row ?? null;
}
