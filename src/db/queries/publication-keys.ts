// The statements on signing_keys behind app/publication/signing-key.ts and trusted-keys.ts: the key pair
// that signs snapshots and audit checkpoints, created on first use and sealed (encrypted) at start. The
// advisory lock serialises creating and re-wrapping keys.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signingKeys } from '../schema/appraisal.ts';
import { rowsOf } from './assessments.ts';
import type { SigningKeyRow } from './snapshots.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

const KEY_LOCK = LOCK_CLASS.signingKeys;

/** Taken before reading or writing keys in a transaction (one key created, one re-wrap at a time). */
export async function lockSigningKeys(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${KEY_LOCK})`);
}

/** The newest key not retired: the one that signs. */
export async function currentSigningKey(tx: Db): Promise<SigningKeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingKeys)
    .where(and(isNull(signingKeys.retiredAt)))
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  return row;
}

export async function insertSigningKey(tx: Db, values: typeof signingKeys.$inferInsert): Promise<void> {
  await tx.insert(signingKeys).values(values);
}

/** Every stored key, in the table's order (sealing looks at each). */
export async function storedSigningKeys(tx: Db): Promise<SigningKeyRow[]> {
  return tx.select().from(signingKeys);
}

/** A key's private half re-written (encrypted, or re-wrapped under the primary secret). */
export async function updateSigningKey(
  tx: Db,
  id: string,
  set: { privateKey: string; encrypted?: boolean },
): Promise<void> {
  await tx.update(signingKeys).set(set).where(eq(signingKeys.id, id));
}

/** Every key's id and creation time, oldest first (the published list keeps the trusted ones). */
export async function signingKeyIdsOldestFirst(db: Db): Promise<{ id: string; createdAt: Date }[]> {
  return db
    .select({ id: signingKeys.id, createdAt: signingKeys.createdAt })
    .from(signingKeys)
    .orderBy(signingKeys.createdAt);
}

export async function publicKeyPemOf(db: Db, keyId: string): Promise<string | null> {
  const rows = rowsOf<{ public_key_pem: string }>(
    await db.execute(sql`select public_key_pem from signing_keys where id = ${keyId}`),
  );
  return rows[0]?.public_key_pem ?? null;
}
