// A published snapshot altered in the database is never served as valid (issue 11, finding 7): after a
// `jsonb_set` that gives a unit 999 points, every public route, the dashboards and the official exports
// refuse it with PUBLICATION_UNVERIFIED, the portal list flags it, and the failure is audited ONCE however
// many requests come. Re-signing the altered payload with a key pair of one's own does not help: that
// key is not the deployment's. A restore of a backup holding such a snapshot aborts and leaves nothing.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { runBackup } from '../../src/app/backup/backup.ts';
import { readVerifiedManifest } from '../../src/app/backup/manifest.ts';
import { RestoreVerificationError, assertDatabaseEmpty, runRestore } from '../../src/app/backup/restore.ts';
import { encryptPrivateKey, keyIdOf } from '../../src/app/publication/signing-key.ts';
import { snapshotDigest } from '../../src/app/publication/verify-snapshot.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { createJobHandlers } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { TEST_ENV, testKeySecrets } from '../support/key-secrets.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-db.ts';

const P = '/api/public/v1';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-integrity-'));
let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: PublishedIds;
let store: LocalFileStore;

const failures = async () =>
  rowsOf<{ after: { problems: string[]; fingerprint: string }; unit_id: string | null; actor_name: string }>(
    await t.database.db.execute(
      sql`select after, unit_id, actor_name from audit_log where action = 'snapshot.verification_failed' order by id`,
    ),
  );

beforeAll(async () => {
  store = new LocalFileStore({ root: path.join(tmp, 'source-files') });
  t = await createTestApp({ clock: () => now, fileStore: store });
  ids = await publishedCampaign(t, { set: (d) => (now = d) });
  const upload = await (
    await t.as('rep_c1')
  ).upload(`/api/v1/units/${t.unit('C1')}/evidence`, 'Kế hoạch.pdf', pdf('kế hoạch'));
  expect(upload.statusCode, upload.body).toBe(201);
  // The attack of the penetration test, before any page was served (a restart empties every cache):
  // the last unit of the ranking gets 999 points, 100 % and rank 1.
  await t.database.db.execute(sql`update snapshots set payload = jsonb_set(jsonb_set(jsonb_set(payload,
    array['results', (jsonb_array_length(payload->'results') - 1)::text, 'finalTotal'], '999'),
    array['results', (jsonb_array_length(payload->'results') - 1)::text, 'percent'], '100'),
    array['results', (jsonb_array_length(payload->'results') - 1)::text, 'rank'], '1') where id = ${ids.snapshot.id}::uuid`);
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const publicUrls = () => [
  `${P}/campaigns/${ids.campaignId}`,
  `${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`,
  `${P}/campaigns/${ids.campaignId}/methodology`,
  `${P}/campaigns/${ids.campaignId}/open-data.json`,
  `${P}/campaigns/${ids.campaignId}/open-data.csv`,
  `${P}/campaigns/${ids.campaignId}/open-data.xlsx`,
  `${P}/campaigns/${ids.campaignId}/snapshot.json`,
  `${P}/units/${t.unit('C1')}?campaignId=${ids.campaignId}`,
];

describe('a snapshot altered in the database', () => {
  it('is refused on every public route with PUBLICATION_UNVERIFIED, never cached, and audited once', async () => {
    for (let round = 0; round < 3; round++) {
      for (const url of publicUrls()) {
        const res = await t.anonymous.get(url);
        expect([url, res.statusCode]).toEqual([url, 503]);
        expect(res.json().error).toMatchObject({
          code: 'PUBLICATION_UNVERIFIED',
          message: expect.stringContaining('không vượt qua kiểm tra toàn vẹn'),
          details: { campaignId: ids.campaignId },
        });
        // The altered figure, not a chance '999' inside an id of the answer.
        expect(res.body.replaceAll(ids.campaignId, '')).not.toContain('999');
        expect(res.headers.etag).toBeUndefined();
        expect(res.headers['cache-control']).toBeUndefined();
      }
    }
    const audited = await failures();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor_name: 'system', after: { problems: ['DIGEST_MISMATCH'] } });
    expect(audited[0]!.unit_id).not.toBeNull(); // in the chain of the campaign's owner
  });

  it('the portal list flags it and shows none of its figures; the unit page leaves it out', async () => {
    const list = (await t.anonymous.get(`${P}/campaigns`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: ids.campaignId, verified: false, groups: [], digest: ids.snapshot.digest }),
    ]);
    expect((await t.anonymous.get(`${P}/units/${t.unit('C1')}`)).statusCode).toBe(404);
  });

  it('the dashboards and the official exports refuse it too; the office sees why', async () => {
    const office = await t.as('office');
    const page = await office.get(`/api/v1/dashboards/unit/${t.unit('C3')}?campaignId=${ids.campaignId}`);
    expect(page.statusCode).toBe(503);
    expect(page.json().error.code).toBe('PUBLICATION_UNVERIFIED');
    const job = await office.post(`/api/v1/campaigns/${ids.campaignId}/exports`, { kind: 'ranking_xlsx' });
    expect(job.statusCode, job.body).toBe(202);
    const ctx = {
      db: t.database.db,
      config: loadConfig({ ...TEST_ENV }),
      clock: () => new Date(),
      realClock: () => new Date(),
    };
    expect(
      await createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock }).runOnce(),
    ).toBe(1);
    expect((await office.get(`/api/v1/jobs/${job.json().jobId}`)).json()).toMatchObject({
      status: expect.stringMatching(/failed|queued/),
      error: expect.stringContaining('kiểm tra toàn vẹn'),
    });
    const snap = (await office.get(`/api/v1/snapshots/${ids.snapshot.id}`)).json();
    expect(snap.verification).toEqual({ valid: false, problems: ['DIGEST_MISMATCH'] });
    expect(await failures()).toHaveLength(1);
  });

  it('re-signed with a key pair of the attacker, it is refused all the same (the key is not the deployment’s)', async () => {
    const [row] = rowsOf<{ payload: unknown }>(
      await t.database.db.execute(sql`select payload from snapshots where id = ${ids.snapshot.id}::uuid`),
    );
    const payload = typeof row!.payload === 'string' ? JSON.parse(row!.payload) : row!.payload;
    const { digest } = snapshotDigest(payload);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keyId = keyIdOf(publicKey);
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await t.database.db.execute(sql`insert into signing_keys (id, algorithm, public_key_pem, private_key, encrypted)
      values (${keyId}, 'Ed25519', ${publicKey.export({ type: 'spki', format: 'pem' }).toString()}, ${encryptPrivateKey(pem, 'the attacker’s own secret, long enough')}, true)`);
    const signature = sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64');
    await t.database.db.execute(
      sql`update snapshots set digest = ${digest}, signature = ${signature}, key_id = ${keyId} where id = ${ids.snapshot.id}::uuid`,
    );

    const res = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`);
    expect(res.statusCode).toBe(503);
    // The altered figure, not a chance '999' inside an id of the answer.
    expect(res.body.replaceAll(ids.campaignId, '')).not.toContain('999');
    const audited = await failures();
    expect(audited).toHaveLength(2);
    expect(audited[1]!.after.problems).toEqual(['KEY_UNTRUSTED']);
    // Nor is the inserted key published as one of the deployment's.
    const published = (await t.anonymous.get('/api/v1/signing-keys')).json().items.map((k: { id: string }) => k.id);
    expect(published).toEqual([ids.snapshot.keyId]);
  });
});

describe('restore of a backup holding it', () => {
  it('aborts and leaves nothing behind: no row, no evidence file (in-process)', async () => {
    const dir = path.join(tmp, 'backup');
    await runBackup(t.database, { store, dir, clock: () => now });
    const manifest = await readVerifiedManifest(dir); // the manifest's own checksums hold: the backup is "intact"
    const target = await createTestDatabase();
    const targetStore = new LocalFileStore({ root: path.join(tmp, 'restored-files') });
    try {
      const restore = runRestore(target, { store: targetStore, dir, manifest, secrets: testKeySecrets() });
      await expect(restore).rejects.toThrow(RestoreVerificationError);
      await expect(restore).rejects.toThrow(
        new RegExp(`Bản công bố ${ids.snapshot.id}: (nội dung không khớp mã băm|khóa ký không mở được)`),
      );
      await assertDatabaseEmpty(target.db); // throws if any table holds a row
      const files = fs.existsSync(targetStore.root)
        ? fs.readdirSync(targetStore.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        : [];
      expect(files.map((f) => f.name)).toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('through `thuocdo restore`: exit 1 with the reason, and the new data directory is left as it was', async () => {
    const dataDir = path.join(tmp, 'restore-target');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      THUOCDO_DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    };
    delete env.DATABASE_URL;
    const res = spawnSync(process.execPath, ['bin/thuocdo.mjs', 'restore', path.join(tmp, 'backup')], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(res.status, res.stderr).toBe(1);
    expect(res.stderr).toContain('Kiểm tra bản khôi phục KHÔNG đạt');
    expect(res.stderr).toContain(ids.snapshot.id);
    expect(fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : []).toEqual([]);
  }, 120_000);
});
