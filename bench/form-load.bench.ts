// Figure (issue 16): the form load — GET /api/v1/assessments/{id} of a 100-item assessment, each
// connection a unit reporter's session on its own unit's complete draft — at 64 connections against the
// real app as `thuocdo serve` in its own process, on the national fixture (`thuocdo fixture national
// --skip-files`, FORM_LOAD_UNITS units, default 400). Baseline, same run, same database machine, same
// connections and request headers: a bare Fastify route in its own process (lib/bare-bytes-server.ts)
// sending the SAME bytes — one real answer captured first, as sent (Accept-Encoding of a browser: the
// app's Content-Encoding, if any, is kept). The load runs in the raw-socket `get` mode of
// lib/http-load.worker.mjs (bodies counted, not copied), a warm-up first. Reported: client round-trip
// latency mean/p50/p95 (the figure: app ÷ bare, target ≤ ×3), throughput of both and its ratio, and the
// CPU ms per request of the server, the load generator and a local PostgreSQL (lib/proc-cpu.ts). A second
// figure compares the app with its floor (lib/floor-form-server.ts: the session and the assessment's state
// row read in one prepared statement on the same database, then the same bytes), and its note the floor with the bare
// sender: what part of the app's ratio the two unavoidable reads already take on this machine.
// Run: npx tsx bench/form-load.bench.ts   (FORM_LOAD_CONNECTIONS=64, FORM_LOAD_SECONDS=20 — or
// LOAD_SECONDS —, FORM_LOAD_WARM_SECONDS=3, FORM_LOAD_UNITS=400; BENCH_DATABASE_URL adds PostgreSQL,
// FORM_LOAD_DB=postgres runs only it; FORM_LOAD_CPU_PROF=dir profiles the app server;
// FORM_LOAD_ACCEPT_ENCODING=identity loads without compression, as the deadline-day mix does)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { rowsOf } from '../src/db/queries/assessments.ts';
import { createSession } from '../src/db/queries/sessions.ts';
import { reporterName } from '../src/fixture/national-accounts.ts';
import { startProcess, freePort, waitQuiet } from './lib/app-process.ts';
import { type GetTarget, capture, describe, measureGets } from './lib/get-load.ts';
import { postgresMeter, processTreeMeter, selfMeter } from './lib/proc-cpu.ts';
import { processTarget } from './lib/process-db.ts';
import { benchDbKinds } from './lib/bench-db.ts';
import { report } from './lib/stats.ts';

const CONNECTIONS = Number(process.env.FORM_LOAD_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.FORM_LOAD_SECONDS ?? process.env.LOAD_SECONDS ?? 20);
const WARM = Number(process.env.FORM_LOAD_WARM_SECONDS ?? 3);
const UNITS = Number(process.env.FORM_LOAD_UNITS ?? 400);
const ITEMS = 100;
/** What a browser sends: the app may compress; the bare route then sends the same compressed bytes. */
const ACCEPT_ENCODING = process.env.FORM_LOAD_ACCEPT_ENCODING ?? 'gzip, deflate, br';
/** Only one database kind (pglite|postgres), for a quicker run; default every kind benchDbKinds gives. */
const ONLY_DB = process.env.FORM_LOAD_DB;
/** A directory: the app server runs with --cpu-prof there (a .cpuprofile per run, for the form load's profile). */
const CPU_PROF = process.env.FORM_LOAD_CPU_PROF;

/**
 * One target per connection: a reporter's session on a complete draft of the open campaign (100 items
 * filled), each connection its own unit while there are enough (then the drafts are shared, in order).
 */
async function formTargets(database: Database, connections: number): Promise<GetTarget[]> {
  const drafts = rowsOf<{ id: string; code: string; filled: number }>(
    await database.db.execute(sql`select a.id, u.code, count(i.code)::int as filled
    from assessments a join campaigns c on c.id = a.campaign_id and c.status = 'open' join org_units u on u.id = a.unit_id
    left join assessment_items i on i.assessment_id = a.id where a.status = 'draft' group by a.id, u.code
    order by count(i.code) desc, u.code limit ${connections}`),
  );
  if (drafts.length === 0) throw new Error('no draft assessment in the fixture: raise FORM_LOAD_UNITS');
  const targets: GetTarget[] = [];
  for (const d of drafts) {
    const [user] = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from users where username = ${reporterName(d.code)}`),
    );
    const s = await createSession(database.db, { userId: user!.id, ttlHours: 12 });
    targets.push({
      path: `/api/v1/assessments/${d.id}`,
      headers: { cookie: `thuocdo_sid=${s.token}`, 'accept-encoding': ACCEPT_ENCODING },
    });
  }
  const filled = drafts.map((d) => d.filled);
  console.error(
    `form-load: ${drafts.length} drafts for ${connections} connections, ${Math.min(...filled)}–${Math.max(...filled)} items filled`,
  );
  return Array.from({ length: connections }, (_, i) => targets[i % targets.length]!);
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

for (const kind of benchDbKinds().filter((k) => !ONLY_DB || k === ONLY_DB)) {
  const t = await processTarget(kind, 'thuocdo_form');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-form-load-'));
  try {
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      ['bin/thuocdo.mjs', 'fixture', 'national', '--units', String(UNITS), '--items', String(ITEMS), '--skip-files'],
      { env: { ...process.env, ...t.env, NODE_ENV: 'test' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const fixtureS = Math.round((performance.now() - t0) / 1000);
    const database = await t.open();
    const targets = await formTargets(database, CONNECTIONS);
    await database.close();

    const profile = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
    const server = await startProcess([...profile, 'bin/thuocdo.mjs', 'serve'], await freePort(), t.env);
    // After the start-up jobs (lib/app-process.ts): a form is loaded on a server that has been up a while.
    await waitQuiet([server], t.env.DATABASE_URL);
    const first = await capture(server.base, targets[0]!.path, targets[0]!.headers);
    if (first.status !== 200) throw new Error(`GET assessment: ${first.status} ${first.body.toString().slice(0, 300)}`);
    // The same answer as a client that accepts no compression gets it: what the encoding saves on the wire.
    const identity = await capture(server.base, targets[0]!.path, {
      ...targets[0]!.headers,
      'accept-encoding': 'identity',
    });
    const pg = kind === 'postgres' ? postgresMeter(process.env.BENCH_DATABASE_URL) : null;
    const app = await measureGets({
      base: server.base,
      targets,
      seconds: SECONDS,
      warmSeconds: WARM,
      meters: {
        server: processTreeMeter(server.child.pid!),
        'load generator': selfMeter(),
        ...(pg ? { postgres: pg } : {}),
      },
    });
    const rss = Math.round(server.peakRssMb());
    await server.stop();

    const file = path.join(tmp, 'form.body');
    fs.writeFileSync(file, first.body);
    const encoding = first.headers['content-encoding'];
    const bytes = { file, type: String(first.headers['content-type']), ...(encoding ? { encoding } : {}) };
    const meters = (pid: number) => ({
      server: processTreeMeter(pid),
      'load generator': selfMeter(),
      ...(pg ? { postgres: pg } : {}),
    });

    // The floor: the session and the assessment's state row read in one prepared statement, then
    // the same bytes (lib/floor-form-server.ts). PGlite: the app has stopped, so the floor opens the directory.
    const floorProc = await startProcess(['--import', 'tsx', 'bench/lib/floor-form-server.ts'], await freePort(), {
      ...t.env,
      FLOOR_BYTES: JSON.stringify(bytes),
    });
    const floorTargets = targets.map((x) => ({ path: x.path.replace('/api/v1/', '/floor/'), headers: x.headers }));
    const floorFirst = await capture(floorProc.base, floorTargets[0]!.path, floorTargets[0]!.headers);
    if (floorFirst.status !== 200) throw new Error(`floor: ${floorFirst.status}`);
    const floor = await measureGets({
      base: floorProc.base,
      targets: floorTargets,
      seconds: SECONDS,
      warmSeconds: WARM,
      meters: meters(floorProc.child.pid!),
    });
    await floorProc.stop();

    const bareProc = await startProcess(['--import', 'tsx', 'bench/lib/bare-bytes-server.ts'], await freePort(), {
      BARE_BYTES: JSON.stringify({ form: bytes }),
    });
    const bare = await measureGets({
      base: bareProc.base,
      targets: targets.map((x) => ({ path: '/bytes/form', headers: x.headers })),
      seconds: SECONDS,
      warmSeconds: WARM,
      meters: meters(bareProc.child.pid!),
    });
    await bareProc.stop();

    const answer =
      `captured answer ${(first.body.length / 1000).toFixed(1)} kB of ${(identity.body.length / 1000).toFixed(1)} kB uncompressed` +
      ` (Content-Encoding ${encoding ?? 'none'}, Accept-Encoding "${ACCEPT_ENCODING}")`;
    const run = `${SECONDS} s each after ${WARM} s warm-up; fixture of ${UNITS} units in ${fixtureS} s`;
    report({
      name: `form load (GET assessment, ${ITEMS} items), ${CONNECTIONS} connections (client round trip)`,
      db: kind,
      meanMs: app.meanMs,
      p95Ms: app.p95,
      baselineName:
        'bare Fastify route in its own process sending the same bytes, same connections (client round trip)',
      baselineMeanMs: bare.meanMs,
      target: '≤ ×3',
      note:
        `throughput app/bare ${ratio(app.rps, bare.rps)}, p50 ×${ratio(app.p50, bare.p50)}, p95 ×${ratio(app.p95, bare.p95)}; ` +
        `app ${describe(app)}; bare ${describe(bare)}; ${answer}; server peak RSS ${rss} MB; ${run}`,
    });
    // The floor as a baseline of its own: what the app costs over the read no form load can skip,
    // and (note) what that read costs over sending bytes — the part of ×N the hardware sets.
    report({
      name: `form load vs its floor (session + state row read, same bytes), ${CONNECTIONS} connections (client round trip)`,
      db: kind,
      meanMs: app.meanMs,
      p95Ms: app.p95,
      baselineName:
        'floor: Fastify route in its own process reading the session by token hash and the assessment row in one prepared statement (same database), then sending the same bytes',
      baselineMeanMs: floor.meanMs,
      note:
        `floor vs bare: mean ×${ratio(floor.meanMs, bare.meanMs)}, throughput ${ratio(floor.rps, bare.rps)}; ` +
        `throughput app/floor ${ratio(app.rps, floor.rps)}, p50 ×${ratio(app.p50, floor.p50)}, p95 ×${ratio(app.p95, floor.p95)}; ` +
        `floor ${describe(floor)}; ${run}`,
    });
    if (app.non2xx > 0 || app.errors.length > 0) console.error(`form-load: unexpected answers: ${describe(app)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await t.drop();
  }
}
