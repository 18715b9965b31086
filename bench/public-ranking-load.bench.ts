// Figure (issue 16): results day — the public ranking of the largest group (4,000 units × 100 items, the
// synthetic snapshot of lib/synthetic-results.ts, as public-ranking.bench.ts builds it) at 128
// connections against the real app as `thuocdo serve` in its own process (GET /api/public/v1/campaigns/
// {id}/groups/{groupId}/results, no session). Baseline, same run, same connections and request headers:
// a bare Fastify route in its own process (lib/bare-bytes-server.ts) sending the SAME bytes — the app's
// answer captured first, as sent, per Accept-Encoding: `identity` (plain JSON) and `br` (what a browser's
// "gzip, deflate, br" gets: the app sends brotli bytes compressed once per snapshot), `gzip` on request
// (RANKING_LOAD_ENCODINGS=identity,br,gzip). The load runs in the raw-socket `get` mode of
// lib/http-load.worker.mjs (bodies counted, not copied), a warm-up first (which also builds the app's
// cached view and its compressed bytes). The figure is an amount: requests/s of the app against the bare
// server's (target: at least half of it, ratio ≥ 0.5); the note has latency p50/p95/p99, MB/s and the CPU
// ms per request of the server, the load generator and a local PostgreSQL (lib/proc-cpu.ts).
// Run: npx tsx bench/public-ranking-load.bench.ts   (RANKING_LOAD_CONNECTIONS=128, RANKING_LOAD_SECONDS=20
// — or LOAD_SECONDS —, RANKING_LOAD_WARM_SECONDS=3, RANKING_LOAD_UNITS=4000; BENCH_DATABASE_URL adds PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../src/db/migrate.ts';
import { type Proc, startProcess, freePort } from './lib/app-process.ts';
import { type GetSummary, capture, describe, measureGets } from './lib/get-load.ts';
import { postgresMeter, processTreeMeter, selfMeter } from './lib/proc-cpu.ts';
import { processTarget } from './lib/process-db.ts';
import { benchDbKinds } from './lib/bench-db.ts';
import { reportAmount } from './lib/stats.ts';
import { BENCH_KEY_SECRET, insertSnapshot, syntheticPayload } from './lib/synthetic-results.ts';

const CONNECTIONS = Number(process.env.RANKING_LOAD_CONNECTIONS ?? 128);
const SECONDS = Number(process.env.RANKING_LOAD_SECONDS ?? process.env.LOAD_SECONDS ?? 20);
const WARM = Number(process.env.RANKING_LOAD_WARM_SECONDS ?? 3);
const UNITS = Number(process.env.RANKING_LOAD_UNITS ?? 4000);
/** Accept-Encoding sent for each variant measured. */
const ACCEPT: Record<string, string> = { identity: 'identity', br: 'gzip, deflate, br', gzip: 'gzip' };
const ENCODINGS = (process.env.RANKING_LOAD_ENCODINGS ?? 'identity,br').split(',').map((e) => e.trim());
for (const e of ENCODINGS) if (!ACCEPT[e]) throw new Error(`RANKING_LOAD_ENCODINGS: unknown ${e} (identity, br, gzip)`);

const payload = syntheticPayload(UNITS);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

for (const kind of benchDbKinds()) {
  const t = await processTarget(kind, 'thuocdo_ranking');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-ranking-load-'));
  const procs: Proc[] = [];
  try {
    const database = await t.open();
    await migrateDatabase(database);
    const { campaignId, groupId } = await insertSnapshot(database.db, payload);
    await database.close();
    const url = `/api/public/v1/campaigns/${campaignId}/groups/${groupId}/results`;
    const pg = kind === 'postgres' ? postgresMeter(process.env.BENCH_DATABASE_URL) : null;
    const meters = (p: Proc) => ({
      server: processTreeMeter(p.child.pid!),
      'load generator': selfMeter(),
      ...(pg ? { postgres: pg } : {}),
    });
    const targets = (p: string, encoding: string) =>
      Array.from({ length: CONNECTIONS }, () => ({ path: p, headers: { 'accept-encoding': ACCEPT[encoding]! } }));

    const server = await startProcess(['bin/thuocdo.mjs', 'serve'], await freePort(), {
      ...t.env,
      SESSION_SECRET: BENCH_KEY_SECRET,
    });
    procs.push(server);
    const bodies: Record<string, { file: string; type: string; encoding?: string; bytes: number; coldMs: number }> = {};
    for (const e of ENCODINGS) {
      const t0 = performance.now();
      const first = await capture(server.base, url, { 'accept-encoding': ACCEPT[e]! });
      const coldMs = performance.now() - t0;
      if (first.status !== 200)
        throw new Error(`public ranking: ${first.status} ${first.body.toString().slice(0, 300)}`);
      const file = path.join(tmp, `${e}.body`);
      fs.writeFileSync(file, first.body);
      const encoding = first.headers['content-encoding'];
      bodies[e] = {
        file,
        type: String(first.headers['content-type']),
        ...(encoding ? { encoding } : {}),
        bytes: first.body.length,
        coldMs,
      };
    }
    const app: Record<string, GetSummary> = {};
    for (const e of ENCODINGS)
      app[e] = await measureGets({
        base: server.base,
        targets: targets(url, e),
        seconds: SECONDS,
        warmSeconds: WARM,
        meters: meters(server),
      });
    const rss = Math.round(server.peakRssMb());
    await server.stop();

    const bareProc = await startProcess(['--import', 'tsx', 'bench/lib/bare-bytes-server.ts'], await freePort(), {
      BARE_BYTES: JSON.stringify(
        Object.fromEntries(
          Object.entries(bodies).map(([e, b]) => [e, { file: b.file, type: b.type, encoding: b.encoding }]),
        ),
      ),
    });
    procs.push(bareProc);
    const bare: Record<string, GetSummary> = {};
    for (const e of ENCODINGS)
      bare[e] = await measureGets({
        base: bareProc.base,
        targets: targets(`/bytes/${e}`, e),
        seconds: SECONDS,
        warmSeconds: WARM,
        meters: meters(bareProc),
      });
    await bareProc.stop();

    for (const e of ENCODINGS) {
      const a = app[e]!;
      const b = bare[e]!;
      const body = bodies[e]!;
      reportAmount({
        name: `public ranking ${UNITS.toLocaleString('en-US')} units, ${CONNECTIONS} connections, Accept-Encoding ${e}: throughput`,
        db: kind,
        value: a.rps,
        baselineValue: b.rps,
        unit: 'req/s',
        baselineName: 'bare Fastify server in its own process sending the same bytes, same connections',
        target: '≥ ½ of the baseline (ratio ≥ 0.5)',
        note:
          `latency app/bare mean ×${ratio(a.meanMs, b.meanMs)}; app ${describe(a)}; bare ${describe(b)}; answer ` +
          `${(body.bytes / 1e6).toFixed(2)} MB (Content-Encoding ${body.encoding ?? 'none'}, Accept-Encoding "${ACCEPT[e]}"),` +
          ` first request ${Math.round(body.coldMs)} ms; server peak RSS ${rss} MB; ${SECONDS} s each after ${WARM} s warm-up`,
      });
      if (a.non2xx > 0 || a.errors.length > 0) console.error(`public-ranking-load: unexpected answers: ${describe(a)}`);
    }
  } finally {
    for (const p of procs) await p.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    await t.drop();
  }
}
