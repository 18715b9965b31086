// `npm run bench`: runs every bench/*.bench.ts (each in its own process, one after another so they do not
// disturb each other on a 2-core machine), collects the JSON figure lines they print, and writes
// bench/results/latest.json and bench/results/latest.md (figure, baseline from the same run, ratio; a
// figure that is an amount — bytes sent — rather than a time shows its unit).
// BENCH_DATABASE_URL=postgres://… adds PostgreSQL to the database benchmarks. `npm run bench -- org-tree`
// runs only the benchmarks whose file name contains "org-tree".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
const figures: Record<string, unknown>[] = [];
for (const file of files) {
  console.log(`━━ ${file}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], {
    cwd: path.join(dir, '..'),
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(res.stdout);
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    figures.push({ name: file, error: `exit ${res.status}` });
    continue;
  }
  for (const line of res.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      figures.push({ file, ...JSON.parse(line) });
    } catch {
      /* not a figure */
    }
  }
}
const out = path.join(dir, 'results');
fs.mkdirSync(out, { recursive: true });
const meta = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  postgres: Boolean(process.env.BENCH_DATABASE_URL),
};
fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ ...meta, figures }, null, 2) + '\n');
const fmt = (x: unknown) =>
  typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(x ?? '');
// An amount figure (reportAmount: bytes sent…) shows its value and unit in the mean and baseline columns.
const amount = (f: Record<string, unknown>, key: 'value' | 'baselineValue', ms: 'meanMs' | 'baselineMeanMs') =>
  f.unit ? `${fmt(f[key])} ${String(f.unit)}` : fmt(f[ms]);
const rows = figures.map(
  (f) =>
    `| ${f.name} | ${f.db ?? ''} | ${amount(f, 'value', 'meanMs')} | ${fmt(f.p95Ms)} | ${f.targetMs ? fmt(f.targetMs) : (f.target ?? '')} | ${f.baselineName ?? ''} | ${amount(f, 'baselineValue', 'baselineMeanMs')} | ${fmt(f.ratio)} |${f.error ? ` ${f.error}` : ''}`,
);
const md = [
  `# Benchmarks — ${meta.at} (Node ${meta.node}, ${meta.cpus} cores)`,
  '',
  '| figure | db | mean ms | p95 ms | target ms | baseline (same run) | baseline ms | ratio |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
fs.writeFileSync(path.join(out, 'latest.md'), md);
console.log(`\n${md}`);
