// Backup and restore on the suite's database (PGlite, or PostgreSQL in the PostgreSQL pass): demo data with
// a published, signed snapshot and evidence files is backed up, restored into a fresh empty database of the
// same kind and (when TEST_DATABASE_URL is set) of the other kind; the copy has the same rows (a backup of
// the restored database is byte-identical), the same snapshot digests with valid signatures, an intact
// audit chain and the evidence files. A tampered backup and a non-empty target are refused.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { runBackup } from '../../src/app/backup/backup.ts';
import { checkRestored } from '../../src/app/backup/check-restored.ts';
import { BackupInvalidError, type Manifest, readVerifiedManifest } from '../../src/app/backup/manifest.ts';
import { RestoreRefusedError, runRestore } from '../../src/app/backup/restore.ts';
import { verifySnapshot } from '../../src/app/publication/verify-snapshot.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { pdf, png } from '../support/sample-files.ts';
import { testKeySecrets } from '../support/key-secrets.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { adminUrl, testDbKind } from '../support/test-db-config.ts';
import { createTestDatabase } from '../support/test-db.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-backup-'));
const dirOf = (name: string) => path.join(tmp, name);
let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => void (now = d) };
let t: TestApp;
let published: PublishedIds;
let sourceStore: LocalFileStore;
let manifest: Manifest;

async function query<T>(db: Database, text: string): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ((await (db.db as any).$client.query(text)) as { rows: T[] }).rows;
}
async function countOf(db: Database, table: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const res = await (db.db as any).$client.query(`select count(*)::int as n from "${table}"`);
  return Number(res.rows[0].n);
}

beforeAll(async () => {
  sourceStore = new LocalFileStore({ root: dirOf('source-files') });
  t = await createTestApp({ clock: () => now, fileStore: sourceStore });
  published = await publishedCampaign(t, clock);
  const rep = await t.as('rep_c1');
  for (const [name, content] of [
    ['Kế hoạch.pdf', pdf('kế hoạch 2026')],
    ['Ảnh.png', png()],
    ['Bản sao.pdf', pdf('kế hoạch 2026')],
  ] as const) {
    const res = await rep.upload(`/api/v1/units/${t.unit('C1')}/evidence`, name, content);
    expect(res.statusCode, res.body).toBe(201);
  }
  manifest = (await runBackup(t.database, { store: sourceStore, dir: dirOf('backup'), clock: () => now })).manifest;
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('thuocdo backup', () => {
  it('writes every table with its row count, the referenced evidence files, the public keys and checksums', async () => {
    expect(manifest.migration).toMatch(/^\d{4}_/);
    for (const table of manifest.tables) expect(table.rows, table.name).toBe(await countOf(t.database, table.name));
    const names = manifest.tables.map((x) => x.name);
    expect(names.indexOf('org_units')).toBeLessThan(names.indexOf('assessments'));
    expect(names.indexOf('signing_keys')).toBeLessThan(names.indexOf('snapshots'));
    expect(manifest.tables.find((x) => x.name === 'snapshots')!.rows).toBe(1);
    expect(manifest.evidenceFiles).toBe(await countOf(t.database, 'stored_files'));
    expect(manifest.evidenceFiles).toBeGreaterThanOrEqual(2);
    expect(manifest.signingKeys).toBe(1);
    const pem = fs.readFileSync(path.join(dirOf('backup'), `signing-keys/${published.snapshot.keyId}.pem`), 'utf8');
    const [snap] = await query<{ payload: object }>(
      t.database,
      `select payload from snapshots where id = '${published.snapshot.id}'`,
    );
    expect(
      verifySnapshot({
        payload: snap!.payload,
        digest: published.snapshot.digest,
        signature: published.snapshot.signature,
        publicKeyPem: pem,
      }).valid,
    ).toBe(true);
    expect(Object.keys(manifest.checksums).filter((k) => k.startsWith('files/'))).toHaveLength(manifest.evidenceFiles);
    expect(fs.readdirSync(dirOf('backup')).sort()).toEqual(['files', 'manifest.json', 'signing-keys', 'tables']);
  });
});

async function restoreAndCompare(target: Database, label: string) {
  const storeRoot = dirOf(`${label}-files`);
  const store = new LocalFileStore({ root: storeRoot });
  const started = Date.now();
  const result = await runRestore(target, {
    store,
    dir: dirOf('backup'),
    manifest: await readVerifiedManifest(dirOf('backup')),
    secrets: testKeySecrets(),
  });
  console.log(
    `restore ${testDbKind()} → ${label}: ${result.rows} rows, ${result.files} files in ${Date.now() - started} ms`,
  );
  for (const table of manifest.tables) expect(await countOf(target, table.name), table.name).toBe(table.rows);
  const [snap] = await query<{ digest: string; signature: string; key_id: string }>(
    target,
    `select digest, signature, key_id from snapshots where id = '${published.snapshot.id}'`,
  );
  expect(snap).toEqual({
    digest: published.snapshot.digest,
    signature: published.snapshot.signature,
    key_id: published.snapshot.keyId,
  });
  const check = await checkRestored(target.db, testKeySecrets());
  expect(check).toMatchObject({ snapshots: 1, invalidSnapshots: [], auditOk: true });
  expect((await verifyAuditChain(target.db)).ok).toBe(true);
  for (const [rel, sha] of Object.entries(manifest.checksums)) {
    if (rel.startsWith('files/')) expect(await store.has(sha), rel).toBe(true);
  }
  // Exact values: a backup of the copy has the very same bytes, table by table.
  const again = await runBackup(target, { store, dir: dirOf(`${label}-again`), clock: () => now });
  for (const table of manifest.tables)
    expect(again.manifest.checksums[table.file], table.name).toBe(manifest.checksums[table.file]);
  // The identity sequence continues after the restored audit ids.
  const [ids] = await query<{ max: number; next: number }>(
    target,
    `select max(id)::int as max, nextval(pg_get_serial_sequence('audit_log', 'id'))::int as next from audit_log`,
  );
  expect(ids!.next).toBe(ids!.max + 1);
}

describe('thuocdo restore', () => {
  it('into a fresh empty database of the same kind: same rows, same snapshot digests, intact audit chain, the files', async () => {
    const target = await createTestDatabase();
    try {
      await restoreAndCompare(target, 'same');
    } finally {
      await target.close();
    }
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'across kinds (PGlite → PostgreSQL, PostgreSQL → PGlite); skipped without TEST_DATABASE_URL',
    async () => {
      if (testDbKind() === 'postgres') {
        const target = await openPglite({});
        try {
          await restoreAndCompare(target, 'pglite');
        } finally {
          await target.close();
        }
        return;
      }
      const name = `thuocdo_bk_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl());
      url.pathname = `/${name}`;
      const target = await openPostgres(url.toString(), 2);
      try {
        await restoreAndCompare(target, 'postgres');
      } finally {
        await target.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    120_000,
  );

  it('refuses a database that already holds data', async () => {
    await expect(
      runRestore(t.database, { store: sourceStore, dir: dirOf('backup'), manifest, secrets: testKeySecrets() }),
    ).rejects.toThrow(RestoreRefusedError);
    await expect(
      runRestore(t.database, { store: sourceStore, dir: dirOf('backup'), manifest, secrets: testKeySecrets() }),
    ).rejects.toThrow(/RỖNG/);
  });

  it('refuses a tampered backup before touching the target (checked in-process and through the command)', async () => {
    const copy = dirOf('tampered');
    fs.cpSync(dirOf('backup'), copy, { recursive: true });
    const file = path.join(copy, 'tables/assessment_items.ndjson');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"self_score":\d+/, '"self_score":99'));
    await expect(readVerifiedManifest(copy)).rejects.toThrow(BackupInvalidError);
    await expect(readVerifiedManifest(copy)).rejects.toThrow(/assessment_items\.ndjson/);
    const dataDir = dirOf('tampered-target');
    const env: NodeJS.ProcessEnv = { ...process.env, THUOCDO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const res = spawnSync(process.execPath, ['bin/thuocdo.mjs', 'restore', copy], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('đã bị thay đổi hoặc hỏng');
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
  }, 60_000);
});
