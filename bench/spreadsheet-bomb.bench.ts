// Figures (issue 11, finding 1): a spreadsheet bomb — a valid .xlsx whose sheet XML inflates to 200 MB,
// declaring 1 KB so that only counting while inflating can stop it — posted to POST /org-units/import of
// `thuocdo serve` in its own process, while this process polls /healthz every 10 ms over loopback:
// the slowest /healthz answer during the bomb (against the slowest over the same time idle), the time
// to the 413, and the server's peak RSS. Then a legitimate 3,000-row unit list imported the same way
// (through the worker pool), against exceljs merely loading that file here.
// Run: npx tsx bench/spreadsheet-bomb.bench.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { rowsBomb } from '../test/support/spreadsheet-bombs.ts';
import { startProcess } from './lib/app-process.ts';
import { report, timeRuns } from './lib/stats.ts';

const ROWS = 3_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-bomb-'));
const env = { THUOCDO_DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'warn' };
execFileSync(
  process.execPath,
  [
    'bin/thuocdo.mjs',
    'admin',
    'create',
    '--username',
    'quantri',
    '--password',
    'Matkhau2026',
    '--root-code',
    'VN',
    '--root-name',
    'Việt Nam',
  ],
  { env: { ...process.env, ...env }, stdio: 'ignore' },
);
const server = await startProcess(['bin/thuocdo.mjs', 'serve'], 4500 + Math.floor(Math.random() * 400), env);

try {
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quantri', password: 'Matkhau2026' }),
  });
  const headers = {
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
  };
  const post = (name: string, file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    return fetch(`${server.base}/api/v1/org-units/import`, { method: 'POST', headers, body: form });
  };

  /** Polls /healthz every 10 ms while `work` runs: the slowest answer and how many there were. */
  async function polling<T>(work: () => Promise<T>): Promise<{ result: T; maxMs: number; polls: number }> {
    let done = false;
    let maxMs = 0;
    let polls = 0;
    const poll = (async () => {
      while (!done) {
        const t0 = performance.now();
        await (await fetch(`${server.base}/healthz`)).arrayBuffer();
        maxMs = Math.max(maxMs, performance.now() - t0);
        polls++;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const result = await work();
    done = true;
    await poll;
    return { result, maxMs, polls };
  }

  await polling(async () =>
    (await post('nong.xlsx', Buffer.from('Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\n'))).arrayBuffer(),
  ); // worker started
  const idleRss = server.peakRssMb();
  server.resetPeak();
  const bomb = rowsBomb(200, 1000);
  const t0 = performance.now();
  const during = await polling(async () => {
    const res = await post('bom.xlsx', bomb);
    return { status: res.status, body: await res.text(), ms: performance.now() - t0 };
  });
  if (during.result.status !== 413)
    throw new Error(`bomb: ${during.result.status} ${during.result.body.slice(0, 300)}`);
  const bombRss = server.peakRssMb();
  const idle = await polling(() => new Promise((r) => setTimeout(r, during.result.ms)));
  report({
    name: 'Max /healthz latency while a 200 MB-XML .xlsx bomb is refused (thuocdo serve, loopback)',
    db: 'pglite',
    meanMs: during.maxMs,
    p95Ms: during.maxMs,
    baselineName: 'max /healthz latency idle, same duration',
    baselineMeanMs: idle.maxMs,
    targetMs: 1000,
    note: `bomb of ${(bomb.length / 1024).toFixed(0)} KB → 413 in ${during.result.ms.toFixed(0)} ms; ${during.polls} polls; server peak RSS ${bombRss.toFixed(0)} MB (idle ${idleRss.toFixed(0)} MB)`,
  });

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
  for (let i = 1; i <= ROWS; i++)
    ws.addRow([`X${String(i).padStart(5, '0')}`, `Xã Thượng Hòa Bình ${i}`, i % 5 === 0 ? 'Phường' : 'Xã', 'VN']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const t1 = performance.now();
  const legit = await polling(async () => post('xa.xlsx', file));
  const importMs = performance.now() - t1;
  const created = ((await legit.result.json()) as { created?: number }).created;
  if (legit.result.status !== 200 || created !== ROWS)
    throw new Error(`import: ${legit.result.status} created ${created}`);
  const load = await timeRuns(3, async () => new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer));
  report({
    name: `Import ${ROWS.toLocaleString('en-US')} units from .xlsx over HTTP, read in the import worker (end to end)`,
    db: 'pglite',
    meanMs: importMs,
    p95Ms: importMs,
    baselineName: 'exceljs load of the same file',
    baselineMeanMs: load.meanMs,
    targetMs: 5000,
    note: `max /healthz latency during the import ${legit.maxMs.toFixed(0)} ms`,
  });
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
