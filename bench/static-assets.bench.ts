// Bytes of the web app sent over the wire, brotli and gzip (precompressed at build: scripts/precompress-web.ts)
// against the same files uncompressed (the baseline, same run — what was sent before issue 16). Measured on
// the real app serving dist/web over loopback HTTP: what a first visit downloads for the staff app (index.html,
// its entry script, the CSS and the chunks it imports statically) and for the public portal (portal.html and
// its entry), plus every script and style sheet of the build. Also: the time to send those files, brotli vs
// uncompressed. Builds dist/web first when it is missing (`npm run build:web`).
// Run: npx tsx bench/static-assets.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/infra/config.ts';
import { openBenchDatabase } from './lib/bench-db.ts';
import { report, reportAmount } from './lib/stats.ts';

const webDir = path.resolve('dist/web');
if (!existsSync(path.join(webDir, 'index.html')) || !existsSync(path.join(webDir, 'index.html.br'))) {
  const built = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}
const manifest = JSON.parse(readFileSync(path.join(webDir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestEntry
>;

/** The page, its entry script, and every CSS file and chunk reached by static imports. */
function firstLoad(html: string, entryKey: string): string[] {
  const files = new Set<string>([html]);
  const visit = (key: string) => {
    const e = manifest[key];
    if (!e || files.has(e.file)) return;
    files.add(e.file);
    for (const c of e.css ?? []) files.add(c);
    for (const i of e.imports ?? []) visit(i);
  };
  visit(entryKey);
  return [...files];
}
const entryOf = (html: string) => {
  const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith(html));
  if (!key) throw new Error(`no entry ${html} in the manifest`);
  return key;
};
const assets = readdirSync(path.join(webDir, 'assets'))
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => `assets/${f}`);

const database = await openBenchDatabase('pglite');
const app = await buildApp({
  db: database.db,
  database,
  config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: '.tmp-bench' }),
  webDir,
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Bytes on the wire (body, as sent: no decompression) of one GET with this Accept-Encoding. */
function bytesOf(file: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/${file}`, { agent, headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${file}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}
const total = async (files: string[], encoding: string) => {
  let n = 0;
  for (const f of files) n += await bytesOf(f, encoding);
  return n;
};
const kb = (n: number) => n / 1024;

const sets: [string, string[]][] = [
  ['staff app first load (index.html + entry JS/CSS + static imports)', firstLoad('index.html', entryOf('index.html'))],
  [
    'public portal first load (portal.html + entry JS/CSS + static imports)',
    firstLoad('portal.html', entryOf('portal.html')),
  ],
  [`every script and style sheet of the build (${assets.length} files)`, assets],
];
for (const [name, files] of sets) {
  const plain = await total(files, 'identity');
  const br = await total(files, 'br');
  const gz = await total(files, 'gzip');
  reportAmount({
    name: `${name}, bytes sent with brotli`,
    value: kb(br),
    baselineValue: kb(plain),
    unit: 'KB',
    baselineName: 'the same files uncompressed',
    target: 'precompressed at build',
    note: `${files.length} files; gzip ${kb(gz).toFixed(0)} KB (${((gz / plain) * 100).toFixed(1)} %)`,
  });
}

// Time to send the staff app's first load over loopback: brotli files vs the uncompressed ones (same server).
const files = sets[0]![1];
const runs = 30;
const time = async (encoding: string) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await total(files, encoding);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { meanMs: samples.reduce((s, x) => s + x, 0) / runs, p95Ms: samples[Math.ceil(runs * 0.95) - 1]! };
};
await time('br'); // warm the page cache and the JIT
const brTime = await time('br');
const plainTime = await time('identity');
report({
  name: 'staff app first load over loopback, brotli files (server and loopback only, no network)',
  meanMs: brTime.meanMs,
  p95Ms: brTime.p95Ms,
  baselineName: 'the same files uncompressed',
  baselineMeanMs: plainTime.meanMs,
  note: 'on a real network the bytes above dominate; loopback shows the serving cost is not higher',
});
agent.destroy();
await app.close();
await database.close();
