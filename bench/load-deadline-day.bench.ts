// Figure (scale issue): deadline day on the national fixture. `thuocdo fixture national --skip-files`
// (evidence as links: the load does not depend on stored bytes, and generation stays quick) builds the
// data once per database; the real app runs as `thuocdo serve` in its own process; a raw-socket load
// generator on loopback (lib/deadline-mix.worker.mjs, a worker thread of this process) drives the mix of
// bench/lib/deadline-mix.ts for LOAD_SECONDS (default 60) at 64 and at 256 connections. Reported: requests/s, p50/p95/p99, non-2xx (409 conflicts counted apart), server peak RSS,
// CPU ms per request of the server(s), the load generator and a local PostgreSQL (lib/proc-cpu.ts),
// and the save route against the bare ceiling (bench/lib/bare-upsert-server.ts: one upsert, same database,
// same concurrency, same run, its own process too), the floor of a correct save (its /floor route) and the
// floor of the whole mix (lib/floor-mix-routes.ts in the same process: the mix's four requests each doing the
// least a correct one does — issue 16 asks a target the hardware cannot reach to be shown so by the baseline
// itself, and this is the mix the hardware can carry). With BENCH_DATABASE_URL, also TWO app processes
// sharing one PostgreSQL, the load generator round-robining over both ports.
// Run: npx tsx bench/load-deadline-day.bench.ts   (LOAD_SECONDS=10 for a quick check; LOAD_UNITS=4000;
// LOAD_CONNECTIONS=64 for one level; with it LOAD_PROCESSES=2 and LOAD_AFFINITY=form|none — see AFFINITY)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { leaves } from '../src/core/framework/index.ts';
import type { Database } from '../src/db/client.ts';
import { fixtureInputs, nationalFramework } from '../src/fixture/national-framework.ts';
import { createRng } from '../src/fixture/random.ts';
import { makePdf } from '../src/fixture/file-makers.ts';
import { leaderName, reporterName } from '../src/fixture/national-accounts.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { createSession } from '../src/db/queries/sessions.ts';
import { sql } from 'drizzle-orm';
import { type Proc, startProcess, freePort, waitQuiet } from './lib/app-process.ts';
import { processTarget } from './lib/process-db.ts';
import {
  type CpuMeter,
  cpuMeter,
  eventLoopMeter,
  perRequest,
  postgresMeter,
  processTree,
  selfMeter,
} from './lib/proc-cpu.ts';
import { type ConnUnit, type MixJob, type MixResult, type SubmitUnit, runBare, runMix } from './lib/deadline-mix.ts';
import { report } from './lib/stats.ts';
import { benchDbKinds } from './lib/bench-db.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const UNITS = Number(process.env.LOAD_UNITS ?? 4000);
const ITEMS = 100;
// LOAD_SAME_UPLOAD=1: every upload the same PDF (stored once), as the figure was measured before 12/2026.
const SAME_UPLOAD = process.env.LOAD_SAME_UPLOAD === '1';
// LOAD_CONNECTIONS=64 runs one level only (and no two-process run): for profiling one figure.
const ONLY = process.env.LOAD_CONNECTIONS ? Number(process.env.LOAD_CONNECTIONS) : undefined;
const LEVELS = ONLY ? [ONLY] : [64, 256];
// With LOAD_CONNECTIONS: how many app processes (default 1), and how a balancer in front of them would route
// a unit's requests (LOAD_AFFINITY). `connection` (default, and the full run's two-process figure): each
// connection is a unit of its own, on one process. `form` and `none`: each unit's requests come from as many
// connections as there are processes — all on one process (`form`: a balancer hashing the form's id, as
// docs/deployment.md shows), or one on each (`none`: a balancer without affinity, where a form's load reaches
// the process that saved it one time in N). The same number of units and of connections per unit in both, so
// the two differ only in where a unit's requests go: what a process's cache of a form's presented items
// (decisions 0018, 0029) gains from affinity.
const PROCESSES = ONLY ? Number(process.env.LOAD_PROCESSES ?? 1) : 1;
const AFFINITY = process.env.LOAD_AFFINITY ?? 'connection';
if (!['connection', 'form', 'none'].includes(AFFINITY)) throw new Error(`LOAD_AFFINITY: connection, form or none`);
if (ONLY && AFFINITY !== 'connection' && ONLY % (PROCESSES * PROCESSES) !== 0)
  throw new Error(`LOAD_CONNECTIONS must be a multiple of LOAD_PROCESSES² for LOAD_AFFINITY=${AFFINITY}`);
/** Connection n reaches process n % P (deadline-mix.ts); the unit it acts for, by AFFINITY. */
function unitOfConnection(procs: number): ((n: number) => number) | undefined {
  if (AFFINITY === 'none') return (n) => Math.floor(n / procs);
  if (AFFINITY === 'form') return (n) => Math.floor(n / (procs * procs)) * procs + (n % procs);
  return undefined;
}
const entries = leaves(nationalFramework(ITEMS)).map((l, n) => ({
  code: l.node.code,
  inputs: fixtureInputs(l.node, 0.8, createRng(n), 30),
}));
const pdf = await makePdf('Báo cáo bổ sung tài liệu kiểm chứng', 1, createRng(7));

/**
 * CPU meters over a run (lib/proc-cpu.ts): the server processes, the load generator (this process:
 * its load generator's thread runs here) and, on a local PostgreSQL, its processes; `perRequest(n)` reads them as
 * "server 0.61, load generator 0.20, postgres 0.35" (ms per request), followed by where the servers' event loops
 * spent the run (on a core, waiting for one, asleep) and the machine's idle share (eventLoopMeter): the limit
 * the figure hits.
 */
const r2 = (x: number) => Math.round(x * 100) / 100;

function meters(servers: Proc[], kind: 'pglite' | 'postgres') {
  const all: [string, CpuMeter | null][] = [
    ['server', cpuMeter(() => servers.flatMap((s) => processTree(s.child.pid!)))],
    ['load generator', selfMeter()],
    ...(kind === 'postgres'
      ? [['postgres', postgresMeter(process.env.BENCH_DATABASE_URL)] as [string, CpuMeter | null]]
      : []),
  ];
  const loops = eventLoopMeter(() => servers.map((s) => s.child.pid!));
  return {
    perRequest: (n: number) => {
      const cpu = all.map(([name, m]) => `${name} ${perRequest(m?.ms(), n)}`).join(', ');
      const where = loops.text();
      return where ? `${cpu} (${where})` : cpu;
    },
  };
}

/** Sessions for `n` connection units (partly filled drafts) and `m` submitters (complete drafts), disjoint per run. */
async function sessions(database: Database, counts: number[], m: number) {
  const runs = counts.length;
  const drafts = rowsOf<{ id: string; unit_id: string; code: string; filled: number }>(
    await database.db.execute(sql`select a.id, a.unit_id, u.code, count(i.code)::int as filled
    from assessments a join campaigns c on c.id = a.campaign_id and c.status = 'open' join org_units u on u.id = a.unit_id
    left join assessment_items i on i.assessment_id = a.id where a.status = 'draft' group by a.id, a.unit_id, u.code order by u.code`),
  );
  const partial = drafts.filter((d) => d.filled < ITEMS);
  const complete = drafts.filter((d) => d.filled === ITEMS);
  const user = async (username: string) =>
    rowsOf<{ id: string }>(await database.db.execute(sql`select id from users where username = ${username}`))[0]!.id;
  const out: { units: ConnUnit[]; submits: SubmitUnit[] }[] = [];
  for (let r = 0, from = 0; r < runs; from += counts[r]!, r++) {
    const units: ConnUnit[] = [];
    for (const d of partial.slice(from, from + counts[r]!)) {
      const s = await createSession(database.db, { userId: await user(reporterName(d.code)), ttlHours: 12 });
      const versions = new Map(
        rowsOf<{ code: string; version: number }>(
          await database.db.execute(sql`select code, version from assessment_items where assessment_id = ${d.id}`),
        ).map((i) => [i.code, Number(i.version)]),
      );
      units.push({
        assessmentId: d.id,
        unitId: d.unit_id,
        cookie: `thuocdo_sid=${s.token}`,
        csrf: s.csrfToken,
        versions,
      });
    }
    const submits: SubmitUnit[] = [];
    for (const d of complete
      .slice(Math.floor((r * complete.length) / runs), Math.floor(((r + 1) * complete.length) / runs))
      .slice(0, m)) {
      const s = await createSession(database.db, { userId: await user(leaderName(d.code)), ttlHours: 12 });
      submits.push({ assessmentId: d.id, cookie: `thuocdo_sid=${s.token}`, csrf: s.csrfToken });
    }
    out.push({ units, submits });
  }
  return out;
}

/** The mix's mean round trip, each kind weighted by its share of the mix (deadline-mix.ts). */
const mixMean = (m: MixResult) =>
  m.byKind.load.mean * 0.2 + m.byKind.save.mean * 0.65 + m.byKind.upload.mean * 0.1 + m.byKind.submit.mean * 0.05;

/** A form's answer as the app sends it to a mix's load (no Accept-Encoding). */
async function capturedForm(base: string, unit: ConnUnit): Promise<Buffer> {
  const res = await fetch(`${base}/api/v1/assessments/${unit.assessmentId}`, {
    headers: { cookie: unit.cookie, 'accept-encoding': 'identity' },
  });
  if (res.status !== 200) throw new Error(`form capture: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The submissions' forms back to draft, so that the floor mix submits them again (its submit's only guard). */
async function draftAgain(t: { open: () => Promise<Database> }, submits: SubmitUnit[]): Promise<void> {
  const database = await t.open();
  try {
    await database.db.execute(sql`update assessments set status = 'draft', submitted_at = null
      where status = 'submitted' and id = any(${`{${submits.map((s) => s.assessmentId).join(',')}}`}::uuid[])`);
  } finally {
    await database.close();
  }
}

for (const kind of benchDbKinds()) {
  const t = await processTarget(kind);
  try {
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      ['bin/thuocdo.mjs', 'fixture', 'national', '--units', String(UNITS), '--skip-files'],
      { env: { ...process.env, ...t.env, NODE_ENV: 'test' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const fixtureMs = performance.now() - t0;
    const database = await t.open();
    const plan =
      kind === 'postgres' && !ONLY
        ? [...LEVELS.map((c) => ({ c, procs: 1 })), { c: 256, procs: 2 }]
        : LEVELS.map((c) => ({ c, procs: kind === 'postgres' ? PROCESSES : 1 })); // PGlite: one process only
    const prepared = await sessions(
      database,
      plan.map((p) => p.c),
      2000,
    );
    await database.close();
    for (const [i, { c, procs }] of plan.entries()) {
      const { units, submits } = prepared[i]!;
      if (units.length < c) throw new Error(`only ${units.length} draft units for ${c} connections: raise LOAD_UNITS`);
      const servers: Proc[] = [];
      for (let p = 0; p < procs; p++)
        servers.push(await startProcess(['bin/thuocdo.mjs', 'serve'], await freePort(), t.env));
      const settled = await waitQuiet(servers, t.env.DATABASE_URL);
      const cpu = meters(servers, kind);
      const mixJob: MixJob = {
        urls: servers.map((s) => s.base),
        connections: c,
        seconds: SECONDS,
        units: units.slice(0, c),
        submits,
        entries,
        pdf,
        sameUpload: SAME_UPLOAD,
        unitOfConnection: unitOfConnection(procs),
      };
      const mix = await runMix(mixJob);
      const mixCpu = cpu.perRequest(mix.requests);
      const rss = servers.map((s) => Math.round(s.peakRssMb()));
      // The form's answer as the app sends it to the mix's loads (no Accept-Encoding): the floor mix sends these bytes.
      const formFile = path.join(os.tmpdir(), `thuocdo-floor-form-${process.pid}-${c}-${procs}.json`);
      fs.writeFileSync(formFile, await capturedForm(servers[0]!.base, units[0]!));
      for (const s of servers) await s.stop();
      await draftAgain(t, submits);
      const bareProc = await startProcess(['--import', 'tsx', 'bench/lib/bare-upsert-server.ts'], await freePort(), {
        ...t.env,
        FLOOR_BYTES: JSON.stringify({ file: formFile, type: 'application/json; charset=utf-8' }),
      });
      const bareCpu = meters([bareProc], kind);
      const bare = await runBare(bareProc.base, c, SECONDS, units.slice(0, c), entries);
      const bareCpuText = bareCpu.perRequest(Math.round(bare.rps * SECONDS));
      // The floor: the same server's /floor route (session read, then row lock, upsert and audit entry in one statement).
      const floorCpu = meters([bareProc], kind);
      const floor = await runBare(bareProc.base, c, SECONDS, units.slice(0, c), entries, 'floor');
      const floorCpuText = floorCpu.perRequest(Math.round(floor.rps * SECONDS));
      // The floor of the whole mix: the same draws against the floor routes (lib/floor-mix-routes.ts).
      const floorMixCpu = meters([bareProc], kind);
      const floorMix = await runMix({ ...mixJob, urls: [bareProc.base], floor: true });
      const floorMixCpuText = floorMixCpu.perRequest(floorMix.requests);
      await bareProc.stop();
      fs.rmSync(formFile, { force: true });
      const save = mix.byKind.save;
      const routed =
        AFFINITY === 'connection'
          ? ''
          : `, a unit's requests from ${procs} connections, ${AFFINITY === 'form' ? 'all on one process (affinity by form)' : 'one on each process (no affinity)'}`;
      const label = `deadline day, ${c} connections${procs > 1 ? `, ${procs} app processes` : ''}${routed}`;
      report({
        name: `${label}: mixed requests (client round trip)`,
        db: kind,
        meanMs: mixMean(mix),
        p95Ms: mix.p95,
        baselineName: 'bare Fastify upsert route, same concurrency (client round trip)',
        baselineMeanMs: bare.mean,
        note: `${mix.rps} req/s over ${SECONDS} s (${mix.requests}); p50 ${mix.p50} p95 ${mix.p95} p99 ${mix.p99} ms; non-2xx ${mix.non2xx} (+ ${mix.conflicts409} expected 409), socket errors ${mix.errors}; server peak RSS ${rss.join(' + ')} MB; CPU ms per request ${mixCpu}; load ${JSON.stringify(mix.byKind.load)}, upload (${SAME_UPLOAD ? 'one PDF every time' : 'each a PDF of its own'}) ${JSON.stringify(mix.byKind.upload)}, submit ${JSON.stringify(mix.byKind.submit)}${mix.submitPoolExhausted ? `, ${mix.submitPoolExhausted} submits replaced by loads (pool empty)` : ''}${mix.unexpected.length ? `; e.g. ${mix.unexpected.slice(0, 3).join(' | ')}` : ''}; fixture ${UNITS} units generated in ${Math.round(fixtureMs / 1000)} s; load started after the servers' start-up work, ${settled.quiet ? `quiet after ${Math.round(settled.ms / 1000)} s` : `NOT quiet after ${Math.round(settled.ms / 1000)} s`}`,
      });
      report({
        name: `${label}: item save vs bare upsert (client round trip)`,
        db: kind,
        meanMs: save.mean,
        p95Ms: save.p95,
        baselineName: 'bare Fastify upsert route, same concurrency (client round trip)',
        baselineMeanMs: bare.mean,
        note: `save p50 ${save.p50} p95 ${save.p95} p99 ${save.p99} ms (${save.n} saves); bare ${bare.rps} req/s p50 ${bare.p50} p95 ${bare.p95} p99 ${bare.p99} ms, non-2xx ${bare.non2xx}, CPU ms per request ${bareCpuText}; floor of a correct save (session read, then row lock + upsert + audit entry in one statement) mean ${floor.mean} ms = ×${r2(floor.mean / bare.mean)} bare (save ×${r2(save.mean / floor.mean)} floor), ${floor.rps} req/s p95 ${floor.p95} ms, non-2xx ${floor.non2xx}, CPU ms per request ${floorCpuText}`,
      });
      const floorSave = floorMix.byKind.save;
      report({
        name: `${label}: floor of the mix (client round trip)`,
        db: kind,
        meanMs: mixMean(floorMix),
        p95Ms: floorMix.p95,
        baselineName: 'bare Fastify upsert route, same concurrency (client round trip)',
        baselineMeanMs: bare.mean,
        note: `the same mix at its floor (lib/floor-mix-routes.ts, one process): ${floorMix.rps} req/s (${floorMix.requests}); p50 ${floorMix.p50} p95 ${floorMix.p95} p99 ${floorMix.p99} ms; non-2xx ${floorMix.non2xx} (+ ${floorMix.conflicts409} 409), socket errors ${floorMix.errors}; CPU ms per request ${floorMixCpuText}; load ${JSON.stringify(floorMix.byKind.load)}, save ${JSON.stringify(floorSave)}, upload ${JSON.stringify(floorMix.byKind.upload)}, submit ${JSON.stringify(floorMix.byKind.submit)}; the app's mix ×${r2(mixMean(mix) / mixMean(floorMix))} this floor, its save ×${r2(save.mean / floorSave.mean)} the floor's save in the mix; save in this floor mix ×${r2(floorSave.mean / bare.mean)} bare${floorMix.unexpected.length ? `; e.g. ${floorMix.unexpected.slice(0, 3).join(' | ')}` : ''}`,
      });
      if (mix.non2xx > 0) console.error(`unexpected non-2xx: ${mix.unexpected.join('\n')}`);
      if (floorMix.non2xx > 0) console.error(`floor mix, unexpected non-2xx: ${floorMix.unexpected.join('\n')}`);
    }
  } finally {
    await t.drop();
  }
}
