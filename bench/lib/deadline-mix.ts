// The deadline-day request mix, driven from a worker thread of the benchmark process (the servers are child
// processes; the generator itself is deadline-mix.worker.mjs): each connection is one unit's reporter
// session that loads its form (20 %), saves items carrying each item's version forward (65 %), uploads a
// small PDF (10 %: each upload's bytes its own, as units' reports are — a numbered comment after the PDF's
// end; `sameUpload` sends one file every time, the figure of the stops before 12/2026, when every upload
// after the first was already stored); 5 % are submissions, each by the leader of another unit whose
// assessment is complete (one submission per unit: a pool consumed in order; when it runs dry a form load
// is sent instead and counted). Latency is timed per request kind from send to the answer's last byte (one
// request in flight per connection) — or, with `arrivalRate`, from each request's arrival in an open loop
// (deadline-mix.worker.mjs). The bare and floor baselines go through the same generator, and so does
// the floor of the whole mix (`floor: true`: the same draws sent to floor-mix-routes.ts).
import { percentile } from './campaign-bench.ts';

export interface ConnUnit {
  assessmentId: string;
  unitId: string;
  cookie: string;
  csrf: string;
  /** Item code → current version (0 = never saved). */
  versions: Map<string, number>;
}

export interface SubmitUnit {
  assessmentId: string;
  cookie: string;
  csrf: string;
}

export interface MixJob {
  urls: string[];
  connections: number;
  seconds: number;
  units: ConnUnit[];
  submits: SubmitUnit[];
  entries: { code: string; inputs: Record<string, unknown> }[];
  pdf: Buffer;
  /** Every upload the same bytes (stored once, the rest deduplicated) instead of a file of its own. */
  sameUpload?: boolean;
  /**
   * Which unit connection `n` acts for (default: its own, `n`). Connection `n` sends every request to
   * `urls[n % urls.length]`, so this decides which process a unit's requests reach.
   */
  unitOfConnection?: (n: number) => number;
  /** Send the mix to the floor routes of the bare server (floor-mix-routes.ts) instead of the app's. */
  floor?: boolean;
  /** Requests a second arriving in an open loop (deadline-mix.worker.mjs); absent: a closed loop. */
  arrivalRate?: number;
}

type Kind = 'load' | 'save' | 'upload' | 'submit';
export interface MixResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  byKind: Record<Kind, { n: number; p50: number; p95: number; p99: number; mean: number }>;
  non2xx: number;
  conflicts409: number;
  unexpected: string[];
  submitPoolExhausted: number;
  errors: number;
  /** Open loop: arrivals due within the run that were never sent (the rate was beyond the server). */
  unsent: number;
  /** Open loop: how long requests waited from their arrival for a free connection, p95 (ms). */
  waitP95: number;
}

/** What deadline-mix.worker.mjs is given (the units' versions as plain objects, one unit per connection). */
export interface MixWorkerJob {
  mode: 'mix' | 'floor-mix' | 'bare' | 'floor';
  targets: { host: string; port: number }[];
  connections: number;
  seconds: number;
  units: { assessmentId: string; unitId: string; cookie: string; csrf: string; versions: Record<string, number> }[];
  unitOfConnection: number[];
  submits: SubmitUnit[];
  entries: MixJob['entries'];
  pdf: Uint8Array;
  sameUpload: boolean;
  /** Requests a second in an open loop; 0: a closed loop. */
  arrivalRate: number;
}

interface MixWorkerResult {
  times: Record<Kind, number[]>;
  non2xx: number;
  conflicts409: number;
  unexpected: string[];
  submitPoolExhausted: number;
  socketErrors: number;
  errors: string[];
  waits: number[];
  unsent: number;
}

async function runWorker(job: MixWorkerJob): Promise<MixWorkerResult> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./deadline-mix.worker.mjs', import.meta.url), { workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: MixWorkerResult) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function workerJob(
  mode: MixWorkerJob['mode'],
  urls: string[],
  connections: number,
  seconds: number,
  units: ConnUnit[],
  entries: MixJob['entries'],
  extra: Partial<MixWorkerJob> = {},
): MixWorkerJob {
  return {
    mode,
    targets: urls.map((u) => {
      const url = new URL(u);
      return { host: url.hostname, port: Number(url.port) };
    }),
    connections,
    seconds,
    units: units.map((u) => ({ ...u, versions: Object.fromEntries(u.versions) })),
    unitOfConnection: Array.from({ length: connections }, (_, n) => n),
    submits: [],
    entries,
    pdf: new Uint8Array(0),
    sameUpload: false,
    arrivalRate: 0,
    ...extra,
  };
}

export async function runMix(job: MixJob): Promise<MixResult> {
  const out = await runWorker(
    workerJob(job.floor ? 'floor-mix' : 'mix', job.urls, job.connections, job.seconds, job.units, job.entries, {
      unitOfConnection: Array.from({ length: job.connections }, (_, n) => (job.unitOfConnection ?? ((k) => k))(n)),
      submits: job.submits,
      pdf: new Uint8Array(job.pdf),
      sameUpload: job.sameUpload ?? false,
      arrivalRate: job.arrivalRate ?? 0,
    }),
  );
  const times = out.times;
  const all = Object.values(times).flat();
  const stat = (xs: number[]) => ({
    n: xs.length,
    p50: r2(percentile(xs, 0.5)),
    p95: r2(percentile(xs, 0.95)),
    p99: r2(percentile(xs, 0.99)),
    mean: r2(xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)),
  });
  return {
    requests: all.length,
    rps: r2(all.length / job.seconds),
    p50: r2(percentile(all, 0.5)),
    p95: r2(percentile(all, 0.95)),
    p99: r2(percentile(all, 0.99)),
    byKind: { load: stat(times.load), save: stat(times.save), upload: stat(times.upload), submit: stat(times.submit) },
    non2xx: out.non2xx,
    conflicts409: out.conflicts409,
    unexpected: [...out.unexpected, ...out.errors],
    submitPoolExhausted: out.submitPoolExhausted,
    errors: out.socketErrors,
    unsent: out.unsent,
    waitP95: r2(percentile(out.waits, 0.95)),
  };
}

/**
 * The bare ceiling: 100 % upserts at the same concurrency on the same units and items (at `arrivalRate`
 * requests a second in an open loop, when given).
 */
export async function runBare(
  url: string,
  connections: number,
  seconds: number,
  units: ConnUnit[],
  entries: MixJob['entries'],
  route: 'bare' | 'floor' = 'bare',
  arrivalRate = 0,
): Promise<{
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  non2xx: number;
  unsent: number;
  waitP95: number;
}> {
  const out = await runWorker(workerJob(route, [url], connections, seconds, units, entries, { arrivalRate }));
  const times = out.times.save;
  return {
    unsent: out.unsent,
    waitP95: r2(percentile(out.waits, 0.95)),
    rps: r2(times.length / seconds),
    p50: r2(percentile(times, 0.5)),
    p95: r2(percentile(times, 0.95)),
    p99: r2(percentile(times, 0.99)),
    mean: r2(times.reduce((s, x) => s + x, 0) / Math.max(1, times.length)),
    non2xx: out.non2xx + out.conflicts409 + out.socketErrors,
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
