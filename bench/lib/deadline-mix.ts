// The deadline-day request mix driven by autocannon (in the benchmark process; the servers are child
// processes): each connection is one unit's reporter session that loads its form (20 %), saves items
// carrying each item's version forward (65 %), uploads a small PDF (10 %: each upload's bytes its own, as
// units' reports are — a numbered comment after the PDF's end; `sameUpload` sends one file every time, the
// figure of the stops before 12/2026, when every upload after the first was already stored); 5 % are submissions, each by
// the leader of another unit whose assessment is complete (one submission per unit: a pool consumed in
// order; when it runs dry a form load is sent instead and counted). Latency is timed per request kind
// from setupRequest to onResponse (one request in flight per connection).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
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
   * Which unit connection `n` acts for (default: its own, `n`). autocannon gives connection `n` the URL
   * `urls[n % urls.length]` and builds its first request as it makes it, in order: so `n`, counted at a
   * context's first request, is the connection's index, and this decides which process a unit's requests reach.
   */
  unitOfConnection?: (n: number) => number;
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
}

export async function runMix(job: MixJob): Promise<MixResult> {
  const times: Record<Kind, number[]> = { load: [], save: [], upload: [], submit: [] };
  let nextSlot = 0;
  let nextSubmit = 0;
  let exhausted = 0;
  let conflicts = 0;
  const unexpected: string[] = [];
  let non2xx = 0;
  const boundary = '----thuocdoload';
  const multipartHead = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="docNumber"\r\n\r\n12/BC-UBND\r\n--${boundary}\r\nContent-Disposition: form-data; name="summary"\r\n\r\nBáo cáo bổ sung\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const multipartTail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const sameMultipart = Buffer.concat([multipartHead, job.pdf, multipartTail]);
  let uploadNo = 0;
  const run = Date.now().toString(36); // files of an earlier run on the same database are not these
  // A comment after %%EOF: still the same PDF to a reader and to the server's sniffing, but other bytes.
  const uploadBody = () =>
    job.sameUpload
      ? sameMultipart
      : Buffer.concat([multipartHead, job.pdf, Buffer.from(`\n% ${run}-${++uploadNo}\n`), multipartTail]);
  type Ctx = { slot?: number; kind?: Kind; code?: string; t0?: number };
  const request = {
    setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
      ctx.slot ??= (job.unitOfConnection ?? ((n) => n))(nextSlot++) % job.units.length;
      const u = job.units[ctx.slot]!;
      const auth = { cookie: u.cookie, 'x-csrf-token': u.csrf };
      const r = Math.random();
      let kind: Kind = r < 0.2 ? 'load' : r < 0.85 ? 'save' : r < 0.95 ? 'upload' : 'submit';
      if (kind === 'submit' && nextSubmit >= job.submits.length) {
        exhausted++;
        kind = 'load';
      }
      ctx.kind = kind;
      ctx.t0 = performance.now();
      if (kind === 'load')
        return { ...req, method: 'GET', path: `/api/v1/assessments/${u.assessmentId}`, headers: auth, body: undefined };
      if (kind === 'upload')
        return {
          ...req,
          method: 'POST',
          path: `/api/v1/units/${u.unitId}/evidence`,
          headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
          body: uploadBody(),
        };
      if (kind === 'submit') {
        const s = job.submits[nextSubmit++]!;
        return {
          ...req,
          method: 'POST',
          path: `/api/v1/assessments/${s.assessmentId}/submit`,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: undefined,
        };
      }
      const e = job.entries[Math.floor(Math.random() * job.entries.length)]!;
      ctx.code = e.code;
      const body = JSON.stringify({
        inputs: e.inputs,
        explanation: `Cập nhật lúc ${Date.now()} theo báo cáo của đơn vị`,
        version: u.versions.get(e.code) ?? 0,
      });
      return {
        ...req,
        method: 'PUT',
        path: `/api/v1/assessments/${u.assessmentId}/items/${e.code}`,
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      };
    },
    onResponse: (status: number, body: string, ctx: Ctx) => {
      times[ctx.kind!].push(performance.now() - ctx.t0!);
      if (status === 409) conflicts++;
      else if (status < 200 || status >= 300) {
        non2xx++;
        if (unexpected.length < 10) unexpected.push(`${ctx.kind} ${status} ${body.slice(0, 200)}`);
      }
      if (ctx.kind === 'save') {
        const u = job.units[ctx.slot!]!;
        try {
          const v = JSON.parse(body) as {
            version?: number;
            current?: { version?: number };
            error?: { details?: { current?: { version?: number } } };
          };
          const version = v.version ?? v.error?.details?.current?.version;
          if (typeof version === 'number') u.versions.set(ctx.code!, version);
        } catch {
          /* not JSON */
        }
      }
    },
  };
  // A long request list: autocannon resets a connection's context when it wraps around the list.
  const result = await autocannon({
    url: job.urls,
    connections: job.connections,
    duration: job.seconds,
    timeout: 30,
    requests: Array.from({ length: 20_000 }, () => request) as never,
  });
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
    non2xx,
    conflicts409: conflicts,
    unexpected,
    submitPoolExhausted: exhausted,
    errors: result.errors + result.timeouts,
  };
}

/** The bare ceiling: 100 % upserts at the same concurrency on the same units and items. */
export async function runBare(
  url: string,
  connections: number,
  seconds: number,
  units: ConnUnit[],
  entries: MixJob['entries'],
  route: 'bare' | 'floor' = 'bare',
): Promise<{ rps: number; p50: number; p95: number; p99: number; mean: number; non2xx: number }> {
  const times: number[] = [];
  let nextSlot = 0;
  let non2xx = 0;
  type Ctx = { slot?: number; t0?: number };
  const request = {
    setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
      ctx.slot ??= nextSlot++ % units.length;
      const e = entries[Math.floor(Math.random() * entries.length)]!;
      ctx.t0 = performance.now();
      return {
        ...req,
        method: 'PUT',
        path: `/${route}/${units[ctx.slot]!.assessmentId}/${e.code}`,
        headers:
          route === 'floor'
            ? { 'content-type': 'application/json', cookie: units[ctx.slot]!.cookie }
            : { 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: e.inputs, explanation: `Cập nhật lúc ${Date.now()}` }),
      };
    },
    onResponse: (status: number, _body: string, ctx: Ctx) => {
      times.push(performance.now() - ctx.t0!);
      if (status !== 200) non2xx++;
    },
  };
  await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: Array.from({ length: 20_000 }, () => request) as never,
  });
  return {
    rps: r2(times.length / seconds),
    p50: r2(percentile(times, 0.5)),
    p95: r2(percentile(times, 0.95)),
    p99: r2(percentile(times, 0.99)),
    mean: r2(times.reduce((s, x) => s + x, 0) / Math.max(1, times.length)),
    non2xx,
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
