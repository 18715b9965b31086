// Figure (appraisal issue): POST /api/v1/appraisal/bulk-accept of 10,000 items (100 units × 100 items)
// by the council chair — all or nothing: reachability, policy per item, ONE statement reading every item
// and upserting every final score (version check), ONE batched audit append of one hash-chained entry per
// assessment, each item's before → after under its code (decision 0028; 10,000 entries before it) —
// target ≤ 2 s. In-process (inject). Baseline, same run, same database, each run right after an
// app run: the bare upsert statement of the same 10,000 rows (no checks, no audit). The note gives the
// floor of the audit it writes: the baseline plus the same audit rows copied in SQL. Run: npx tsx bench/appraisal-bulk-accept.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
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
  // App and baseline runs alternate, so each pair meets the same load (the machine is shared).
  // The floor: the baseline's upsert plus writing the same audit rows again, copied inside the database
  // (heap and six indexes, no parsing, no hashing) — what the audit it writes costs on this machine.
  const samples: number[] = [];
  const base: number[] = [];
  const copies: number[] = [];
  const cpu: number[] = [];
  let entries = 0;
  const lastAuditId = async () =>
    Number(
      rowsOf<{ id: string | null }>(await database.db.execute(sql`select max(id) as id from audit_log`))[0]!.id ?? 0,
    );
  for (let i = 0; i < RUNS; i++) {
    const payload = { items: await versions() };
    const from = await lastAuditId();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/appraisal/bulk-accept',
      headers: { cookie: b.chair.cookie, 'x-csrf-token': b.chair.csrf },
      payload,
    });
    samples.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    if (res.statusCode !== 200 || res.json().accepted !== pairs.length)
      throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    const t1 = performance.now();
    await database.db.execute(sql`insert into item_reviews as r (assessment_id, code, final_score, version)
      select x.aid, x.code, 5, 1 from unnest(${uuidArray(pairs.map((p) => p.assessmentId))}, ${textArray(pairs.map((p) => p.code))}) as x(aid, code)
      on conflict (assessment_id, code) do update set final_score = excluded.final_score, version = r.version + 1`);
    base.push(performance.now() - t1);
    const to = await lastAuditId();
    entries = to - from;
    const t2 = performance.now();
    await database.db
      .execute(sql`insert into audit_log (at, actor_id, actor_name, action, object_type, object_id, unit_id,
        before, after, reason, chain, prev_hash, hash)
      select at, actor_id, actor_name, action, object_type, object_id, unit_id, before, after, reason, chain, prev_hash, hash
      from audit_log where id > ${from} and id <= ${to} order by id`);
    copies.push(performance.now() - t2);
  }
  const f = stats(samples);
  report({
    name: `bulk accept ${pairs.length.toLocaleString('en-US')} items (POST /appraisal/bulk-accept)`,
    db: kind,
    ...f,
    baselineName: 'bare upsert of the same rows',
    baselineMeanMs: stats(base).meanMs,
    targetMs: 2000,
    note: `${entries} audit entries per run (one per assessment); floor (baseline + the same audit rows copied in SQL) ${(
      stats(base).meanMs + stats(copies).meanMs
    ).toFixed(0)} ms = ×${((stats(base).meanMs + stats(copies).meanMs) / stats(base).meanMs).toFixed(1)}; app/floor ×${(
      f.meanMs /
      (stats(base).meanMs + stats(copies).meanMs)
    ).toFixed(1)}; CPU of this process per app run ${stats(cpu).meanMs.toFixed(0)} ms (${
      kind === 'pglite' ? 'the database included' : 'Node only'
    })`,
  });
  await app.close();
  await database.close();
}
