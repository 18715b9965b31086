// GET /api/public/v1/campaigns/{id}/open-data.xlsx for 4,000 units × 100 items (400,000 rows) on the real
// app: the first request builds the workbook once for the snapshot digest into the data directory
// (infra/storage/derived-files.ts), later ones are served from that file. Timed over loopback HTTP, the
// whole body read. Baseline from the same run: a bare Fastify + @fastify/static server sending a copy of
// the same file, timed the same way. Target: ≤ 2× the static file. The first (building) request is in the
// note. `OPEN_DATA_UNITS` (default 4000) sets the size; BENCH_DATABASE_URL adds PostgreSQL.
// Run: npx tsx bench/open-data-file.bench.ts [runs]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { report, timeRuns } from './lib/stats.ts';
import { BENCH_KEY_SECRET, insertSnapshot, syntheticPayload } from './lib/synthetic-results.ts';

const runs = Number(process.argv[2] ?? 10);
const units = Number(process.env.OPEN_DATA_UNITS ?? 4000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET, reading the whole body; resolves with its length. */
function fetchAll(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

for (const db of benchDbKinds()) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thuocdo-open-data-'));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'thuocdo-static-'));
  const database = await openBenchDatabase(db);
  const { campaignId, digest } = await insertSnapshot(database.db, syntheticPayload(units));
  const app = await buildApp({
    db: database.db,
    database,
    config: loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      THUOCDO_DATA_DIR: dataDir,
      SESSION_SECRET: BENCH_KEY_SECRET,
    }),
    webDir: '/nonexistent',
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${base}/api/public/v1/campaigns/${campaignId}/open-data.xlsx`;
  const t0 = performance.now();
  const size = await fetchAll(url);
  const buildMs = performance.now() - t0;

  copyFileSync(
    path.join(dataDir, 'cache/open-data', campaignId, `${digest}.xlsx`),
    path.join(staticDir, 'open-data.xlsx'),
  );
  const bare = Fastify();
  await bare.register(fastifyStatic, { root: staticDir });
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `${bareBase}/open-data.xlsx`;

  for (let i = 0; i < 3; i++) {
    await fetchAll(url);
    await fetchAll(bareUrl);
  }
  const served = await timeRuns(runs, () => fetchAll(url));
  const file = await timeRuns(runs, () => fetchAll(bareUrl));
  report({
    name: `open-data .xlsx ${units.toLocaleString('en-US')} × 100 = ${(units * 100).toLocaleString('en-US')} rows, served from its file (warm)`,
    db,
    meanMs: served.meanMs,
    p95Ms: served.p95Ms,
    baselineName: '@fastify/static sending the same file',
    baselineMeanMs: file.meanMs,
    targetMs: 2 * file.meanMs,
    note: `${(size / 1e6).toFixed(1)} MB; first request (builds the file once per snapshot digest) ${(buildMs / 1000).toFixed(1)} s`,
  });
  await app.close();
  await bare.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
}
agent.destroy();
