// GET load against a server in its own process, for the figures that compare an app route with a bare
// server sending the same bytes (form-load, public-ranking-load): the load runs in the `get` mode of
// http-load.worker.mjs (raw keep-alive sockets, bodies counted, not copied), a warm-up first, then the
// measured run with the CPU of the processes given (lib/proc-cpu.ts) read over exactly that run.
import http from 'node:http';
import { percentile, runLoad } from './campaign-bench.ts';
import { type CpuMeter, perRequest } from './proc-cpu.ts';

export interface GetTarget {
  path: string;
  headers: Record<string, string>;
}

export interface GetJob {
  mode: 'get';
  host: string;
  port: number;
  seconds: number;
  /** One per connection. */
  targets: GetTarget[];
}

interface GetRun {
  wallMs: number;
  latencies: number[];
  statuses: Record<string, number>;
  bytes: number;
  errors: string[];
  reconnects: number;
}

export interface GetSummary {
  requests: number;
  rps: number;
  meanMs: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: string[];
  /** Mean body bytes of an answer (Content-Length). */
  bytesPerAnswer: number;
  mbPerSec: number;
  /** CPU ms per request of each measured process set (null: not readable here). */
  cpuPerRequest: Record<string, number | null>;
}

/** One answer read as sent (no decompression): status, headers and body bytes. */
export function capture(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** A warm-up of `warmSeconds`, then `seconds` measured with the meters restarted at its start. */
export async function measureGets(options: {
  base: string;
  targets: GetTarget[];
  seconds: number;
  warmSeconds: number;
  meters: Record<string, CpuMeter | null>;
}): Promise<GetSummary> {
  const url = new URL(options.base);
  const job = (seconds: number): GetJob => ({
    mode: 'get',
    host: url.hostname,
    port: Number(url.port),
    seconds,
    targets: options.targets,
  });
  if (options.warmSeconds > 0) await runLoad<GetRun>(job(options.warmSeconds));
  for (const m of Object.values(options.meters)) m?.restart();
  const r = await runLoad<GetRun>(job(options.seconds));
  const cpu = Object.fromEntries(Object.entries(options.meters).map(([k, m]) => [k, m ? m.ms() : null]));
  const n = r.latencies.length;
  const non2xx = Object.entries(r.statuses)
    .filter(([s]) => Number(s) < 200 || Number(s) >= 300)
    .reduce((sum, [, c]) => sum + c, 0);
  return {
    requests: n,
    rps: r2((n / r.wallMs) * 1000),
    meanMs: r.latencies.reduce((s, x) => s + x, 0) / Math.max(1, n),
    p50: r2(percentile(r.latencies, 0.5)),
    p95: r2(percentile(r.latencies, 0.95)),
    p99: r2(percentile(r.latencies, 0.99)),
    non2xx,
    errors: r.errors,
    bytesPerAnswer: Math.round(r.bytes / Math.max(1, n)),
    mbPerSec: r2(r.bytes / 1e6 / (r.wallMs / 1000)),
    cpuPerRequest: Object.fromEntries(
      Object.entries(cpu).map(([k, ms]) => [k, ms === null || n === 0 ? null : r2(ms / n)]),
    ),
  };
}

/** "812 req/s, p50 70.1 p95 95.3 p99 120 ms, 98.2 kB, 79.8 MB/s; CPU ms/request server 1.10, …". */
export function describe(s: GetSummary): string {
  const cpu = Object.entries(s.cpuPerRequest)
    .map(([k, v]) => `${k} ${perRequest(v, 1)}`)
    .join(', ');
  return (
    `${s.rps} req/s (${s.requests}), p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} ms, ${(s.bytesPerAnswer / 1000).toFixed(1)} kB per answer, ${s.mbPerSec} MB/s` +
    (s.non2xx ? `, non-2xx ${s.non2xx}` : '') +
    (s.errors.length ? `, errors: ${s.errors.slice(0, 3).join(' | ')}` : '') +
    `; CPU ms per request: ${cpu}`
  );
}

const r2 = (x: number) => Math.round(x * 100) / 100;
