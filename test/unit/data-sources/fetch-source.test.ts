// Fetching a data source's response (infra/data-sources/fetch-source.ts) against servers on 127.0.0.1: the
// size limit counted while reading, redirects never followed, HTTPS required unless loopback HTTP is allowed,
// retries only for what may pass next time, with the waits of the schedule.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../../src/infra/data-sources/fetch-source.ts';

let server: http.Server;
let base = '';
let hits = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/big') {
      res.writeHead(200); // no content-length: the limit is counted while reading
      for (let i = 0; i < 10; i++) res.write('x'.repeat(100));
      return res.end();
    }
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://example.org/' });
      return res.end();
    }
    if (req.url === '/busy') {
      res.writeHead(503);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":[]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const limits = {
  timeoutMs: 2000,
  maxBytes: 500,
  allowLoopbackHttp: true,
  retry: { attempts: 3, baseMs: 10, factor: 2, maxMs: 100 },
};

describe('fetching a source', () => {
  it('answers the body with its SHA-256 and size', async () => {
    const r = await fetchSource({ url: `${base}/ok`, method: 'GET' }, limits);
    expect(r).toMatchObject({
      ok: true,
      text: '{"data":[]}',
      bytes: 11,
      sha256: createHash('sha256').update('{"data":[]}').digest('hex'),
    });
  });
  it('stops reading past the size limit', async () => {
    expect(await fetchSource({ url: `${base}/big`, method: 'GET' }, limits)).toMatchObject({
      ok: false,
      reason: { code: 'TOO_LARGE', params: { limit: 500 } },
      attempts: 1,
    });
  });
  it('never follows a redirect', async () => {
    expect(await fetchSource({ url: `${base}/redirect`, method: 'GET' }, limits)).toMatchObject({
      ok: false,
      reason: { code: 'HTTP_ERROR', params: { status: 302 } },
    });
  });
  it('refuses plain HTTP unless loopback HTTP is allowed', async () => {
    hits = 0;
    expect(
      await fetchSource({ url: `${base}/ok`, method: 'GET' }, { ...limits, allowLoopbackHttp: false }),
    ).toMatchObject({ ok: false, reason: { code: 'URL_NOT_HTTPS' } });
    expect(hits).toBe(0);
  });
  it('retries a 503 with the schedule’s waits, then gives up', async () => {
    hits = 0;
    const waits: number[] = [];
    const r = await fetchSource({ url: `${base}/busy`, method: 'GET' }, limits, async (ms) => void waits.push(ms));
    expect(r).toMatchObject({ ok: false, reason: { code: 'HTTP_ERROR', params: { status: 503 } }, attempts: 3 });
    expect(waits).toEqual([10, 20]);
    expect(hits).toBe(3);
  });
});
