// Evidence through the API with EVIDENCE_STORE=s3, the store built from configuration as in production,
// against the S3 test server on loopback: upload, dedupe, download by range, delete of the last
// reference; a bucket that stalls mid-upload → 503 SERVER_BUSY within the configured timeout and
// retries, with no document, no stored-file row and no object left. Then the orphan sweep: unrecorded
// objects past the grace age go, page by page; referenced, young and foreign objects stay; an upload in
// flight is waited for; a listing error changes nothing and is reported; the server runs it in the
// background at start.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepIncomplete, reconcileS3Store } from '../../src/app/evidence/reconcile-s3-store.ts';
import { lockStoredFile } from '../../src/db/queries/evidence-files.ts';
import { evidenceDocuments, storedFiles } from '../../src/db/schema/evidence.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { createFileStore } from '../../src/infra/storage/create-file-store.ts';
import { S3FileStore } from '../../src/infra/storage/s3-file-store.ts';
import { startServer } from '../../src/server/start-server.ts';
import { createEvidenceTestApp, type EvidenceTestApp } from '../support/evidence-app.ts';
import { type S3TestServer, startS3TestServer } from '../support/s3-test-server.ts';
import * as f from '../support/sample-files.ts';

let s3: S3TestServer;
let t: EvidenceTestApp;
const url = () => `/api/v1/units/${t.unit('C1')}/evidence`;
const s3Env = () => ({
  EVIDENCE_STORE: 's3',
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: s3.bucket,
  S3_REGION: s3.region,
  S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  S3_TIMEOUT_MS: '300',
  S3_RETRIES: '1',
});

beforeAll(async () => {
  s3 = await startS3TestServer();
  t = await createEvidenceTestApp(s3Env());
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

const rows = async () => ({
  files: Number((await t.database.db.select({ n: count() }).from(storedFiles))[0]!.n),
  docs: Number((await t.database.db.select({ n: count() }).from(evidenceDocuments))[0]!.n),
});

describe('evidence with EVIDENCE_STORE=s3', () => {
  it('uploads into the bucket once per content, downloads by range, deletes the object with its last document', async () => {
    const rep = await t.as('rep_c1');
    const content = f.pdf('lưu trên S3');
    const a = await rep.upload(url(), 'Quyết định.pdf', content);
    expect(a.statusCode).toBe(201);
    const b = await rep.upload(url(), 'Bản sao.pdf', content);
    expect(b.statusCode).toBe(201);
    const key = `${a.json().sha256.slice(0, 2)}/${a.json().sha256.slice(2, 4)}/${a.json().sha256}`;
    expect([...s3.objects().keys()]).toEqual([key]);
    expect(s3.log.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
    const dl = await rep.get(`/api/v1/evidence/${a.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(content);
    const part = await rep.get(`/api/v1/evidence/${a.json().id}/download`, { range: 'bytes=0-4' });
    expect([part.statusCode, part.body]).toEqual([206, '%PDF-']);
    expect((await rep.delete(`/api/v1/evidence/${a.json().id}`)).statusCode).toBe(204);
    expect(s3.objects().has(key)).toBe(true); // still referenced by the copy
    expect((await rep.delete(`/api/v1/evidence/${b.json().id}`)).statusCode).toBe(204);
    expect(s3.objects().has(key)).toBe(false);
  });

  it('a bucket that stalls mid-upload: 503 SERVER_BUSY after timeout × attempts, nothing recorded or stored', async () => {
    const rep = await t.as('rep_c1');
    const before = await rows();
    s3.faults = [0, 1].map(() => ({ kind: 'stall' as const, afterBytes: 10, method: 'PUT' }));
    const started = performance.now();
    const res = await rep.upload(url(), 'Treo.pdf', f.pdf('máy chủ treo'));
    const elapsed = performance.now() - started;
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('SERVER_BUSY');
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(4000);
    expect(await rows()).toEqual(before);
    expect(s3.objects().size).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(s3.tempFiles()).toEqual([]);
  });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keyOf = (s: string) => `${s.slice(0, 2)}/${s.slice(2, 4)}/${s}`;
const HOUR = 3600_000;
/** An object a crashed upload left: complete, under its content address, no row. */
function orphan(ageMs: number): string {
  const bytes = randomBytes(64);
  s3.putObject(keyOf(sha(bytes)), bytes, new Date(Date.now() - ageMs));
  return keyOf(sha(bytes));
}
const lists = () => s3.log.filter((l) => l.startsWith(`GET /${s3.bucket}?list-type=2`)).length;

describe('the S3 orphan sweep', () => {
  let store: S3FileStore;
  beforeAll(() => {
    const built = createFileStore(loadConfig({ NODE_ENV: 'test', THUOCDO_DATA_DIR: 'test/.tmp/data', ...s3Env() }));
    if (!(built instanceof S3FileStore)) throw new Error('expected the S3 store');
    store = built;
  });
  const sweep = (extra: { pageSize?: number; shouldStop?: () => boolean } = {}) =>
    reconcileS3Store(t.database.db, store, { realNow: new Date(), graceMs: HOUR, pageSize: 2, ...extra });
  it('removes unrecorded objects past the grace age, following the pages; keeps referenced, young and foreign ones', async () => {
    const rep = await t.as('rep_c1');
    const up = await rep.upload(url(), 'Kế hoạch.pdf', f.pdf('được tham chiếu'));
    expect(up.statusCode).toBe(201);
    const referenced = keyOf(up.json().sha256);
    s3.setLastModified(referenced, new Date(Date.now() - 5 * HOUR)); // old, but a row names it
    const old = [orphan(3 * HOUR), orphan(2 * HOUR), orphan(HOUR + 60_000)];
    const young = orphan(10 * 60_000);
    const future = orphan(-5 * 60_000); // the bucket's clock ahead of ours: young too
    s3.putObject('ghi-chu/không phải minh chứng.txt', Buffer.from('x'), new Date(Date.now() - 9 * HOUR));
    const before = lists();
    const result = await sweep();
    expect(result).toMatchObject({ listed: 7, orphans: 3, young: 2, stopped: false });
    expect(lists() - before).toBe(4); // 7 objects, 2 a page
    const left = [...s3.objects().keys()];
    for (const k of old) expect(left).not.toContain(k);
    expect(left).toEqual(expect.arrayContaining([referenced, young, future, 'ghi-chu/không phải minh chứng.txt']));
    expect(left).toHaveLength(4);
    const dl = await rep.get(`/api/v1/evidence/${up.json().id}/download`);
    expect(dl.statusCode).toBe(200);
  });

  it('waits for a record in flight (file lock held, row not yet committed) and keeps its object', async () => {
    const bytes = randomBytes(64);
    const key = keyOf(sha(bytes));
    let release!: () => void;
    const locked = new Promise<void>((r) => (release = r));
    let lockTaken!: () => void;
    const taken = new Promise<void>((r) => (lockTaken = r));
    // A writer of the content's row holding the file lock (as an upload's record statement does, decision
    // 0031; an old-looking object: its LastModified is not what protects it), recording the row, then committing.
    const upload = t.database.db.transaction(async (tx) => {
      await lockStoredFile(tx, sha(bytes));
      s3.putObject(key, bytes, new Date(Date.now() - 3 * HOUR));
      lockTaken();
      await locked;
      await tx.insert(storedFiles).values({ sha256: sha(bytes), size: bytes.length, mimeType: 'application/pdf' });
    });
    await taken;
    const swept = sweep();
    await new Promise((r) => setTimeout(r, 300));
    release();
    await upload;
    expect((await swept).orphans).toBe(0);
    expect(s3.objects().has(key)).toBe(true);
  });

  it('a listing error changes nothing and is reported; an error on a later page stops there', async () => {
    const first = orphan(3 * HOUR);
    s3.faults = [0, 1].map(() => ({ kind: 'status' as const, status: 503, method: 'LIST' })); // every attempt (S3_RETRIES=1)
    const objects = [...s3.objects().keys()];
    const err = await sweep().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SweepIncomplete);
    expect((err as SweepIncomplete).partial).toMatchObject({ listed: 0, orphans: 0 });
    expect((err as SweepIncomplete).message).toMatch(/stopped after 0 objects/);
    expect(((err as SweepIncomplete).cause as { code?: string }).code).toBe('SERVER_BUSY');
    expect([...s3.objects().keys()]).toEqual(objects);

    // Page 1 swept, then the bucket fails: the orphans listed so far are gone, the rest stay, the error says so.
    const listedBefore = lists();
    let armed = false;
    const late = await sweep({
      pageSize: 1,
      shouldStop: () => {
        if (!armed && lists() - listedBefore === 1) {
          armed = true;
          s3.faults = [0, 1].map(() => ({ kind: 'status' as const, status: 500, method: 'LIST' }));
        }
        return false;
      },
    }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(SweepIncomplete);
    const { partial } = late as SweepIncomplete;
    expect(partial.listed).toBe(1);
    expect(s3.objects().size).toBe(objects.length - partial.orphans);
    s3.faults = [];
    await sweep();
    expect(s3.objects().has(first)).toBe(false);
  });

  it('stops between pages when the process is shutting down', async () => {
    const kept = [orphan(3 * HOUR), orphan(3 * HOUR), orphan(3 * HOUR)];
    const before = lists();
    const result = await sweep({ pageSize: 1, shouldStop: () => lists() - before >= 1 });
    expect(result).toMatchObject({ stopped: true, listed: 1, orphans: 0 });
    expect(lists() - before).toBe(1);
    expect(kept.filter((k) => s3.objects().has(k))).toEqual(kept);
    await sweep({ pageSize: 1000 });
    expect(kept.filter((k) => s3.objects().has(k))).toEqual([]);
  });
});

describe('the server at start (EVIDENCE_STORE=s3)', () => {
  it('sweeps the bucket in the background: start-up does not wait for a slow listing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3start-'));
    const gone = orphan(2 * HOUR);
    const young = orphan(5 * 60_000);
    // The first listing stalls for the whole timeout (4 s): start-up must not wait for it.
    s3.faults = [{ kind: 'stall', afterBytes: 0, method: 'LIST' }];
    const env = {
      NODE_ENV: 'development',
      THUOCDO_DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      JOB_WORKER: 'false',
      LOG_LEVEL: 'silent',
      ...s3Env(),
      S3_TIMEOUT_MS: '4000',
    };
    const listsBefore = lists();
    const server = await startServer(loadConfig(env), {});
    try {
      expect(s3.objects().has(gone)).toBe(true); // listing still stalled
      await expect.poll(() => s3.objects().has(gone), { timeout: 15_000 }).toBe(false);
      expect(s3.objects().has(young)).toBe(true);
      expect(lists() - listsBefore).toBeGreaterThanOrEqual(2); // the stalled attempt, then the retry
    } finally {
      await server.stop();
      s3.faults = [];
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
