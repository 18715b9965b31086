// Figure (campaigns issue): saving one item (PUT /api/v1/assessments/{id}/items/{code}) with 64 clients
// at once over real HTTP on loopback — target ≤ 20 ms p95 server time on PostgreSQL. Each client is a
// unit reporter saving its own unit's items (keep-alive fetch from a worker thread), on the illustrative
// 1,000-point commune set. Server time = Fastify's reply.elapsedTime (onRequest → response sent),
// recorded by an onResponse hook of the bench app only. Two load shapes:
//  - back to back: each of the 64 clients sends its next save as soon as the last one is answered
//    (64 × 50 saves) — a saturation test; on a small machine the server, PostgreSQL and the load
//    generator share the cores and server time is mostly waiting for the event loop;
//  - paced: the same 64 clients as people work, a pause of about half a second between saves
//    (64 × 20 saves, ~120 saves/s offered, starts spread over one pause).
// Baseline, same run, same database, same clients and load shape: a bare Fastify route doing one
// parameterised upsert of the same row shape (no session, no policy, no scoring, no audit).
// Each figure also gives the server's CPU per save (main thread, where both servers run) and, on a local
// PostgreSQL, PostgreSQL's (lib/proc-cpu.ts; Linux).
// Run: npx tsx bench/item-save.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL;
// BENCH_CLIENTS / BENCH_SAVES change 64 / 50)
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { leaves } from '../src/core/framework/index.ts';
import { demoEntry } from '../src/seed/demo-item-inputs.ts';
import { loadPresetFiles } from '../src/exchange/frameworks/presets.ts';
import type { App } from '../src/server/http/route-types.ts';
import { benchDbKinds, openBenchDatabase } from './lib/bench-db.ts';
import {
  type ItemSaveJob,
  type Listening,
  type Session,
  accountWithSession,
  listen,
  listenApp,
  mainThreadCpuMs,
  mean,
  openBenchCampaign,
  percentile,
  runLoad,
  seedProvince,
} from './lib/campaign-bench.ts';
import { auditedFloorSave } from './lib/audited-floor-save.ts';
import { type CpuMeter, postgresMeter } from './lib/proc-cpu.ts';
import { report } from './lib/stats.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const SAVES = Number(process.env.BENCH_SAVES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUTE = 'PUT /api/v1/assessments/:id/items/:code';

const def = (await loadPresetFiles()).find((p) => p.definition.code === 'minh-hoa-xa-1000')!.definition;
const entries = leaves(def).map((l, n) => ({
  code: l.node.code,
  body: { ...demoEntry(l.node, n), explanation: `Theo báo cáo số ${n}/BC-UBND` },
}));

type Result = { wallMs: number; errors: string[]; versions: Record<string, Record<string, number>> };
type Run = Result & {
  times: number[];
  perSec: number;
  cpuMsPerSave: number | null;
  pgCpuMsPerSave: number | null;
  busy: number;
};

/** Runs a load job against `server` and collects the server times of `route` with the CPU it took. */
async function measure(server: Listening, route: string, job: ItemSaveJob, pg: CpuMeter | null): Promise<Run> {
  server.serverMs.clear();
  pg?.restart();
  const cpu0 = mainThreadCpuMs();
  const elu0 = performance.eventLoopUtilization();
  const r = await runLoad<Result>(job);
  const busy = performance.eventLoopUtilization(elu0).utilization;
  const cpu1 = mainThreadCpuMs();
  const pgMs = pg ? pg.ms() : null;
  if (r.errors.length > 0) throw new Error(`${r.errors.length} saves failed, e.g. ${r.errors[0]}`);
  const times = server.serverMs.get(route) ?? [];
  return {
    ...r,
    times,
    perSec: (times.length / r.wallMs) * 1000,
    cpuMsPerSave: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / times.length,
    pgCpuMsPerSave: pgMs === null ? null : pgMs / times.length,
    busy,
  };
}

const ms = (x: number) => x.toFixed(2);
const r2 = (x: number) => x.toFixed(2);

/** Rounds of one route as one run: their saves, wall time and CPU summed. */
function combined(runs: Run[]): Run {
  const times = runs.flatMap((r) => r.times);
  const wallMs = runs.reduce((s, r) => s + r.wallMs, 0);
  const sum = (f: (r: Run) => number | null) =>
    runs.some((r) => f(r) === null) ? null : runs.reduce((s, r) => s + f(r)! * r.times.length, 0) / times.length;
  return {
    times,
    wallMs,
    errors: runs.flatMap((r) => r.errors),
    versions: runs.at(-1)?.versions ?? {},
    perSec: (times.length / wallMs) * 1000,
    cpuMsPerSave: sum((r) => r.cpuMsPerSave),
    pgCpuMsPerSave: sum((r) => r.pgCpuMsPerSave),
    busy: runs.reduce((s, r) => s + r.busy * r.wallMs, 0) / wallMs,
  };
}
const summary = (r: Run) =>
  `p50 ${ms(percentile(r.times, 0.5))} p95 ${ms(percentile(r.times, 0.95))} p99 ${ms(percentile(r.times, 0.99))} ms, ${r.times.length} saves at ${Math.round(r.perSec)}/s` +
  (r.cpuMsPerSave === null ? '' : `, ${r.cpuMsPerSave.toFixed(2)} ms server CPU per save`) +
  (r.pgCpuMsPerSave === null ? '' : ` (+ ${r.pgCpuMsPerSave.toFixed(2)} ms PostgreSQL)`) +
  `, event loop ${Math.round(r.busy * 100)}% busy`;

for (const kind of benchDbKinds()) {
  const database = await openBenchDatabase(kind);
  // PostgreSQL's own CPU per save, when it runs on this machine (all its processes: lib/proc-cpu.ts).
  const pg = kind === 'postgres' ? postgresMeter(process.env.BENCH_DATABASE_URL) : null;
  await seedProvince(database, CLIENTS);
  const campaign = await openBenchCampaign(database, def, 'Đo tốc độ lưu chỉ số');
  const sessions: Session[] = [];
  for (const [i, a] of campaign.assessments.entries())
    sessions.push(await accountWithSession(database, `rep${i}`, 'unit_reporter', a.unitId));
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
  const bare = Fastify({ logger: false }) as unknown as App;
  bare.put('/bare/:id/:code', async (request) => {
    const { id, code } = request.params as { id: string; code: string };
    const body = request.body as { inputs: unknown; explanation: string };
    await database.db
      .execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
      values (${id}, ${`bare-${code}`}, ${JSON.stringify(body.inputs)}::jsonb, 1, ${body.explanation}, 1, now())
      on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
        explanation = excluded.explanation, version = assessment_items.version + 1, updated_at = now()`);
    return { ok: true };
  });
  // The floor of any correct save (lib/audited-floor-save.ts): session read, then lock + upsert + audit entry.
  bare.put('/floor/:id/:code', async (request, reply) => {
    const { id, code } = request.params as { id: string; code: string };
    const body = request.body as { inputs: unknown; explanation: string };
    const status = await auditedFloorSave(database.db, request.headers.cookie, id, `floor-${code}`, body);
    return reply.code(status).send({ ok: status === 200 });
  });
  const bareServer = await listen(bare);
  const BARE = 'PUT /bare/:id/:code';
  const FLOOR = 'PUT /floor/:id/:code';
  const bareJob: ItemSaveJob = { ...job(5, 0), urlTemplate: `${bareServer.base}/bare/{id}/{code}`, versioned: false };
  const floorJob: ItemSaveJob = { ...bareJob, urlTemplate: `${bareServer.base}/floor/{id}/{code}` };

  // Warm-up of all three (connections, prepared statements, the definition cache), then ROUNDS rounds of
  // app, floor, bare in turn, each a share of SAVES per client: a drift of the machine between two long
  // runs (seen up to ±30 % from one minute to the next on these 2 cores) falls on all three alike.
  let versions = (await measure(server, ROUTE, job(5, 0), pg)).versions;
  await measure(bareServer, FLOOR, floorJob, pg);
  await measure(bareServer, BARE, bareJob, pg);
  const appRuns: Run[] = [];
  const floorRuns: Run[] = [];
  const bareRuns: Run[] = [];
  const perRound = Math.max(1, Math.round(SAVES / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    // Each round the next items, as one long run would go through them (first saves and re-saves alike).
    const round = job(perRound, r * perRound);
    const app = await measure(server, ROUTE, { ...round, initialVersions: versions }, pg);
    versions = app.versions;
    appRuns.push(app);
    const others = { entries: round.entries, perClient: perRound };
    floorRuns.push(await measure(bareServer, FLOOR, { ...floorJob, ...others }, pg));
    bareRuns.push(await measure(bareServer, BARE, { ...bareJob, ...others }, pg));
  }
  const real = combined(appRuns);
  const floor = combined(floorRuns);
  const base = combined(bareRuns);
  const paced = await measure(server, ROUTE, { ...job(20, 0), initialVersions: versions, pauseMs: 500 }, pg);
  const basePaced = await measure(bareServer, BARE, { ...bareJob, perClient: 20, pauseMs: 500 }, pg);

  report({
    name: `item save, ${CLIENTS} concurrent clients (server time)`,
    db: kind,
    meanMs: mean(real.times),
    p95Ms: percentile(real.times, 0.95),
    baselineName: 'bare Fastify route, one upsert (server time)',
    baselineMeanMs: mean(base.times),
    targetMs: 20,
    note:
      `${summary(real)}; baseline ${summary(base)}; ${ROUNDS} rounds of app, floor, bare in turn; ` +
      `floor of any correct save (session read, then row lock + upsert + audit entry in one statement) ${summary(floor)}; ` +
      `throughput app/bare ${r2(real.perSec / base.perSec)}, floor/bare ${r2(floor.perSec / base.perSec)}, app/floor ${r2(real.perSec / floor.perSec)}`,
  });
  report({
    name: `item save, ${CLIENTS} clients pausing ~0.5 s between saves (server time)`,
    db: kind,
    meanMs: mean(paced.times),
    p95Ms: percentile(paced.times, 0.95),
    baselineName: 'bare Fastify route, one upsert, same pacing (server time)',
    baselineMeanMs: mean(basePaced.times),
    targetMs: 20,
    note: `${summary(paced)}; baseline ${summary(basePaced)}`,
  });
  await bareServer.close();
  await server.close();
  await database.close();
}
