// Figure (campaigns issue): saving one item (PUT /api/v1/assessments/{id}/items/{code}) with 64 clients
// at once over real HTTP on loopback — target ≤ 20 ms p95 server time on PostgreSQL. Each client is a
// unit reporter saving its own unit's items (64 × 50 saves, keep-alive fetch from a worker thread), on
// the illustrative 1,000-point commune set. Server time = Fastify's reply.elapsedTime (onRequest →
// response sent), recorded by an onResponse hook of the bench app only.
// Baseline, same run, same database, same concurrency: a bare Fastify route doing one parameterised
// upsert of the same row shape (no session, no policy, no scoring, no audit).
// Run: npx tsx bench/item-save.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL;
// BENCH_CLIENTS / BENCH_SAVES change 64 / 50)
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { leaves } from '../src/core/framework/index.ts';
import { demoEntry } from '../src/db/seed/demo-item-inputs.ts';
import { loadPresetFiles } from '../src/exchange/frameworks/presets.ts';
import type { App } from '../src/server/http/route-types.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import { type ItemSaveJob, type Session, accountWithSession, listen, listenApp, mean, openBenchCampaign, percentile, runLoad, seedProvince } from './lib/campaign-bench.ts';
import { report } from './lib/stats.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const SAVES = Number(process.env.BENCH_SAVES ?? 50);
const ROUTE = 'PUT /api/v1/assessments/:id/items/:code';

const def = (await loadPresetFiles()).find((p) => p.definition.code === 'minh-hoa-xa-1000')!.definition;
const entries = leaves(def).map((l, n) => ({ code: l.node.code, body: { ...demoEntry(l.node, n), explanation: `Theo báo cáo số ${n}/BC-UBND` } }));

type Result = { wallMs: number; errors: string[]; versions: Record<string, Record<string, number>> };

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  await seedProvince(database, CLIENTS);
  const campaign = await openBenchCampaign(database, def, 'Đo tốc độ lưu chỉ số');
  const sessions: Session[] = [];
  for (const [i, a] of campaign.assessments.entries()) sessions.push(await accountWithSession(database, `rep${i}`, 'unit_reporter', a.unitId));
  const server = await listenApp(database);
  const clients = campaign.assessments.map((a, i) => ({ assessmentId: a.id, ...sessions[i]! }));
  const job = (perClient: number, offset: number): ItemSaveJob => ({
    mode: 'item-save',
    urlTemplate: `${server.base}/api/v1/assessments/{id}/items/{code}`,
    clients,
    entries: entries.slice(offset).concat(entries.slice(0, offset)),
    perClient,
    versioned: true,
  });
  const check = (r: Result) => {
    if (r.errors.length > 0) throw new Error(`${r.errors.length} saves failed, e.g. ${r.errors[0]}`);
    return r;
  };
  const warm = check(await runLoad<Result>(job(5, 0))); // warm-up: connections, prepared statements, JIT, definition cache
  server.serverMs.clear();
  const elu0 = performance.eventLoopUtilization();
  const real = check(await runLoad<Result>({ ...job(SAVES, 0), initialVersions: warm.versions }));
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const times = server.serverMs.get(ROUTE) ?? [];

  // The same 64 clients as people work: a pause of about half a second between saves (~120 saves/s).
  server.serverMs.clear();
  const paced = check(await runLoad<Result>({ ...job(20, 0), initialVersions: real.versions, pauseMs: 500 }));
  const pacedTimes = server.serverMs.get(ROUTE) ?? [];

  const bare = Fastify({ logger: false }) as unknown as App;
  bare.put('/bare/:id/:code', async (request) => {
    const { id, code } = request.params as { id: string; code: string };
    const body = request.body as { inputs: unknown; explanation: string };
    await database.db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
      values (${id}, ${`bare-${code}`}, ${JSON.stringify(body.inputs)}::jsonb, 1, ${body.explanation}, 1, now())
      on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
        explanation = excluded.explanation, version = assessment_items.version + 1, updated_at = now()`);
    return { ok: true };
  });
  const bareServer = await listen(bare);
  const bareJob: ItemSaveJob = { ...job(5, 0), urlTemplate: `${bareServer.base}/bare/{id}/{code}`, versioned: false };
  check(await runLoad<Result>(bareJob));
  bareServer.serverMs.clear();
  const baseRun = check(await runLoad<Result>({ ...bareJob, perClient: SAVES }));
  const base = bareServer.serverMs.get('PUT /bare/:id/:code') ?? [];

  report({
    name: `item save, ${CLIENTS} concurrent clients (server time)`,
    db: kind,
    meanMs: mean(times),
    p95Ms: percentile(times, 0.95),
    baselineName: 'bare Fastify route, one upsert (server time)',
    baselineMeanMs: mean(base),
    targetMs: 20,
    note: `p50 ${percentile(times, 0.5).toFixed(2)} p99 ${percentile(times, 0.99).toFixed(2)} ms; ${times.length} saves at ${Math.round((times.length / real.wallMs) * 1000)}/s, server event loop ${Math.round(elu * 100)}% busy; baseline p50 ${percentile(base, 0.5).toFixed(2)} p95 ${percentile(base, 0.95).toFixed(2)} p99 ${percentile(base, 0.99).toFixed(2)} ms at ${Math.round((base.length / baseRun.wallMs) * 1000)}/s`,
  });
  report({
    name: `item save, ${CLIENTS} clients pausing ~0.5 s between saves (server time)`,
    db: kind,
    meanMs: mean(pacedTimes),
    p95Ms: percentile(pacedTimes, 0.95),
    baselineName: 'bare Fastify route, one upsert, back to back (server time)',
    baselineMeanMs: mean(base),
    targetMs: 20,
    note: `p50 ${percentile(pacedTimes, 0.5).toFixed(2)} p99 ${percentile(pacedTimes, 0.99).toFixed(2)} ms; ${pacedTimes.length} saves at ${Math.round((pacedTimes.length / paced.wallMs) * 1000)}/s`,
  });
  await bareServer.close();
  await server.close();
  await database.close();
}
