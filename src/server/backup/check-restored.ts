// After a restore: every published snapshot must still hash to its stored digest and verify against its
// signing key, and every audit chain must be intact — the proof that the copy is faithful, not just full.
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { verifyAuditChain } from '../../db/audit/verify-audit.ts';
import { signingKeys, snapshots } from '../../db/schema/appraisal.ts';
import { verifySnapshot } from '../publication/verify-snapshot.ts';

export interface RestoredCheck {
  snapshots: number;
  invalidSnapshots: string[];
  auditEntries: number;
  auditOk: boolean;
}

export async function checkRestored(db: Db): Promise<RestoredCheck> {
  const invalid: string[] = [];
  let count = 0;
  let after = '';
  // One snapshot at a time: a payload can be megabytes for a whole country's communes.
  for (;;) {
    const [row] = await db
      .select({ id: snapshots.id, payload: snapshots.payload, digest: snapshots.digest, signature: snapshots.signature, pem: signingKeys.publicKeyPem })
      .from(snapshots)
      .innerJoin(signingKeys, eq(signingKeys.id, snapshots.keyId))
      .where(gt(snapshots.id, after || '00000000-0000-0000-0000-000000000000'))
      .orderBy(asc(snapshots.id))
      .limit(1);
    if (!row) break;
    count++;
    after = row.id;
    if (!verifySnapshot(row.payload as object, row.digest, row.signature, row.pem).valid) invalid.push(row.id);
  }
  const audit = await verifyAuditChain(db);
  return { snapshots: count, invalidSnapshots: invalid, auditEntries: audit.entries, auditOk: audit.ok };
}
