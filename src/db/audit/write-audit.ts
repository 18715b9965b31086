// Appends one hash-chained entry inside the caller's transaction, so a change and its audit entry
// commit or fail together. A transaction-scoped advisory lock serialises appenders: the chain order is
// the commit order.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/audit.ts';

const AUDIT_CHAIN_LOCK = 727_001;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEntryInput {
  action: string;
  objectType: string;
  objectId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditContent {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  const canonical = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export async function writeAudit(tx: Db, actor: AuditActor, entry: AuditEntryInput): Promise<void> {
  await writeAuditBatch(tx, actor, [entry]);
}

/** Appends several entries in order under one lock (bulk imports). */
export async function writeAuditBatch(tx: Db, actor: AuditActor, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = entries.map((entry) => {
    const content: AuditContent = {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      unitId: entry.unitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
    };
    const hash = hashAuditEntry(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
}
