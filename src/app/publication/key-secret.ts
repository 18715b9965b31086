// The key-encryption secret: what the signing key's private half is encrypted with at rest (and, since
// only the holder of this secret can produce a key row that decrypts, what tells the deployment's own
// keys from a key row someone inserted into the database). SESSION_SECRET when configured — production
// requires it. Otherwise (development, demo) a random secret generated once into the data directory,
// owner-only (0600): never in the database, so never in a backup. When SESSION_SECRET is set later,
// the generated file still decrypts the older key, which the next start re-encrypts (sealSigningKeys).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../infra/config.ts';
import { linksUnsupported } from '../../infra/links-unsupported.ts';

export const KEY_SECRET_FILE = 'key-encryption.secret';

export interface KeySecrets {
  /** Encrypts new and re-encrypted keys. */
  primary: string;
  /** Every secret a stored key may be encrypted with, primary first. */
  candidates: string[];
  source: 'SESSION_SECRET' | 'data-directory';
}

type SecretConfig = Pick<AppConfig, 'sessionSecret' | 'dataDir' | 'env'>;

const memo = new Map<string, KeySecrets>();

export function keySecrets(config: SecretConfig): KeySecrets {
  const memoKey = `${config.dataDir}\n${config.sessionSecret ?? ''}`;
  let secrets = memo.get(memoKey);
  if (!secrets) {
    secrets = resolve(config);
    memo.set(memoKey, secrets);
  }
  return secrets;
}

function resolve(config: SecretConfig): KeySecrets {
  const file = path.join(config.dataDir, KEY_SECRET_FILE);
  if (config.sessionSecret) {
    const generated = readSecretFile(file);
    return {
      primary: config.sessionSecret,
      candidates: generated ? [config.sessionSecret, generated] : [config.sessionSecret],
      source: 'SESSION_SECRET',
    };
  }
  if (config.env === 'production')
    throw new Error('SESSION_SECRET bắt buộc khi NODE_ENV=production (bí mật mã hóa khóa ký).');
  const secret = readSecretFile(file) ?? createSecretFile(file);
  return { primary: secret, candidates: [secret], source: 'data-directory' };
}

function readSecretFile(file: string): string | null {
  let text: string;
  // Empty for a moment only while another process creates it in place (createSecretFileInPlace): waited for,
  // up to a second; an empty file after that is a damaged one.
  for (let waited = 0; ; waited += 20) {
    try {
      text = fs.readFileSync(file, 'utf8').trim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (text.length > 0 || waited >= 1000) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  if (text.length < 32) throw new Error(`Tệp bí mật mã hóa khóa ký ${file} bị hỏng (quá ngắn).`);
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return text;
}

function createSecretFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  // Written whole under a temporary name, then linked into place: a concurrent reader never sees it half-written.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, secret + '\n', { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return secret;
  } catch (err) {
    // Another process (a parallel test suite, a second CLI command) created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSecretFile(file)!;
    if (linksUnsupported(err)) return createSecretFileInPlace(file, secret);
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * On a file system without hard links (decision 0033): created under its own name, exclusively, so two
 * processes still cannot both make one; a reader that opens it before its one write waits for it
 * (readSecretFile).
 */
function createSecretFileInPlace(file: string, secret: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSecretFile(file)!;
    throw err;
  }
  try {
    fs.writeSync(fd, secret + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return secret;
}
