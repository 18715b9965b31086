// The S3 evidence store end to end over HTTP on loopback, against two S3-protocol servers started here:
// s3rver (a third-party implementation: its XML, Range and HEAD handling) and test/support's server
// (signatures re-checked by AWS's own signer, atomic PUTs, a bucket that can be full, injected faults).
// Faults — 503, a server that stalls or cuts the connection mid-upload or mid-download, no server at
// all — must end in a retry that succeeds or a clear SERVER_BUSY error, with no object, no spool file
// and no server-side temp file left behind.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStore, type S3FileStoreOptions } from '../../../src/infra/storage/s3-file-store.ts';
import { type S3TestServer, startS3TestServer } from '../../support/s3-test-server.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keyOf = (b: Buffer) => `${sha(b).slice(0, 2)}/${sha(b).slice(2, 4)}/${sha(b)}`;
const readAll = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
};
/** The upload as a client sends it: in 64 KB pieces, never one buffer. */
const stream = (b: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += 65_536) yield b.subarray(i, i + 65_536);
    })(),
  );

interface Target {
  options: Omit<S3FileStoreOptions, 'tmpDir'>;
  hasObject(key: string): boolean;
  close(): Promise<void>;
}

async function s3rverTarget(): Promise<Target> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'minh-chung' }],
  });
  const { port } = await server.run();
  const options = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'minh-chung',
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    options,
    hasObject: (key) => fs.existsSync(path.join(directory, 'minh-chung', `${key}._S3rver_object`)),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function testServerTarget(): Promise<Target & { server: S3TestServer }> {
  const server = await startS3TestServer();
  const options = {
    endpoint: server.endpoint,
    bucket: server.bucket,
    region: server.region,
    ...server.credentials,
    forcePathStyle: true,
  };
  return { server, options, hasObject: (key) => server.objects().has(key), close: () => server.close() };
}

const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3e2e-'));
afterAll(() => fs.rmSync(spoolRoot, { recursive: true, force: true }));
let spools = 0;
function storeFor(t: Target, extra: Partial<S3FileStoreOptions> = {}) {
  const tmpDir = path.join(spoolRoot, String(++spools));
  const store = new S3FileStore({ ...t.options, tmpDir, ...extra });
  return { store, spoolFiles: () => (fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir) : []) };
}

describe.each([
  ['s3rver', s3rverTarget],
  ['the signature-checking test server', testServerTarget],
])('S3FileStore against %s', (_name, start) => {
  let t: Target;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  it('uploads a streamed file under its content address and streams it back, whole and by range', async () => {
    const { store, spoolFiles } = storeFor(t);
    const content = Buffer.concat([Buffer.from('%PDF-1.7 Quyết định số 12/QĐ-UBND '), randomBytes(3 * 1024 * 1024)]);
    expect(await store.put(stream(content))).toEqual({ sha256: sha(content), size: content.length, created: true });
    expect(t.hasObject(keyOf(content))).toBe(true);
    const whole = await readAll((await store.get(sha(content)))!);
    expect(whole.bytes.equals(content)).toBe(true);
    expect(whole.chunks).toBeGreaterThan(1); // streamed, not one buffer
    expect((await readAll((await store.get(sha(content), { start: 1, end: 7 }))!)).bytes.toString()).toBe('PDF-1.7');
    expect(spoolFiles()).toEqual([]);
  });

  it('stores identical content once (HEAD finds it, no second PUT) and deletes it', async () => {
    const { store, spoolFiles } = storeFor(t);
    const content = randomBytes(200_000);
    expect((await store.put(stream(content))).created).toBe(true);
    expect((await store.put(stream(content))).created).toBe(false);
    expect(await store.has(sha(content))).toBe(true);
    await store.delete(sha(content));
    expect(t.hasObject(keyOf(content))).toBe(false);
    expect(await store.has(sha(content))).toBe(false);
    expect(await store.get(sha(content))).toBeNull();
    await store.delete(sha(content)); // deleting what is gone is not an error
    expect(spoolFiles()).toEqual([]);
  });

  it('refuses past EVIDENCE_QUOTA_BYTES while streaming (STORAGE_FULL), keeping nothing', async () => {
    const { store, spoolFiles } = storeFor(t, { quotaBytes: 1_000_000, usedBytes: async () => 300_000 });
    const first = randomBytes(500_000);
    await store.put(stream(first));
    const second = randomBytes(500_000);
    await expect(store.put(stream(second))).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    expect(t.hasObject(keyOf(second))).toBe(false);
    expect(spoolFiles()).toEqual([]);
    await store.delete(sha(first));
  });
});

describe('S3FileStore when the bucket misbehaves (timeouts, retries, nothing partial kept)', () => {
  let t: Awaited<ReturnType<typeof testServerTarget>>;
  beforeAll(async () => {
    t = await testServerTarget();
  });
  afterAll(() => t.close());
  const retry = { timeoutMs: 400, retries: 2, backoffMs: 20 };
  const puts = () => t.server.log.filter((l) => l.startsWith('PUT')).length;

  it('retries a 503 (SlowDown) and a connection cut mid-upload, then stores the whole file once', async () => {
    const { store, spoolFiles } = storeFor(t, { retry });
    const content = randomBytes(1_000_000);
    t.server.faults = [
      { kind: 'status', status: 503, method: 'PUT' },
      { kind: 'reset', afterBytes: 300_000, method: 'PUT' },
    ];
    const before = puts();
    expect((await store.put(stream(content))).created).toBe(true);
    expect(puts() - before).toBe(3);
    expect(t.server.objects().get(keyOf(content))).toBe(content.length);
    expect((await readAll((await store.get(sha(content)))!)).bytes.equals(content)).toBe(true);
    expect(spoolFiles()).toEqual([]);
    // The test bucket drops a cut upload's temp file when it notices the closed socket: on a loaded machine
    // that takes a moment after the store has already moved on (the store's own spool is checked above).
    await expect.poll(() => t.server.tempFiles(), { timeout: 5000 }).toEqual([]);
  });

  it('gives up on a server that stalls mid-upload on every attempt: SERVER_BUSY in about (retries+1) × timeout', async () => {
    const { store, spoolFiles } = storeFor(t, { retry });
    const content = randomBytes(1_000_000);
    t.server.faults = [0, 1, 2].map(() => ({ kind: 'stall' as const, afterBytes: 200_000, method: 'PUT' }));
    const started = performance.now();
    await expect(store.put(stream(content))).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      message: expect.stringContaining('Kho lưu trữ'),
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(3 * retry.timeoutMs);
    expect(elapsed).toBeLessThan(3 * retry.timeoutMs + 1500);
    expect(t.server.objects().has(keyOf(content))).toBe(false);
    // The server notices the closed sockets and drops their temp files (a moment on a loaded machine).
    await expect.poll(() => t.server.tempFiles(), { timeout: 5000 }).toEqual([]);
    expect(spoolFiles()).toEqual([]);
  });

  it('a download that stalls mid-body fails the stream after the timeout (never hangs, never truncates silently)', async () => {
    const { store } = storeFor(t, { retry });
    const content = randomBytes(2_000_000);
    await store.put(stream(content));
    t.server.faults = [{ kind: 'stall', afterBytes: 100_000, method: 'GET' }];
    const body = (await store.get(sha(content)))!;
    const started = performance.now();
    await expect(readAll(body)).rejects.toThrow(/no progress for 400 ms/);
    expect(performance.now() - started).toBeLessThan(retry.timeoutMs + 1000);
  });

  it('a download is retried when the server answers 503 before the body; 5xx on every attempt is SERVER_BUSY', async () => {
    const { store } = storeFor(t, { retry });
    const content = randomBytes(10_000);
    await store.put(stream(content));
    t.server.faults = [{ kind: 'status', status: 503, method: 'GET' }];
    expect((await readAll((await store.get(sha(content)))!)).bytes.equals(content)).toBe(true);
    t.server.faults = [0, 1, 2].map(() => ({ kind: 'status' as const, status: 500, method: 'GET' }));
    await expect(store.get(sha(content))).rejects.toMatchObject({ code: 'SERVER_BUSY' }); // 5xx to the end: transient, not a bug
  });

  it('no server listening: refused after the retries, quickly', async () => {
    const { store, spoolFiles } = storeFor(t, { retry, endpoint: 'http://127.0.0.1:9' });
    const started = performance.now();
    await expect(store.put(stream(randomBytes(1000)))).rejects.toMatchObject({ code: 'SERVER_BUSY' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(spoolFiles()).toEqual([]);
  });

  it('a wrong secret is refused at once (403 is not retried) and a full bucket is STORAGE_FULL', async () => {
    const wrong = storeFor(t, { retry, secretAccessKey: 'sai' });
    const before = t.server.log.length;
    await expect(wrong.store.put(stream(randomBytes(10)))).rejects.toThrow(/HTTP 403/);
    expect(t.server.log.length - before).toBe(1); // the HEAD, refused; no retry, no PUT
    const { store, spoolFiles } = storeFor(t, { retry });
    t.server.capacityBytes = 0;
    try {
      const content = randomBytes(5000);
      await expect(store.put(stream(content))).rejects.toMatchObject({ code: 'STORAGE_FULL' });
      expect(t.server.objects().has(keyOf(content))).toBe(false);
      expect(spoolFiles()).toEqual([]);
    } finally {
      t.server.capacityBytes = Number.POSITIVE_INFINITY;
    }
  });
});
