// Evidence through the API with EVIDENCE_STORE=s3, the store built from configuration as in production,
// against the S3 test server on loopback: upload, dedupe, download by range, delete of the last
// reference; and a bucket that stalls mid-upload → 503 SERVER_BUSY within the configured timeout and
// retries, with no document, no stored-file row and no object left.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDocuments, storedFiles } from '../../src/db/schema/evidence.ts';
import { createEvidenceTestApp, type EvidenceTestApp } from '../support/evidence-app.ts';
import { type S3TestServer, startS3TestServer } from '../support/s3-test-server.ts';
import * as f from '../support/sample-files.ts';

let s3: S3TestServer;
let t: EvidenceTestApp;
const url = () => `/api/v1/units/${t.unit('C1')}/evidence`;

beforeAll(async () => {
  s3 = await startS3TestServer();
  t = await createEvidenceTestApp({
    EVIDENCE_STORE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    S3_TIMEOUT_MS: '300',
    S3_RETRIES: '1',
  });
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
