// Which stored public keys the server vouches for. Anyone able to write the database could insert a key
// pair of their own into signing_keys and sign altered content with it; the signature would verify. A
// key is the deployment's own when its stored private half opens with the key-encryption secret — which
// is not in the database — and matches its public half (openStoredKey). The answer is kept per key row
// content, so each key is opened once per process, not per request.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { signingKeyIdsOldestFirst } from '../../db/queries/publication-keys.ts';
import { findSigningKey } from '../../db/queries/snapshots.ts';
import type { KeySecrets } from './key-secret.ts';
import { openStoredKey } from './signing-key.ts';

export type KeyTrust =
  | { trusted: true; publicKeyPem: string }
  | { trusted: false; problem: 'KEY_UNKNOWN' | 'KEY_UNTRUSTED' };

const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 256;

export async function trustedKey(db: Db, keyId: string, secrets: KeySecrets): Promise<KeyTrust> {
  const row = await findSigningKey(db, keyId);
  if (!row) return { trusted: false, problem: 'KEY_UNKNOWN' };
  const memo = createHash('sha256')
    .update([row.id, row.publicKeyPem, row.privateKey, String(row.encrypted), secrets.candidates.join('\n')].join('\0'))
    .digest('hex');
  let trusted = verdicts.get(memo);
  if (trusted === undefined) {
    trusted = openStoredKey(row, secrets) !== null;
    if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(memo, trusted);
  }
  return trusted ? { trusted: true, publicKeyPem: row.publicKeyPem } : { trusted: false, problem: 'KEY_UNTRUSTED' };
}

/** The keys the deployment publishes (GET /api/v1/signing-keys, the standalone verifier): its own only. */
export async function publishedKeyIds(db: Db, secrets: KeySecrets): Promise<{ id: string; createdAt: string }[]> {
  const out: { id: string; createdAt: string }[] = [];
  for (const k of await signingKeyIdsOldestFirst(db)) {
    if ((await trustedKey(db, k.id, secrets)).trusted)
      out.push({ id: k.id, createdAt: new Date(k.createdAt).toISOString() });
  }
  return out;
}
