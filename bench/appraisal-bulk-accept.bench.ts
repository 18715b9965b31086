// Figure (appraisal issue): POST /api/v1/appraisal/bulk-accept of 10,000 items (100 units × 100 items)
// by the council chair — all or nothing: reachability, policy per item, version check, ONE upsert
// statement, ONE batched audit append of 10,000 hash-chained entries — target ≤ 2 s. In-process (inject).
// Baseline, same run, same database: the bare upsert statement of the same 10,000 rows (no checks, no
// audit). Run: npx tsx bench/appraisal-bulk-accept.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { textArray, uuidArray } from '../src/db/queries/sql-arrays.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { setupAppraisal } from './lib/appraisal-bench.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { report } from './lib/stats.ts';

const UNITS = Number(process.env.BENCH_UNITS ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const stats = (xs: number[]) => ({
  meanMs: xs.reduce((s, x) => s + x, 0) / xs.length,
  p95Ms: [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!,
});

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
  const pairs = b.assessments.flatMap((a) => b.codes.map((code) => ({ assessmentId: a.id, code })));
  const versions = async () => {
    const rows = rowsOf<{ assessment_id: string; code: string; version: number }>(
      await database.db.execute(
        sql`select r.assessment_id, r.code, r.version from item_reviews r join assessments a on a.id = r.assessment_id where a.campaign_id = ${b.campaignId}::uuid`,
      ),
    );
    const by = new Map(rows.map((r) => [`${r.assessment_id} ${r.code}`, Number(r.version)]));
    return pairs.map((p) => ({ ...p, version: by.get(`${p.assessmentId} ${p.code}`) ?? 0 }));
  };
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const payload = { items: await versions() };
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/appraisal/bulk-accept',
      headers: { cookie: b.chair.cookie, 'x-csrf-token': b.chair.csrf },
      payload,
    });
    samples.push(performance.now() - t0);
    if (res.statusCode !== 200 || res.json().accepted !== pairs.length)
      throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await database.db.execute(sql`insert into item_reviews as r (assessment_id, code, final_score, version)
      select x.aid, x.code, 5, 1 from unnest(${uuidArray(pairs.map((p) => p.assessmentId))}, ${textArray(pairs.map((p) => p.code))}) as x(aid, code)
      on conflict (assessment_id, code) do update set final_score = excluded.final_score, version = r.version + 1`);
    base.push(performance.now() - t0);
  }
  const f = stats(samples);
  report({
    name: `bulk accept ${pairs.length.toLocaleString('en-US')} items (POST /appraisal/bulk-accept)`,
    db: kind,
    ...f,
    baselineName: 'bare upsert of the same rows',
    baselineMeanMs: stats(base).meanMs,
    targetMs: 2000,
    note: `${pairs.length} audit entries per run`,
  });
  await app.close();
  await database.close();
}
