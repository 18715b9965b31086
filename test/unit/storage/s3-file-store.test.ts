// S3FileStore against a small in-process S3 stand-in that re-checks every request's SigV4 signature,
// the signed payload hash and Content-Length — the transport verified without a network. The end-to-end
// test against a real S3-compatible endpoint runs only when S3_TEST_ENDPOINT is set (skipped otherwise).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStore } from '../../../src/infra/storage/s3-file-store.ts';
import { signRequest } from '../../../src/infra/storage/sigv4.ts';

const KEYS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'bí-mật-thử' };
const objects = new Map<string, Buffer>();
const seen: string[] = [];
let server: http.Server;
let endpoint: string;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3spool-'));

function verify(req: http.IncomingMessage): boolean {
  const auth = String(req.headers.authorization ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, String(req.headers[h] ?? '')]));
  const expected = signRequest({
    method: req.method!,
    url: new URL(req.url!, `http://${req.headers.host}`),
    headers,
    payloadHash: String(req.headers['x-amz-content-sha256']),
    region: 'vn-hn-1',
    service: 's3',
    amzDate: String(req.headers['x-amz-date']),
    credentials: KEYS,
  });
  return expected.authorization === auth;
}

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const key = req.url!;
    seen.push(`${req.method} ${key}`);
    if (!verify(req)) return res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
    if (req.method === 'PUT') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const ok = createHash('sha256').update(body).digest('hex') === req.headers['x-amz-content-sha256'] && Number(req.headers['content-length']) === body.length;
      if (!ok) return res.writeHead(400).end('<Error><Code>XAmzContentSHA256Mismatch</Code></Error>');
      objects.set(key, body);
      return res.writeHead(200).end();
    }
    const obj = objects.get(key);
    if (req.method === 'DELETE') {
      objects.delete(key);
      return res.writeHead(204).end();
    }
    if (!obj) return res.writeHead(404).end();
    if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': obj.length }).end();
    const range = /bytes=(\d+)-(\d+)/.exec(String(req.headers.range ?? ''));
    if (range) return res.writeHead(206).end(obj.subarray(Number(range[1]), Number(range[2]) + 1));
    return res.writeHead(200).end(obj);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

const readAll = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const store = (extra: Partial<ConstructorParameters<typeof S3FileStore>[0]> = {}) =>
  new S3FileStore({ endpoint, bucket: 'minh-chung', region: 'vn-hn-1', ...KEYS, forcePathStyle: true, tmpDir, ...extra });

describe('S3FileStore (signed requests to an S3 stand-in)', () => {
  it('PUTs under bucket/ab/cd/<sha256> with the signed payload hash, then GET/HEAD/range/DELETE', async () => {
    const s = store();
    const content = Buffer.concat([Buffer.from('%PDF-1.4 Quyết định '), Buffer.alloc(300_000, 7)]);
    const put = await s.put(Readable.from([content.subarray(0, 1000), content.subarray(1000)]));
    const sha = createHash('sha256').update(content).digest('hex');
    expect(put).toEqual({ sha256: sha, size: content.length, created: true });
    expect(objects.has(`/minh-chung/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`)).toBe(true);
    expect(await s.has(sha)).toBe(true);
    expect(await readAll((await s.get(sha))!)).toEqual(content);
    expect((await readAll((await s.get(sha, { start: 0, end: 4 }))!)).toString()).toBe('%PDF-');
    expect((await s.put(Readable.from([content]))).created).toBe(false); // HEAD found it: no second PUT
    await s.delete(sha);
    expect(await s.has(sha)).toBe(false);
    expect(await s.get(sha)).toBeNull();
    expect(fs.readdirSync(tmpDir)).toEqual([]); // spool files are gone
  });

  it('a wrong secret is refused by the server (the signature really is checked)', async () => {
    const s = store({ secretAccessKey: 'sai' });
    await expect(s.put(Readable.from([Buffer.from('x')]))).rejects.toThrow(/403/);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('virtual-hosted addressing puts the bucket in the host name', () => {
    const s = new S3FileStore({ endpoint: 'https://s3.example.vn', bucket: 'b', region: 'r', ...KEYS, forcePathStyle: false, tmpDir });
    expect(s.objectUrl('a'.repeat(64)).toString()).toBe(`https://b.s3.example.vn/aa/aa/${'a'.repeat(64)}`);
  });
});

const real = process.env.S3_TEST_ENDPOINT;
describe.skipIf(!real)('S3FileStore against a real endpoint (S3_TEST_ENDPOINT, S3_TEST_BUCKET, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY)', () => {
  it('round-trips a file', async () => {
    const s = new S3FileStore({
      endpoint: real!,
      bucket: process.env.S3_TEST_BUCKET!,
      region: process.env.S3_TEST_REGION ?? 'us-east-1',
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID!,
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY!,
      forcePathStyle: process.env.S3_TEST_FORCE_PATH_STYLE !== 'false',
      tmpDir,
    });
    const content = Buffer.from(`thuocdo e2e ${Date.now()}`);
    const { sha256 } = await s.put(Readable.from([content]));
    expect(await readAll((await s.get(sha256))!)).toEqual(content);
    await s.delete(sha256);
    expect(await s.has(sha256)).toBe(false);
  });
});
