// Figure (evidence issue): a 200 MB evidence upload over real HTTP on loopback streams to the store with
// the server's RSS rising ≤ 64 MB. The server runs in a child process (the real app: auth, multipart,
// hashing spool, sniffing, content-addressed commit, database rows, audit) and its RSS is sampled from
// /proc every 50 ms. Baseline, same run: a raw node:http server piping the same request body to disk.
// Run: npx tsx bench/evidence-upload.bench.ts
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report } from './lib/stats.ts';

const SIZE = 200 * 1024 * 1024;
const RUNS = 3;
const RSS_LIMIT_MB = 64;
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--serve') await serve(process.argv[3] as 'app' | 'raw', process.argv[4]!);
else await main();

/** Child: the real app (PGlite, fixture province, size limit raised) or the raw baseline server. */
async function serve(mode: 'app' | 'raw', dir: string) {
  if (mode === 'raw') {
    let n = 0;
    const server = http.createServer((req, res) => {
      const out = fs.createWriteStream(path.join(dir, `raw-${n++}`));
      req.pipe(out).on('finish', () => res.writeHead(201).end('{}'));
    });
    server.listen(0, '127.0.0.1', () => console.log(`READY ${(server.address() as { port: number }).port}`));
    return;
  }
  const { openBenchDatabase } = await import('./lib/bench-db.ts');
  const { seedFixture } = await import('../test/support/fixtures.ts');
  const { buildApp } = await import('../src/server/app.ts');
  const { loadConfig } = await import('../src/infra/config.ts');
  const { LocalFileStore } = await import('../src/infra/storage/local-file-store.ts');
  const database = await openBenchDatabase('pglite');
  const fixture = await seedFixture(database.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    THUOCDO_DATA_DIR: dir,
    EVIDENCE_MAX_BYTES: String(SIZE + 1024 * 1024),
  });
  const app = await buildApp({
    db: database.db,
    database,
    config,
    webDir: '/nonexistent',
    fileStore: new LocalFileStore({ root: path.join(dir, 'files') }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`READY ${(app.server.address() as { port: number }).port} ${fixture.unitIds.get('C1')}`);
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function start(
  mode: 'app' | 'raw',
  dir: string,
): Promise<{ child: ChildProcess; port: number; unitId?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--serve', mode, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)(?: (\S+))?/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), unitId: m[2] });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

/** Streams multipart head + PDF header + padding file + tail; resolves with elapsed ms and peak RSS. */
function upload(
  port: number,
  urlPath: string,
  padding: string,
  run: number,
  headers: Record<string, string>,
  pid: number,
) {
  const boundary = `----bench${run}`;
  const pdfHead = Buffer.from(`%PDF-1.7\n% bench run ${run}\n`);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="docNumber"\r\n\r\n${run}/BC\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Tài liệu lớn ${run}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + pdfHead.length + fs.statSync(padding).size + tail.length;
  const baseline = rssKb(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 50);
  const t0 = performance.now();
  return new Promise<{ ms: number; riseMb: number }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: urlPath,
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          clearInterval(sampler);
          peak = Math.max(peak, rssKb(pid));
          if (res.statusCode !== 201) return reject(new Error(`upload ${res.statusCode}: ${body}`));
          resolve({ ms: performance.now() - t0, riseMb: (peak - baseline) / 1024 });
        });
      },
    );
    req.on('error', reject);
    req.write(head);
    req.write(pdfHead);
    fs.createReadStream(padding)
      .on('end', () => req.end(tail))
      .pipe(req, { end: false });
  });
}

async function login(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'rep_c1', password: 'Matkhau123' }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

function stats(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    mean: xs.reduce((s, x) => s + x, 0) / xs.length,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  };
}

async function measure(mode: 'app' | 'raw', dir: string, padding: string) {
  const { child, port, unitId } = await start(mode, dir);
  try {
    const headers = mode === 'app' ? await login(port) : {};
    const urlPath = mode === 'app' ? `/api/v1/units/${unitId}/evidence` : '/upload';
    const ms: number[] = [];
    const rise: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await new Promise((r) => setTimeout(r, 300)); // let the previous run's buffers be collected
      const r = await upload(port, urlPath, padding, run, headers, child.pid!);
      ms.push(r.ms);
      rise.push(r.riseMb);
    }
    return { ...stats(ms), maxRiseMb: Math.max(...rise) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-upload-bench-'));
  try {
    const padding = path.join(dir, 'padding.bin');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const fd = fs.openSync(padding, 'w');
    for (let i = 0; i < SIZE / chunk.length; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const raw = await measure('raw', fs.mkdtempSync(path.join(dir, 'raw-')), padding);
    const app = await measure('app', fs.mkdtempSync(path.join(dir, 'app-')), padding);
    report({
      name: 'evidence upload 200 MB over loopback HTTP (auth, multipart, SHA-256 spool, sniff, store, DB, audit)',
      meanMs: app.mean,
      p95Ms: app.p95,
      baselineName: 'raw node:http server piping the same body to disk',
      baselineMeanMs: raw.mean,
      note: `rss rise ${app.maxRiseMb.toFixed(1)} MB (limit ${RSS_LIMIT_MB} MB: ${app.maxRiseMb <= RSS_LIMIT_MB ? 'ok' : 'EXCEEDED'}); baseline rss rise ${raw.maxRiseMb.toFixed(1)} MB; ${RUNS} runs each`,
    });
    if (app.maxRiseMb > RSS_LIMIT_MB) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
