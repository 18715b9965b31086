// The Ed25519 key pair that signs publication snapshots and audit checkpoints: generated on first use
// and stored in signing_keys. The private key is ALWAYS encrypted at rest — AES-256-GCM under a key
// derived (HKDF-SHA-256) from the key-encryption secret (key-secret.ts: SESSION_SECRET, or a secret
// generated into the data directory), so neither the database nor a backup holds it in clear. Keys
// stored in clear by earlier versions are encrypted at start (sealSigningKeys). Public keys stay served
// after a key is retired, so every snapshot ever published can still be verified.
import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  currentSigningKey,
  insertSigningKey,
  lockSigningKeys,
  storedSigningKeys,
  updateSigningKey,
} from '../../db/queries/publication-keys.ts';
import { OperationError } from '../errors.ts';
import type { KeySecrets } from './key-secret.ts';

const INFO = 'thuocdo snapshot signing key v1';

function wrappingKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, INFO, 32));
}

export function encryptPrivateKey(pem: string, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, salt), iv);
  const data = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return ['v1', salt, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join(':');
}

export function decryptPrivateKey(stored: string, secret: string): string {
  const [v, salt, iv, tag, data] = stored.split(':');
  if (v !== 'v1' || !salt || !iv || !tag || !data) throw new Error('Khóa ký lưu trữ không đúng định dạng.');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    wrappingKey(secret, Buffer.from(salt, 'base64')),
    Buffer.from(iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** Key id: SHA-256 (hex) of the raw 32-byte public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return createHash('sha256').update(raw).digest('hex');
}

type KeyRow = { id: string; publicKeyPem: string; privateKey: string; encrypted: boolean };

/**
 * The private key of a stored row when one of the secrets decrypts it AND it is the private half of the
 * row's public key and id; null otherwise. `secret` says which candidate opened it.
 */
export function openStoredKey(row: KeyRow, secrets: KeySecrets): { privateKey: KeyObject; secret: string } | null {
  if (!row.encrypted) return null;
  for (const secret of secrets.candidates) {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(decryptPrivateKey(row.privateKey, secret));
    } catch {
      continue;
    }
    try {
      const derived = createPublicKey(privateKey);
      if (keyIdOf(derived) !== row.id || keyIdOf(createPublicKey(row.publicKeyPem)) !== row.id) return null;
    } catch {
      return null;
    }
    return { privateKey, secret };
  }
  return null;
}

export interface ActiveKey {
  id: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** The current signing key, created on first use (serialised by an advisory lock in the caller's transaction). */
export async function activeSigningKey(tx: Db, secrets: KeySecrets, now: Date): Promise<ActiveKey> {
  await lockSigningKeys(tx);
  const row = await currentSigningKey(tx);
  if (row) {
    const opened = openStoredKey(row, secrets);
    if (!opened) {
      throw new OperationError(
        'INVALID_STATE',
        'Máy chủ không mở được khóa ký số: bí mật mã hóa khóa (SESSION_SECRET, hoặc tệp key-encryption.secret trong thư mục dữ liệu) khác với khi tạo khóa. Vui lòng báo quản trị viên hệ thống.',
      );
    }
    return { id: row.id, privateKey: opened.privateKey, publicKeyPem: row.publicKeyPem };
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const id = keyIdOf(publicKey);
  await insertSigningKey(tx, {
    id,
    algorithm: 'Ed25519',
    publicKeyPem,
    privateKey: encryptPrivateKey(privatePem, secrets.primary),
    encrypted: true,
    createdAt: now,
  });
  return { id, privateKey, publicKeyPem };
}

export interface SealReport {
  /** Keys found in clear and encrypted now. */
  encrypted: string[];
  /** Keys encrypted with an older secret and re-encrypted with the primary one. */
  rewrapped: string[];
  /** Keys no configured secret opens (wrong or lost secret, or a row not made by this deployment). */
  unreadable: string[];
}

/** Encrypts every key stored in clear (earlier versions did so without SESSION_SECRET) and re-wraps old ones. */
export async function sealSigningKeys(db: Db, secrets: KeySecrets): Promise<SealReport> {
  const report: SealReport = { encrypted: [], rewrapped: [], unreadable: [] };
  await db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    for (const row of await storedSigningKeys(tx)) {
      if (!row.encrypted) {
        const pem = row.privateKey;
        let matches = false;
        try {
          matches = keyIdOf(createPublicKey(createPrivateKey(pem))) === row.id;
        } catch {
          matches = false;
        }
        if (!matches) {
          report.unreadable.push(row.id);
          continue;
        }
        await updateSigningKey(tx, row.id, { privateKey: encryptPrivateKey(pem, secrets.primary), encrypted: true });
        report.encrypted.push(row.id);
        continue;
      }
      const opened = openStoredKey(row, secrets);
      if (!opened) report.unreadable.push(row.id);
      else if (opened.secret !== secrets.primary) {
        const pem = opened.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
        await updateSigningKey(tx, row.id, { privateKey: encryptPrivateKey(pem, secrets.primary) });
        report.rewrapped.push(row.id);
      }
    }
  });
  return report;
}
