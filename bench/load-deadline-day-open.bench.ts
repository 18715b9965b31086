// Figure (issue 16): the deadline day as an OPEN loop — requests arriving at a set rate whatever the
// answers do, as a deadline day's people do: nobody clicks faster because the server answered sooner. The
// closed-loop figure (load-deadline-day.bench.ts: 64 or 256 clients, each sending its next request when the
// last is answered) measures the server saturated, and there a request made faster sends its client back
// sooner, so the others queue longer (decision 0032 saw uploads made faster slow the saves in the mix). Here
// the same mix (lib/deadline-mix.ts: 20 % form loads, 65 % saves, 10 % PDF uploads, 5 % submissions) arrives as
// a Poisson process over LOAD_OPEN_CONNECTIONS units' connections (default 256, each a unit's tab with one
// request in flight), timed from each request's ARRIVAL: a wait for a free connection counts.
// Rates: shares (LOAD_OPEN_SHARES, default 0.25, 0.5, 0.8) of what the app carried in a closed-loop probe at 64
// connections in the same run (LOAD_OPEN_PROBE_SECONDS, default 10) — or set rates (LOAD_OPEN_RATES=200,400).
// Each server is warmed first by the closed-loop mix (LOAD_OPEN_WARM_SECONDS, default 10): a process just
// started runs its code unoptimized and PostgreSQL's new backends fill their caches, which in a short run
// weighs more than the route does (a first try without it: ×5–×10 the CPU per request). Then the rates, lowest
// first, on the same process: the app (`thuocdo serve`, its own process), then the floor of the mix
// (lib/floor-mix-routes.ts: the same draws, each request the least a correct one does) and the bare upsert route
// (lib/bare-upsert-server.ts: the issue's baseline), the two in one process of their own. Each run of the app
// has units of its own (a unit's item versions are those the database has, with no 409 from an earlier run)
// and its own share of the forms to submit; the warm-up submits none (its would-be submissions are loads),
// so the probe's rate is of a mix without them. Nothing opens the database while a server holds it (PGlite
// is one process's); the floor runs on the app's units and submits once those are back to draft. Reported per rate: the mix's mean from arrival (each kind weighted by its share)
// and p95 against the bare route's at the same rate, and in the note the rate carried, the arrivals never sent
// (a rate beyond the server), the p95 wait for a connection, each kind's latency, the floor's, and CPU ms per
// request (lib/proc-cpu.ts). A rate of R requests a second is 0.65 × R saves a second: 23.4 × R forms of 100
// items saved in an hour.
// Run: npx tsx bench/load-deadline-day-open.bench.ts   (LOAD_OPEN_SECONDS=15 per rate, LOAD_UNITS=3000,
// LOAD_OPEN_DB=pglite|postgres for one database only; BENCH_DATABASE_URL adds PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, waitQuiet } from './lib/app-process.ts';
import { benchDbKinds } from './lib/bench-db.ts';
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
import { type MixJob, type MixResult, runBare, runMix } from './lib/deadline-mix.ts';
import { processTarget } from './lib/process-db.ts';
import { report } from './lib/stats.ts';

const SECONDS = Number(process.env.LOAD_OPEN_SECONDS ?? 15);
const PROBE_SECONDS = Number(process.env.LOAD_OPEN_PROBE_SECONDS ?? 10);
const WARM_SECONDS = Number(process.env.LOAD_OPEN_WARM_SECONDS ?? 10);
const PROBE_CONNECTIONS = 64;
const UNITS = Number(process.env.LOAD_UNITS ?? 3000);
const CONNECTIONS = Number(process.env.LOAD_OPEN_CONNECTIONS ?? 256);
const SHARES = (process.env.LOAD_OPEN_SHARES ?? '0.25,0.5,0.8').split(',').map(Number);
const RATES = process.env.LOAD_OPEN_RATES?.split(',').map(Number);
const ONLY_DB = process.env.LOAD_OPEN_DB;
for (const x of [...SHARES, ...(RATES ?? [])])
  if (!(x > 0)) throw new Error('LOAD_OPEN_SHARES and LOAD_OPEN_RATES: positive numbers, comma-separated');
const WHOLE = {
  LOAD_OPEN_SECONDS: SECONDS,
  LOAD_OPEN_PROBE_SECONDS: PROBE_SECONDS,
  LOAD_OPEN_WARM_SECONDS: WARM_SECONDS,
  LOAD_UNITS: UNITS,
  LOAD_OPEN_CONNECTIONS: CONNECTIONS,
};
for (const [name, x] of Object.entries(WHOLE))
  if (!Number.isInteger(x) || x <= 0) throw new Error(`${name}: a positive whole number, not ${x}`);

const pdf = await uploadPdf();

/** One kind of request of a run, as the note gives it: mean, p95 (ms from arrival). */
const kindText = (m: MixResult, kind: keyof MixResult['byKind']) =>
  `${kind} ${m.byKind[kind].mean}/${m.byKind[kind].p95}`;
const kindsText = (m: MixResult) =>
  (['load', 'save', 'upload', 'submit'] as const).map((k) => kindText(m, k)).join(', ');
/** What a run carried of what arrived: its rate, the arrivals never sent, the p95 wait for a connection. */
const carried = (r: { rps: number; unsent: number; waitP95: number }) =>
  `${r.rps} req/s answered${r.unsent > 0 ? `, ${r.unsent} arrivals NOT sent (beyond the server)` : ''}, wait for a connection p95 ${r.waitP95} ms`;

for (const kind of benchDbKinds().filter((k) => !ONLY_DB || k === ONLY_DB)) {
  const t = await processTarget(kind, 'thuocdo_open');
  try {
    const fixtureS = Math.round(nationalFixture(t.env, UNITS) / 1000);
    const rateCount = RATES?.length ?? SHARES.length;
    const database = await t.open();
    // Run 0: the warm-up's units, then the probe's (with run 0's forms to submit); then one run per rate.
    const prepared = await sessions(
      database,
      [2 * PROBE_CONNECTIONS, ...Array<number>(rateCount).fill(CONNECTIONS)],
      2000,
    );
    await database.close();
    if (prepared.some((p, i) => p.units.length < (i === 0 ? 2 * PROBE_CONNECTIONS : CONNECTIONS)))
      throw new Error(`not enough draft units for ${rateCount} rates at ${CONNECTIONS} connections: raise LOAD_UNITS`);
    const warmUnits = prepared[0]!.units.slice(0, PROBE_CONNECTIONS);
    const probeUnits = prepared[0]!.units.slice(PROBE_CONNECTIONS);
    const closedJob = (base: string, units: typeof warmUnits, seconds: number): MixJob => ({
      urls: [base],
      connections: PROBE_CONNECTIONS,
      seconds,
      units,
      submits: [],
      entries,
      pdf,
    });
    const openJob = (base: string, i: number, rate: number): MixJob => ({
      urls: [base],
      connections: CONNECTIONS,
      seconds: SECONDS,
      units: prepared[i + 1]!.units,
      submits: prepared[i + 1]!.submits,
      entries,
      pdf,
      arrivalRate: rate,
    });

    const server = await startProcess(['bin/thuocdo.mjs', 'serve'], await freePort(), t.env);
    const settled = await waitQuiet([server], t.env.DATABASE_URL);
    await runMix(closedJob(server.base, warmUnits, WARM_SECONDS));
    // What the app carries saturated (closed loop, 64 connections): the rates are shares of it.
    const probe = await runMix({ ...closedJob(server.base, probeUnits, PROBE_SECONDS), submits: prepared[0]!.submits });
    const rates = RATES ?? SHARES.map((s) => Math.max(1, Math.round(s * probe.rps)));
    const apps: { rate: number; mix: MixResult; cpu: string }[] = [];
    for (const [i, rate] of rates.entries()) {
      const cpu = meters([server], kind);
      const mix = await runMix(openJob(server.base, i, rate));
      apps.push({ rate, mix, cpu: cpu.perRequest(mix.requests) });
    }
    const rss = Math.round(server.peakRssMb());
    // The form's answer as the app sends it to the mix's loads: the floor mix sends these bytes.
    const formFile = path.join(os.tmpdir(), `thuocdo-open-form-${process.pid}.json`);
    fs.writeFileSync(formFile, await capturedForm(server.base, probeUnits[0]!));
    await server.stop();
    await draftAgain(
      t,
      prepared.flatMap((p) => p.submits),
    );

    // The floor of the mix and the bare route, at the same rates, in one process (PGlite: the app has stopped).
    const bareProc = await startProcess(['--import', 'tsx', 'bench/lib/bare-upsert-server.ts'], await freePort(), {
      ...t.env,
      FLOOR_BYTES: JSON.stringify({ file: formFile, type: 'application/json; charset=utf-8' }),
    });
    await runMix({ ...closedJob(bareProc.base, warmUnits, WARM_SECONDS), floor: true });
    await runBare(bareProc.base, PROBE_CONNECTIONS, Math.ceil(WARM_SECONDS / 2), warmUnits, entries);
    for (const [i, { rate, mix, cpu }] of apps.entries()) {
      const floorCpu = meters([bareProc], kind);
      const floor = await runMix({ ...openJob(bareProc.base, i, rate), floor: true });
      const floorCpuText = floorCpu.perRequest(floor.requests);
      const bareCpu = meters([bareProc], kind);
      const units = prepared[i + 1]!.units;
      const bare = await runBare(bareProc.base, CONNECTIONS, SECONDS, units, entries, 'bare', rate);
      const bareCpuText = bareCpu.perRequest(Math.round(bare.rps * SECONDS));
      const share = RATES
        ? ''
        : ` (${Math.round((rate / probe.rps) * 100)} % of the app's closed-loop ${probe.rps} req/s)`;
      report({
        name: `deadline day, open loop at ${rate} req/s${share}, ${CONNECTIONS} connections: mixed requests (from arrival)`,
        db: kind,
        meanMs: mixMean(mix),
        p95Ms: mix.p95,
        baselineName: 'bare Fastify upsert route, same arrival rate and connections (from arrival)',
        baselineMeanMs: bare.mean,
        note:
          `app ${carried(mix)}; p50 ${mix.p50} p95 ${mix.p95} p99 ${mix.p99} ms; mean/p95 ms ${kindsText(mix)}; ` +
          `non-2xx ${mix.non2xx} (+ ${mix.conflicts409} expected 409), socket errors ${mix.errors}${mix.submitPoolExhausted ? `, ${mix.submitPoolExhausted} submits replaced by loads (pool empty)` : ''}; ` +
          `server peak RSS ${rss} MB; CPU ms per request ${cpu}. ` +
          `Floor of the mix (lib/floor-mix-routes.ts): mean ${r2(mixMean(floor))} ms, p95 ${floor.p95} ms, ${carried(floor)}; mean/p95 ms ${kindsText(floor)}; CPU ms per request ${floorCpuText}; the app's mix ×${r2(mixMean(mix) / mixMean(floor))} this floor (p95 ×${r2(mix.p95 / floor.p95)}), its save ×${r2(mix.byKind.save.mean / floor.byKind.save.mean)} the floor's. ` +
          `Bare: ${carried(bare)}, p50 ${bare.p50} p95 ${bare.p95} p99 ${bare.p99} ms, non-2xx ${bare.non2xx}; CPU ms per request ${bareCpuText}. ` +
          `${rate} req/s ≈ ${Math.round(rate * 23.4)} forms of 100 items saved an hour; closed-loop probe ${probe.rps} req/s at ${PROBE_CONNECTIONS} connections (${PROBE_SECONDS} s after ${WARM_SECONDS} s of warm-up), mean ${r2(mixMean(probe))} ms; ${SECONDS} s per rate; fixture ${UNITS} units in ${fixtureS} s; the app quiet after ${Math.round(settled.ms / 1000)} s${settled.quiet ? '' : ' (NOT quiet)'}`,
      });
      if (mix.non2xx > 0) console.error(`open loop ${rate}/s, unexpected non-2xx: ${mix.unexpected.join('\n')}`);
      if (floor.non2xx > 0) console.error(`open loop ${rate}/s, floor non-2xx: ${floor.unexpected.join('\n')}`);
    }
    await bareProc.stop();
    fs.rmSync(formFile, { force: true });
  } finally {
    await t.drop();
  }
}
