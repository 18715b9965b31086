// Backups and the signing key (issue 11, finding 9): the Ed25519 private key is always encrypted at rest —
// under SESSION_SECRET, or without one under a random secret generated into the data directory (0600),
// which is never in the database nor in a backup; a key an earlier version stored in clear is encrypted
// at start; a backup is 0700/0600 and never holds a key in clear.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { runBackup } from '../../src/app/backup/backup.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { KEY_SECRET_FILE, keySecrets } from '../../src/app/publication/key-secret.ts';
import { encryptPrivateKey, keyIdOf, openStoredKey, sealSigningKeys } from '../../src/app/publication/signing-key.ts';
import { startServer } from '../../src/server/start-server.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { testKeySecrets } from '../support/key-secrets.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-keys-'));
let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: PublishedIds;
let store: LocalFileStore;

type KeyRow = { id: string; public_key_pem: string; private_key: string; encrypted: boolean };
const keysOf = async (db: Database) =>
  rowsOf<KeyRow>(
    await db.db.execute(sql`select id, public_key_pem, private_key, encrypted from signing_keys order by created_at`),
  );
const asRow = (r: KeyRow) => ({
  id: r.id,
  publicKeyPem: r.public_key_pem,
  privateKey: r.private_key,
  encrypted: r.encrypted,
});

function clearKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    id: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
const insertKey = (db: Database, k: ReturnType<typeof clearKey>, stored: string, encrypted: boolean) =>
  db.db.execute(
    sql`insert into signing_keys (id, algorithm, public_key_pem, private_key, encrypted, created_at) values (${k.id}, 'Ed25519', ${k.publicKeyPem}, ${stored}, ${encrypted}, now() - interval '1 day')`,
  );

/** Every path under `root` whose mode is not exactly 0700 (directories) or 0600 (files). */
function notOwnerOnly(root: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) out.push(`${path.relative(root, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
  };
  visit(root);
  return out;
}

function thuocdo(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THUOCDO_DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  delete env.SESSION_SECRET;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/thuocdo.mjs', ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  store = new LocalFileStore({ root: path.join(tmp, 'files') });
  t = await createTestApp({ clock: () => now, fileStore: store });
  ids = await publishedCampaign(t, { set: (d) => (now = d) });
  expect(
    (await (await t.as('rep_c1')).upload(`/api/v1/units/${t.unit('C1')}/evidence`, 'Kế hoạch.pdf', pdf('kế hoạch')))
      .statusCode,
  ).toBe(201);
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the signing key at rest', () => {
  it('is encrypted even without SESSION_SECRET (the test server has none), and opens only with the secret', async () => {
    const [key] = await keysOf(t.database);
    expect(key!.id).toBe(ids.snapshot.keyId);
    expect(key!.encrypted).toBe(true);
    expect(key!.private_key).toMatch(/^v1:/);
    expect(key!.private_key).not.toContain('PRIVATE KEY');
    expect(openStoredKey(asRow(key!), testKeySecrets())).not.toBeNull();
    expect(
      openStoredKey(asRow(key!), { primary: 'x'.repeat(32), candidates: ['x'.repeat(32)], source: 'SESSION_SECRET' }),
    ).toBeNull();
  });

  it('development: a random secret generated into the data directory, 0600, kept; production: SESSION_SECRET, no file', () => {
    const dev = path.join(tmp, 'dev-data');
    const a = keySecrets({ dataDir: dev, sessionSecret: undefined, env: 'development' });
    expect(a.source).toBe('data-directory');
    expect(a.primary).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(path.join(dev, KEY_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dev).mode & 0o777).toBe(0o700);
    const other = keySecrets({ dataDir: path.join(tmp, 'dev-other'), sessionSecret: undefined, env: 'development' });
    expect(other.primary).not.toBe(a.primary);
    const prod = path.join(tmp, 'prod-data');
    const secret = 's'.repeat(40);
    expect(keySecrets({ dataDir: prod, sessionSecret: secret, env: 'production' })).toMatchObject({
      primary: secret,
      candidates: [secret],
      source: 'SESSION_SECRET',
    });
    expect(fs.existsSync(path.join(prod, KEY_SECRET_FILE))).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', THUOCDO_DATA_DIR: prod })).toThrow(/SESSION_SECRET/);
  });

  it('a key stored in clear by an earlier version is encrypted when the server starts; one under an older secret is re-encrypted', async () => {
    const dir = path.join(tmp, 'upgraded');
    const database = await openPglite({ dir });
    const legacy = clearKey();
    const older = clearKey();
    const dataDirSecret = keySecrets({ dataDir: dir, sessionSecret: undefined, env: 'development' }).primary;
    try {
      await migrateDatabase(database);
      await insertKey(database, legacy, legacy.privatePem, false);
      await insertKey(database, older, encryptPrivateKey(older.privatePem, dataDirSecret), true);
    } finally {
      await database.close();
    }
    // Started with SESSION_SECRET now set: the generated secret still opens the older key, which is re-wrapped.
    const sessionSecret = 'z'.repeat(40);
    const config = loadConfig({
      NODE_ENV: 'development',
      THUOCDO_DATA_DIR: dir,
      SESSION_SECRET: sessionSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      JOB_WORKER: 'false',
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(config, {});
    try {
      const rows = await keysOf(server.database);
      expect(rows.map((r) => [r.id, r.encrypted, r.private_key.includes('PRIVATE KEY')])).toEqual([
        [legacy.id, true, false],
        [older.id, true, false],
      ]);
      const only = { primary: sessionSecret, candidates: [sessionSecret], source: 'SESSION_SECRET' as const };
      for (const r of rows) expect(openStoredKey(asRow(r), only), r.id).not.toBeNull();
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('backups', () => {
  it('are 0700 directories and 0600 files, and hold the key encrypted only', async () => {
    const dir = path.join(tmp, 'backup');
    await runBackup(t.database, { store, dir, clock: () => now });
    expect(notOwnerOnly(dir)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'files'), { recursive: true }).length).toBeGreaterThan(0);
    const keys = fs.readFileSync(path.join(dir, 'tables/signing_keys.ndjson'), 'utf8');
    expect(keys).toContain('"encrypted":true');
    expect(keys).not.toContain('PRIVATE KEY');
  });

  it('refuse a key left in clear, and leave no partial backup', async () => {
    const k = clearKey();
    await insertKey(t.database, k, k.privatePem, false);
    try {
      const dir = path.join(tmp, 'backup-clear');
      await expect(runBackup(t.database, { store, dir, clock: () => now })).rejects.toThrow(/còn lưu dạng rõ/);
      expect(fs.readdirSync(dir)).toEqual([]);
      // `thuocdo backup` seals keys first (as the server does at start), so its backup has none in clear.
      const sealed = await sealSigningKeys(t.database.db, testKeySecrets());
      expect(sealed.encrypted).toEqual([k.id]);
    } finally {
      await t.database.db.execute(sql`delete from signing_keys where id = ${k.id}`);
    }
  });

  it('`thuocdo backup` on an embedded database: sealed key, owner-only modes, and the secret is not in it', async () => {
    const dataDir = path.join(tmp, 'cli-data');
    const database = await openPglite({ dir: dataDir });
    const k = clearKey();
    try {
      await migrateDatabase(database);
      await insertKey(database, k, k.privatePem, false);
    } finally {
      await database.close();
    }
    const out = path.join(tmp, 'cli-backup');
    const res = await thuocdo(dataDir, 'backup', out);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Đã mã hóa 1 khóa ký còn lưu dạng rõ.');
    expect(res.stdout).toContain(KEY_SECRET_FILE);
    expect(notOwnerOnly(out)).toEqual([]);
    const keys = fs.readFileSync(path.join(out, 'tables/signing_keys.ndjson'), 'utf8');
    expect(keys).not.toContain('PRIVATE KEY');
    const secret = fs.readFileSync(path.join(dataDir, KEY_SECRET_FILE), 'utf8').trim();
    for (const f of fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(fs.readFileSync(path.join(f.parentPath, f.name), 'utf8').includes(secret), f.name).toBe(false);
    }
  }, 120_000);
});
