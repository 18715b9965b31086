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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Proc, startProcess, freePort, waitQuiet } from './lib/app-process.ts';
import { processTarget } from './lib/process-db.ts';
import { type MixJob, runBare, runMix } from './lib/deadline-mix.ts';
import {
  capturedForm,
  draftAgain,
  entries,
  meters,
  mixMean,
  nationalFixture,
  r2,
  sessions,
  uploadPdf,
} from './lib/deadline-day-setup.ts';
import { report } from './lib/stats.ts';
import { benchDbKinds } from './lib/bench-db.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const UNITS = Number(process.env.LOAD_UNITS ?? 4000);
// Every server is first warmed by WARM seconds of the mix at 64 connections, on units of its own and with no
// submission (the would-be submissions are loads): a process just started runs its code unoptimized and a new
// PostgreSQL backend fills its caches, which a deadline-day server, up for hours, has long done. Without it a
// run's first seconds measured the start (a 5 s run: about ×2 the mean of a warm one). LOAD_WARM_SECONDS=0 omits it.
const WARM = Number(process.env.LOAD_WARM_SECONDS ?? 10);
const WARM_CONNECTIONS = 64;
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
const pdf = await uploadPdf();

for (const kind of benchDbKinds()) {
  const t = await processTarget(kind);
  try {
    const fixtureMs = nationalFixture(t.env, UNITS);
    const database = await t.open();
    const plan =
      kind === 'postgres' && !ONLY
        ? [...LEVELS.map((c) => ({ c, procs: 1 })), { c: 256, procs: 2 }]
        : LEVELS.map((c) => ({ c, procs: kind === 'postgres' ? PROCESSES : 1 })); // PGlite: one process only
    // Each level's units: those of the measured run, then the warm-up's.
    const warmCount = WARM > 0 ? WARM_CONNECTIONS : 0;
    const prepared = await sessions(
      database,
      plan.map((p) => p.c + warmCount),
      2000,
    );
    await database.close();
    for (const [i, { c, procs }] of plan.entries()) {
      const { units, submits } = prepared[i]!;
      if (units.length < c + warmCount)
        throw new Error(`only ${units.length} draft units for ${c} connections and the warm-up: raise LOAD_UNITS`);
      /** The warm-up: the mix (or its floor) at 64 connections on the warm-up's units, no submission. */
      const warmUp = async (urls: string[], floor = false) => {
        if (WARM === 0) return;
        const warmUnits = units.slice(c, c + warmCount);
        await runMix({
          urls,
          connections: warmCount,
          seconds: WARM,
          units: warmUnits,
          submits: [],
          entries,
          pdf,
          floor,
        });
        if (floor) await runBare(urls[0]!, warmCount, Math.ceil(WARM / 2), warmUnits, entries);
      };
      const servers: Proc[] = [];
      for (let p = 0; p < procs; p++)
        servers.push(await startProcess(['bin/thuocdo.mjs', 'serve'], await freePort(), t.env));
      const settled = await waitQuiet(servers, t.env.DATABASE_URL);
      await warmUp(servers.map((s) => s.base));
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
      await warmUp([bareProc.base], true);
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
        note: `${mix.rps} req/s over ${SECONDS} s (${mix.requests}); p50 ${mix.p50} p95 ${mix.p95} p99 ${mix.p99} ms; non-2xx ${mix.non2xx} (+ ${mix.conflicts409} expected 409), socket errors ${mix.errors}; server peak RSS ${rss.join(' + ')} MB; CPU ms per request ${mixCpu}; load ${JSON.stringify(mix.byKind.load)}, upload (${SAME_UPLOAD ? 'one PDF every time' : 'each a PDF of its own'}) ${JSON.stringify(mix.byKind.upload)}, submit ${JSON.stringify(mix.byKind.submit)}${mix.submitPoolExhausted ? `, ${mix.submitPoolExhausted} submits replaced by loads (pool empty)` : ''}${mix.unexpected.length ? `; e.g. ${mix.unexpected.slice(0, 3).join(' | ')}` : ''}; fixture ${UNITS} units generated in ${Math.round(fixtureMs / 1000)} s; ${WARM > 0 ? `each server warmed by ${WARM} s of the mix at ${warmCount} connections first (other units, no submission); ` : ''}load started after the servers' start-up work, ${settled.quiet ? `quiet after ${Math.round(settled.ms / 1000)} s` : `NOT quiet after ${Math.round(settled.ms / 1000)} s`}`,
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
