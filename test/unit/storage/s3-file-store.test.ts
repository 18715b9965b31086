// S3FileStore: addressing, and (when S3_TEST_ENDPOINT is set) a round trip against a real endpoint. The
// transport itself — signatures checked by AWS's own signer, streaming, dedupe, quota, faults — is covered
// against servers on loopback in s3-end-to-end.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { S3FileStore } from '../../../src/infra/storage/s3-file-store.ts';

const KEYS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'bí-mật-thử' };
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-s3spool-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

const readAll = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('S3FileStore addressing', () => {
  it('path-style puts the bucket in the path, under ab/cd/<sha256>', () => {
    const s = new S3FileStore({
      endpoint: 'http://minio.local:9000/',
      bucket: 'minh-chung',
      region: 'r',
      ...KEYS,
      forcePathStyle: true,
      tmpDir,
    });
    expect(s.objectUrl('a'.repeat(64)).toString()).toBe(`http://minio.local:9000/minh-chung/aa/aa/${'a'.repeat(64)}`);
  });

  it('virtual-hosted addressing puts the bucket in the host name', () => {
    const s = new S3FileStore({
      endpoint: 'https://s3.example.vn',
      bucket: 'b',
      region: 'r',
      ...KEYS,
      forcePathStyle: false,
      tmpDir,
    });
    expect(s.objectUrl('a'.repeat(64)).toString()).toBe(`https://b.s3.example.vn/aa/aa/${'a'.repeat(64)}`);
  });
});

const real = process.env.S3_TEST_ENDPOINT;
describe.skipIf(!real)(
  'S3FileStore against a real endpoint (S3_TEST_ENDPOINT, S3_TEST_BUCKET, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY)',
  () => {
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
  },
);
