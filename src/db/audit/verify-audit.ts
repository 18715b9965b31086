// Recomputes the chain from the first entry; reports the first row whose stored hashes do not match.
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/audit.ts';
import { GENESIS_HASH, hashAuditEntry } from './write-audit.ts';

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'prev_hash_mismatch' | 'content_hash_mismatch' };

export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, entries: count };
    for (const row of rows) {
      count++;
      if (row.prevHash !== prev) return { ok: false, entries: count, brokenAt: row.id, reason: 'prev_hash_mismatch' };
      const expected = hashAuditEntry(prev, {
        at: row.at,
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        unitId: row.unitId,
        before: row.before,
        after: row.after,
        reason: row.reason,
      });
      if (expected !== row.hash) return { ok: false, entries: count, brokenAt: row.id, reason: 'content_hash_mismatch' };
      prev = row.hash;
      lastId = row.id;
    }
  }
}
