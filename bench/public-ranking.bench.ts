// GET /api/public/v1/campaigns/{id}/groups/{groupId}/results for a 4,000-unit group (100 items each),
// on the real app: the metadata lookup, the cached view and its pre-serialised bytes. SERVER time is
// Fastify's reply.elapsedTime (request received → response finished), collected in onResponse, over
// requests over loopback HTTP (fetch, body read). Baseline from the same run: a bare Fastify route sending the same
// precomputed JSON bytes, timed the same way. Also printed: the first (cold) request, which parses the
// snapshot once, and a 304 revalidation.
// Run: npx tsx bench/public-ranking.bench.ts [runs]
import Fastify from 'fastify';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { report, timeRuns } from './lib/stats.ts';
import { BENCH_KEY_SECRET, insertSnapshot, syntheticPayload } from './lib/synthetic-results.ts';

const runs = Number(process.argv[2] ?? 200);
const serverTimes = (app: {
  addHook: (name: 'onResponse', fn: (req: unknown, reply: { elapsedTime: number }) => Promise<void>) => unknown;
}) => {
  const samples: number[] = [];
  app.addHook('onResponse', async (_req, reply) => {
    samples.push(reply.elapsedTime);
  });
  return samples;
};
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { meanMs: xs.reduce((s, x) => s + x, 0) / xs.length, p95Ms: sorted[Math.ceil(sorted.length * 0.95) - 1]! };
};

for (const db of benchDbKinds()) {
  const database = await openBenchDatabase(db);
  const { campaignId, groupId } = await insertSnapshot(database.db, syntheticPayload(4000));
  const app = await buildApp({
    db: database.db,
    database,
    config: loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      THUOCDO_DATA_DIR: '.tmp-bench',
      SESSION_SECRET: BENCH_KEY_SECRET,
    }),
    webDir: '/nonexistent',
  });
  const appTimes = serverTimes(app as never);
  await app.ready();
  const url = `/api/public/v1/campaigns/${campaignId}/groups/${groupId}/results`;
  const t0 = performance.now();
  const first = await app.inject({ method: 'GET', url });
  const coldMs = performance.now() - t0;
  if (first.statusCode !== 200) throw new Error(`${first.statusCode} ${first.body}`);
  const bytes = first.rawPayload;
  const bare = Fastify();
  const bareTimes = serverTimes(bare as never);
  bare.get('/bytes', (_req, reply) => reply.type('application/json; charset=utf-8').send(bytes));
  await bare.ready();
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
  // identity: the same plain bytes as the bare route (fetch would ask for br, which the app now sends).
  const get = (u: string, headers: Record<string, string> = {}) =>
    fetch(u, { headers: { 'accept-encoding': 'identity', ...headers } }).then((r) => r.arrayBuffer());
  for (let i = 0; i < 20; i++) {
    await get(base + url);
    await get(`${bareBase}/bytes`);
  }
  appTimes.length = 0;
  bareTimes.length = 0;
  const roundTrip = await timeRuns(runs, () => get(base + url));
  const route = stats(appTimes.splice(0));
  const bareTrip = await timeRuns(runs, () => get(`${bareBase}/bytes`));
  const baseline = stats(bareTimes.splice(0));
  const etag = first.headers.etag as string;
  await timeRuns(runs, () => get(base + url, { 'if-none-match': etag }));
  const notModified = stats(appTimes.splice(0));
  report({
    name: 'public ranking 4,000 units, server time (warm)',
    db,
    meanMs: route.meanMs,
    p95Ms: route.p95Ms,
    baselineName: 'bare Fastify route, same bytes',
    baselineMeanMs: baseline.meanMs,
    targetMs: 20,
    note: `${(bytes.length / 1e6).toFixed(2)} MB; cold first request ${coldMs.toFixed(0)} ms; 304 ${notModified.meanMs.toFixed(2)} ms; HTTP round trip ${roundTrip.meanMs.toFixed(1)} ms vs bare ${bareTrip.meanMs.toFixed(1)} ms`,
  });
  await app.close();
  await bare.close();
  await database.close();
}
