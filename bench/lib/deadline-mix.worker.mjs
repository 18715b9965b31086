// The load generator of the deadline-day benchmark (deadline-mix.ts), in a worker thread of the benchmark
// process: each connection a raw keep-alive socket with one request in flight, as a browser tab is.
// Through raw-http.mjs it keeps an answer's bytes only where they are read — a save's answer (the item's
// new version, carried into the unit's next save of that item) and any answer that is not 2xx (for the
// report) — and otherwise only counts them. autocannon, which drove the mix until 12/2026, decodes every
// answer into a string (the 100-item form of each load included): on a 2-core machine that took 0.65–1.0 ms
// of CPU a request from the servers and PostgreSQL it measures, about four times the bare route's
// generator cost, so the figure partly measured its own client.
// Mode `floor-mix` sends the same mix, drawn the same way, to the floor routes of the bare server
// (floor-mix-routes.ts): the same bodies to other paths, and a save's answer is not read (no version to carry).
// With `arrivalRate` (requests a second) the load is an open loop, as a deadline day is: requests arrive as a
// Poisson process at that rate whatever the answers do — people do not click faster because the server is
// quicker, nor stop arriving because it is slower — each sent on a free connection (each a unit's tab, one
// request in flight) and timed from its arrival (arrivals.mjs). Arrivals still due when the run is over by a
// tenth (at least 2 s) are counted as not sent: the rate was beyond what the server carries. Without it, each
// connection sends its next request when the last is answered (a closed loop).
// Plain JavaScript because worker threads do not inherit the TypeScript loader; the job's shape is typed
// in deadline-mix.ts (MixWorkerJob).
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { poissonArrivals } from './arrivals.mjs';
import { connectionLoop, requestBytes } from './raw-http.mjs';

const boundary = '----thuocdoload';
const multipartHead = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="docNumber"\r\n\r\n12/BC-UBND\r\n--${boundary}\r\nContent-Disposition: form-data; name="summary"\r\n\r\nBáo cáo bổ sung\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
);
const multipartTail = Buffer.from(`\r\n--${boundary}--\r\n`);

/** The mix's four requests: the app's routes, or their floors in the bare server. */
const paths = {
  mix: {
    load: (id) => `/api/v1/assessments/${id}`,
    save: (id, code) => `/api/v1/assessments/${id}/items/${code}`,
    upload: (unitId) => `/api/v1/units/${unitId}/evidence`,
    submit: (id) => `/api/v1/assessments/${id}/submit`,
  },
  'floor-mix': {
    load: (id) => `/floor/assessments/${id}`,
    save: (id, code) => `/floor/${id}/${code}`,
    upload: (unitId) => `/floor-upload/${unitId}`,
    submit: (id) => `/floor-submit/${id}`,
  },
};

/** @param {import('./deadline-mix.ts').MixWorkerJob} job */
async function run(job) {
  const out = {
    times: { load: [], save: [], upload: [], submit: [] },
    non2xx: 0,
    conflicts409: 0,
    unexpected: [],
    submitPoolExhausted: 0,
    socketErrors: 0,
    errors: [],
  };
  const report = {
    error: (text) => {
      out.socketErrors++;
      if (out.errors.length < 10) out.errors.push(text);
    },
    // A request cut off by a close is an error, not an answer.
    closed: (inFlight) => {
      if (inFlight) out.socketErrors++;
    },
  };
  const pdf = Buffer.from(job.pdf.buffer, job.pdf.byteOffset, job.pdf.byteLength);
  const sameUpload = Buffer.concat([multipartHead, pdf, multipartTail]);
  const runTag = Date.now().toString(36); // files of an earlier run on the same database are not these
  let uploadNo = 0;
  let nextSubmit = 0;
  const end = performance.now() + job.seconds * 1000;
  const arrivals =
    job.arrivalRate > 0 ? poissonArrivals(job.arrivalRate, end, end + Math.max(2000, job.seconds * 100)) : null;
  out.waits = [];

  const loops = Array.from({ length: job.connections }, (_, n) => {
    // Connection n on target n % targets (as autocannon pinned them), acting for unit unitOfConnection[n].
    const target = job.targets[n % job.targets.length];
    const hostHeader = `${target.host}:${target.port}`;
    const unit = job.units[job.unitOfConnection[n] % job.units.length];
    const versions = unit.versions;
    const auth = { cookie: unit.cookie, 'x-csrf-token': unit.csrf };
    let code = null;
    const path = paths[job.mode];
    const make = () => {
      if (path === undefined) {
        const e = job.entries[Math.floor(Math.random() * job.entries.length)];
        const body = Buffer.from(JSON.stringify({ inputs: e.inputs, explanation: `Cập nhật lúc ${Date.now()}` }));
        const headers =
          job.mode === 'floor'
            ? { 'content-type': 'application/json', cookie: unit.cookie }
            : { 'content-type': 'application/json' };
        return {
          tag: 'save',
          keep: false,
          bytes: requestBytes('PUT', `/${job.mode}/${unit.assessmentId}/${e.code}`, hostHeader, headers, body),
        };
      }
      const r = Math.random();
      let kind = r < 0.2 ? 'load' : r < 0.85 ? 'save' : r < 0.95 ? 'upload' : 'submit';
      if (kind === 'submit' && nextSubmit >= job.submits.length) {
        out.submitPoolExhausted++;
        kind = 'load';
      }
      if (kind === 'load')
        return {
          tag: kind,
          keep: false,
          bytes: requestBytes('GET', path.load(unit.assessmentId), hostHeader, auth),
        };
      if (kind === 'upload') {
        // A comment after %%EOF: still the same PDF to a reader and to the server's sniffing, but other bytes.
        const body = job.sameUpload
          ? sameUpload
          : Buffer.concat([multipartHead, pdf, Buffer.from(`\n% ${runTag}-${++uploadNo}\n`), multipartTail]);
        const headers = { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` };
        return {
          tag: kind,
          keep: false,
          bytes: requestBytes('POST', path.upload(unit.unitId), hostHeader, headers, body),
        };
      }
      if (kind === 'submit') {
        const s = job.submits[nextSubmit++];
        const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
        return {
          tag: kind,
          keep: false,
          bytes: requestBytes('POST', path.submit(s.assessmentId), hostHeader, headers),
        };
      }
      const e = job.entries[Math.floor(Math.random() * job.entries.length)];
      code = e.code;
      const body = Buffer.from(
        JSON.stringify({
          inputs: e.inputs,
          explanation: `Cập nhật lúc ${Date.now()} theo báo cáo của đơn vị`,
          version: versions[e.code] ?? 0,
        }),
      );
      const headers = { ...auth, 'content-type': 'application/json' };
      return {
        tag: kind,
        keep: job.mode === 'mix', // the save's answer carries the item's new version
        bytes: requestBytes('PUT', path.save(unit.assessmentId, e.code), hostHeader, headers, body),
      };
    };
    // Open loop: the next arrival, in order, made when it is due; closed: the next request at once.
    const next = arrivals
      ? () => arrivals.take(make, (ms) => out.waits.push(ms))
      : () => (performance.now() >= end ? null : make());
    const answered = (kind, status, body, ms, length, request) => {
      out.times[kind].push(arrivals ? performance.now() - request.at : ms);
      if (status === 409) out.conflicts409++;
      else if (status < 200 || status >= 300) {
        out.non2xx++;
        if (out.unexpected.length < 10)
          out.unexpected.push(`${kind} ${status} ${body ? body.toString('utf8', 0, 200) : ''}`);
      }
      if (kind === 'save' && job.mode === 'mix' && body) {
        try {
          const v = JSON.parse(body.toString('utf8'));
          const version = v.version ?? v.error?.details?.current?.version;
          if (typeof version === 'number') versions[code] = version;
        } catch {
          /* not JSON */
        }
      }
    };
    return connectionLoop(target, next, answered, report);
  });
  await Promise.all(loops);
  out.unsent = arrivals?.untaken() ?? 0;
  return out;
}

parentPort.postMessage(await run(workerData));
