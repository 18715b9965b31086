// Issue 17: a request is one log line (method, path, status, duration), not Fastify's two ("incoming
// request" + "request completed" made 9,584 lines in 26 minutes of clicking through the demo).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ logger: createLogger('info', sink) });
});
afterAll(() => t.close());

describe('request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    lines.length = 0;
    await t.anonymous.get('/healthz');
    await t.anonymous.get('/api/v1/frameworks');
    await t.anonymous.post('/api/v1/auth/login', { username: 'khongco', password: 'sai-mat-khau' });
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'request');
    expect(lines.join('\n')).not.toMatch(/incoming request|request completed/);
    expect(requests.map((r) => [r['method'], r['url'], r['statusCode']])).toEqual([
      ['GET', '/healthz', 200],
      ['GET', '/api/v1/frameworks', 401],
      ['POST', '/api/v1/auth/login', 401],
    ]);
    for (const r of requests) expect(typeof r['ms']).toBe('number');
  });
});
