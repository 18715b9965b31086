// Figure (appraisal issue): GET /api/v1/appraisal/queue for a council chair over 300 units × 100 items
// (30,000 rows: scores, review, evidence count, open request, duplicate bytes, flags computed in core for
// every row — the summary counts them all — and the first page of 500 rows answered, as every list of
// the API) — target ≤ 300 ms. Measured in-process (Fastify inject: routing, auth, query, flags,
// serialisation).
// Baseline, same run, same database: the bare row query alone (one SELECT of the same 30,000 rows).
// Run: npx tsx bench/appraisal-queue.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { loadConfig } from '../src/infra/config.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDefinition } from '../src/db/queries/framework-definitions.ts';
import { loadQueueRows } from '../src/db/queries/appraisal-queue.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { setupAppraisal } from './lib/appraisal-bench.ts';
import { report, timeRuns } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 300);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  const b = await setupAppraisal(database, UNITS, ITEMS);
  const app = await buildApp({
    db: database.db,
    database,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    webDir: '/nonexistent',
  });
  await app.ready();
  const url = `/api/v1/appraisal/queue?campaignId=${b.campaignId}&mode=unit`;
  const get = async () => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: b.chair.cookie } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const first = (await get()).json() as { summary: { total: number; flagged: number } };
  if (first.summary.total !== UNITS * ITEMS)
    throw new Error(`queue has ${first.summary.total} rows, expected ${UNITS * ITEMS}`);
  const def = (await loadDefinition(database.db, b.frameworkId))!;
  const leaves = [...def.leaves.keys()].map((code) => ({ groupId: b.groupId, code }));
  const chairActor = { userId: b.chairId, grants: [], grantPaths: new Map<string, string>() };
  for (let i = 0; i < 2; i++) await get();
  const baseline = await timeRuns(RUNS, () => loadQueueRows(database.db, chairActor, leaves, [], {}));
  const figure = await timeRuns(RUNS, get);
  report({
    name: `appraisal queue ${UNITS} units × ${ITEMS} items (GET /appraisal/queue)`,
    db: kind,
    meanMs: figure.meanMs,
    p95Ms: figure.p95Ms,
    baselineName: 'the row query alone',
    baselineMeanMs: baseline.meanMs,
    targetMs: 300,
    note: `${first.summary.total} rows, ${first.summary.flagged} flagged, first page of 500`,
  });
  await app.close();
  await database.close();
}
