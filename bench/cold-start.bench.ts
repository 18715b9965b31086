// Figure (foundation issue): cold start of `npm start` on an existing data directory ≤ 5 s to a healthy
// /healthz. Prepares a data directory once (first start: web build if stale, migrate, demo seed), then
// times fresh processes of `node bin/thuocdo.mjs start` until /healthz answers 200.
// Baseline: a bare Node process that opens the same PGlite directory and answers one query.
// Run: npx tsx bench/cold-start.bench.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from './lib/app-process.ts';
import { report } from './lib/stats.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-coldstart-'));
const port = await freePort();

async function startAndWait(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/thuocdo.mjs', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', THUOCDO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - t0 > 120_000) throw new Error('server did not become healthy');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function bareOpen(): Promise<number> {
  const t0 = performance.now();
  const script = `import { PGlite } from '@electric-sql/pglite'; const db = new PGlite(${JSON.stringify(path.join(dataDir, 'pgdata'))}); await db.query('select 1'); await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  await new Promise((r) => child.once('exit', r));
  return performance.now() - t0;
}

await startAndWait(); // first start: seeds the demo province (not measured)
const starts: number[] = [];
const bases: number[] = [];
for (let i = 0; i < 3; i++) {
  starts.push(await startAndWait());
  bases.push(await bareOpen());
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
report({
  name: 'Cold start of `thuocdo start` on an existing data directory to healthy /healthz',
  db: 'pglite',
  meanMs: mean(starts),
  p95Ms: Math.max(...starts),
  baselineName: 'bare node + PGlite open of the same directory',
  baselineMeanMs: mean(bases),
  targetMs: 5000,
});
fs.rmSync(dataDir, { recursive: true, force: true });
