// Spreadsheet bombs against every route that reads a spreadsheet (issue 11, finding 1): refused with 413
// naming the limit, fast, while the server keeps answering /healthz well under a second; a caller who
// may not import there is refused (403/404) before the file is read — the worker pool parses nothing;
// more imports at once than the pool holds get 503, and memory stays bounded.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/infra/imports/parse-pool.ts';
import { type CampaignIds, SYSTEM_CLOCK_DEADLINE, createOpenCampaign } from '../support/campaign-fixture.ts';
import { rowsBomb } from '../support/spreadsheet-bombs.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

describe('spreadsheet bombs on every import route', () => {
  let t: TestApp;
  let ids: CampaignIds;
  // As in a running server: one thread, started and kept before the first import.
  const pool = new ParsePool({
    workers: 1,
    maxQueue: 2,
    heapMb: 512,
    timeoutMs: 60_000,
    idleMs: 60_000,
    warmWorkers: 1,
  });
  // The bomb (200 MB of sheet XML) declaring 1 KB, so that only counting while inflating stops it.
  const bomb = rowsBomb(200, 1000);

  const routes = () => [
    {
      name: 'assessment form',
      url: `/api/v1/assessments/${ids.assessments.C1}/import`,
      importer: 'rep_c1',
      refused: ['viewer', 'support', 'member', 'chair', 'office', 'rep_c3'],
    },
    { name: 'org units', url: '/api/v1/org-units/import', importer: 'admin', refused: ['rep_c1', 'viewer', 'support'] },
    { name: 'users', url: '/api/v1/users/import', importer: 'admin', refused: ['rep_c1', 'viewer', 'member'] },
    {
      name: 'figures',
      url: `/api/v1/campaigns/${ids.campaignId}/figures/import`,
      importer: 'office',
      refused: ['rep_c1', 'viewer', 'support'],
    },
    { name: 'index sets', url: '/api/v1/frameworks/import', importer: 'admin', refused: ['rep_c1', 'viewer', 'chair'] },
  ];

  /** Runs `work` while polling /healthz every 20 ms: the slowest answer and the longest event-loop stall. */
  async function whileServing<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; maxHealthMs: number; maxStallMs: number; peakRssMb: number }> {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let done = false;
    let maxHealthMs = 0;
    let peakRss = process.memoryUsage().rss;
    const poll = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await t.app.inject({ method: 'GET', url: '/healthz' });
        maxHealthMs = Math.max(maxHealthMs, performance.now() - t0);
        expect(res.statusCode).toBe(200);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const result = await work();
    done = true;
    await poll;
    loop.disable();
    return { result, maxHealthMs, maxStallMs: loop.max / 1e6, peakRssMb: peakRss / 1024 / 1024 };
  }

  beforeAll(async () => {
    pool.warm();
    t = await createTestApp({ parsePool: pool });
    ids = await createOpenCampaign(t, { deadline: SYSTEM_CLOCK_DEADLINE });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await pool.close();
  });

  it('a caller who may not import there is refused before the file is read: nothing parsed', async () => {
    for (const route of routes()) {
      for (const username of route.refused) {
        const before = pool.started;
        const t0 = performance.now();
        const res = await (await t.as(username)).upload(route.url, 'bom.xlsx', bomb);
        expect([403, 404], `${route.name} as ${username}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(pool.started, `${route.name} as ${username} parsed the file`).toBe(before);
        expect(performance.now() - t0).toBeLessThan(2_000);
      }
    }
  }, 120_000);

  it('the bomb → 413 naming the limit on every route, and /healthz answers well under a second throughout', async () => {
    for (const route of routes()) {
      const client = await t.as(route.importer);
      const before = pool.started;
      const t0 = performance.now();
      const run = await whileServing(() => client.upload(route.url, 'bom.xlsx', bomb));
      const ms = performance.now() - t0;
      expect(run.result.statusCode, `${route.name}: ${run.result.body.slice(0, 300)}`).toBe(413);
      expect(run.result.json().error.code).toBe('FILE_TOO_LARGE');
      expect(run.result.json().error.message).toMatch(/quá 300\.000 ô dữ liệu|quá 100\.000 dòng/);
      expect(pool.started).toBe(before + 1);
      expect(ms, route.name).toBeLessThan(10_000);
      expect(run.maxHealthMs, `${route.name}: slowest /healthz`).toBeLessThan(1_000);
      // In-process polls cannot run while the loop is blocked: the loop's own delay is the measure.
      expect(run.maxStallMs, `${route.name}: longest event-loop stall`).toBeLessThan(1_000);
    }
  }, 180_000);

  it('the same 200 MB declared honestly → 413 at once; a non-spreadsheet → 415', async () => {
    const admin = await t.as('admin');
    const t0 = performance.now();
    const res = await admin.upload('/api/v1/org-units/import', 'bom.xlsx', rowsBomb(200));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/Bảng tính quá lớn khi giải nén: vượt quá 64 MB/);
    expect(performance.now() - t0).toBeLessThan(3_000);
    const docx = await admin.upload('/api/v1/users/import', 'a.xlsx', Buffer.from('PK\u0003\u0004 hỏng'));
    expect(docx.statusCode).toBe(415);
  });

  it('more bombs at once than the pool holds: the rest get 503 with Retry-After; memory stays bounded; the server answers', async () => {
    const admin = await t.as('admin');
    const run = await whileServing(() =>
      Promise.all(Array.from({ length: 6 }, () => admin.upload('/api/v1/org-units/import', 'bom.xlsx', bomb))),
    );
    const codes = run.result.map((r) => r.statusCode);
    expect(
      codes.every((c) => c === 413 || c === 503),
      codes.join(','),
    ).toBe(true);
    expect(codes.filter((c) => c === 413).length).toBeGreaterThanOrEqual(3); // one reading + two waiting
    const busy = run.result.find((r) => r.statusCode === 503);
    if (busy) {
      expect(busy.json().error.code).toBe('SERVER_BUSY');
      expect(busy.headers['retry-after']).toBe('30');
    }
    expect(run.maxHealthMs).toBeLessThan(1_000);
    // One worker thread with a 512 MB heap: the whole process stays far from the 3.8 GB of the issue.
    expect(run.peakRssMb).toBeLessThan(1_500);
  }, 120_000);
});
