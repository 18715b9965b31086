// The Ed25519 key pair that signs publication snapshots: generated on first use and stored in
// signing_keys. The private key is encrypted with AES-256-GCM under a key derived (HKDF-SHA-256) from
// SESSION_SECRET when one is configured — production requires it — and kept as plain PKCS#8 PEM
// otherwise (development and demo). Public keys stay served after a key is retired, so every snapshot
// ever published can still be verified.
import { type KeyObject, createCipheriv, createDecipheriv, createHash, createPrivateKey, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { and, desc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signingKeys } from '../../db/schema/appraisal.ts';

const KEY_LOCK = 727_003;
const INFO = 'thuocdo snapshot signing key v1';

function wrappingKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, INFO, 32));
}

export function encryptPrivateKey(pem: string, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, salt), iv);
  const data = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return ['v1', salt, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join(':');
}

export function decryptPrivateKey(stored: string, secret: string): string {
  const [v, salt, iv, tag, data] = stored.split(':');
  if (v !== 'v1' || !salt || !iv || !tag || !data) throw new Error('Khóa ký lưu trữ không đúng định dạng.');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret, Buffer.from(salt, 'base64')), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** Key id: SHA-256 (hex) of the raw 32-byte public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return createHash('sha256').update(raw).digest('hex');
}

export interface ActiveKey {
  id: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** The current signing key, created on first use (serialised by an advisory lock in the caller's transaction). */
export async function activeSigningKey(tx: Db, sessionSecret: string | undefined, now: Date): Promise<ActiveKey> {
  await tx.execute(sql`select pg_advisory_xact_lock(${KEY_LOCK})`);
  const [row] = await tx.select().from(signingKeys).where(and(isNull(signingKeys.retiredAt))).orderBy(desc(signingKeys.createdAt)).limit(1);
  if (row) {
    if (row.encrypted && !sessionSecret) throw new Error('Khóa ký được mã hóa bằng SESSION_SECRET nhưng máy chủ không được cấu hình SESSION_SECRET.');
    const pem = row.encrypted ? decryptPrivateKey(row.privateKey, sessionSecret!) : row.privateKey;
    return { id: row.id, privateKey: createPrivateKey(pem), publicKeyPem: row.publicKeyPem };
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const id = keyIdOf(publicKey);
  await tx.insert(signingKeys).values({
    id,
    algorithm: 'Ed25519',
    publicKeyPem,
    privateKey: sessionSecret ? encryptPrivateKey(privatePem, sessionSecret) : privatePem,
    encrypted: Boolean(sessionSecret),
    createdAt: now,
  });
  return { id, privateKey, publicKeyPem };
}
