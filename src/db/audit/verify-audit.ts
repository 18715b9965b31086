// Recomputes every chain from its first entry; reports the first row (lowest id) whose stored hashes do
// not match — an edited row breaks its own hash, a deleted or inserted row breaks its successor's link.
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/audit.ts';
import { GENESIS_HASH, hashAuditEntry } from './write-audit.ts';

export type AuditVerification =
  | { ok: true; entries: number; chains: number }
  | { ok: false; entries: number; chains: number; brokenAt: number; chain: string; reason: 'prev_hash_mismatch' | 'content_hash_mismatch' };

export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  const prev = new Map<string, string>();
  let cursor = null as { chain: string; id: number } | null;
  let count = 0;
  let firstBroken: { id: number; chain: string; reason: 'prev_hash_mismatch' | 'content_hash_mismatch' } | null = null;
  const brokenChains = new Set<string>();
  for (;;) {
    const after: { chain: string; id: number } | null = cursor;
    const rows = await db
      .select()
      .from(auditLog)
      .where(after ? or(gt(auditLog.chain, after.chain), and(eq(auditLog.chain, after.chain), gt(auditLog.id, after.id))) : sql`true`)
      .orderBy(asc(auditLog.chain), asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      count++;
      cursor = { chain: row.chain, id: row.id };
      if (brokenChains.has(row.chain)) continue;
      const expectedPrev = prev.get(row.chain) ?? GENESIS_HASH;
      let reason: 'prev_hash_mismatch' | 'content_hash_mismatch' | null = null;
      if (row.prevHash !== expectedPrev) reason = 'prev_hash_mismatch';
      else {
        const expected = hashAuditEntry(row.prevHash, {
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
        if (expected !== row.hash) reason = 'content_hash_mismatch';
      }
      if (reason) {
        brokenChains.add(row.chain);
        if (!firstBroken || row.id < firstBroken.id) firstBroken = { id: row.id, chain: row.chain, reason };
        continue;
      }
      prev.set(row.chain, row.hash);
    }
  }
  const chains = new Set([...prev.keys(), ...brokenChains]).size;
  if (firstBroken) return { ok: false, entries: count, chains, brokenAt: firstBroken.id, chain: firstBroken.chain, reason: firstBroken.reason };
  return { ok: true, entries: count, chains };
}
