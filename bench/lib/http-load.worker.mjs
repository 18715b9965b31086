// The load generator of the HTTP benchmarks, in its own thread so the 64 clients' work does not share
// the server's event loop (in production the clients are browsers elsewhere). Connections are kept
// alive. Two modes: item saves that carry each item's version forward (as the form does), and plain
// requests (fetch), each timed from send to answer with wall-clock stamps. Item saves go through
// node:http, one keep-alive connection per client: fetch cost the generator about as much CPU per save
// as the server spent, and on a 2-core machine that CPU is taken from the server and PostgreSQL.
// A third mode, `get`, drives plain GETs of big answers (the form, the public ranking) over raw keep-alive
// sockets for a given time (raw-http.mjs): it parses only the status line and Content-Length and counts
// the body's bytes without copying or decoding them, so the load generator's CPU per request stays near
// the kernel's cost of receiving the bytes (fetch joins every body into one buffer: for the 5 MB ranking
// at 128 connections the client would take more of a 2-core machine than the servers it measures).
// Plain JavaScript because worker threads do not inherit the TypeScript loader; the job shapes are
// typed in campaign-bench.ts (get: get-load.ts).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { connectionLoop, requestBytes } from './raw-http.mjs';

/** PUT of a JSON body on a client's own keep-alive agent: status and parsed answer. */
function putJson(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method: 'PUT',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, answer: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** @param {import('./campaign-bench.ts').ItemSaveJob} job */
async function itemSaves(job) {
  const errors = [];
  /** @type {Record<string, Record<string, number>>} final version of every item, to continue from */
  const finalVersions = {};
  const t0 = performance.now();
  await Promise.all(
    job.clients.map(async (c, w) => {
      const versions = new Map(Object.entries(job.initialVersions?.[c.assessmentId] ?? {}));
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const headers = c.cookie ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {};
      // Paced runs: people do not all press "save" in the same millisecond — each starts at a random
      // moment within one pause (otherwise the first round is one burst of every client at once).
      if (job.pauseMs) await new Promise((r) => setTimeout(r, job.pauseMs * Math.random()));
      for (let n = 0; n < job.perClient; n++) {
        const e = job.entries[(n + w) % job.entries.length];
        const url = job.urlTemplate.replace('{id}', c.assessmentId).replace('{code}', e.code);
        const body = job.versioned ? { ...e.body, version: versions.get(e.code) ?? 0 } : e.body;
        const { status, answer } = await putJson(agent, url, headers, body);
        if (status !== 200) errors.push(`${e.code}: ${status} ${JSON.stringify(answer).slice(0, 300)}`);
        else if (job.versioned) versions.set(e.code, answer.version);
        // Paced runs: a person's pause between two saves, jittered so clients do not move in lockstep.
        if (job.pauseMs) await new Promise((r) => setTimeout(r, job.pauseMs * (0.5 + Math.random())));
      }
      finalVersions[c.assessmentId] = Object.fromEntries(versions);
      agent.destroy();
    }),
  );
  return { wallMs: performance.now() - t0, errors, versions: finalVersions };
}

/** @param {import('./campaign-bench.ts').PlainJob} job */
async function plain(job) {
  const timed = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests.length) {
        const index = next++;
        const r = job.requests[index];
        const sentAt = Date.now();
        const p0 = performance.now();
        const res = await fetch(r.url, {
          method: r.method,
          headers: r.headers,
          ...(r.body === undefined ? {} : { body: r.body }),
        });
        await res.arrayBuffer();
        timed.push({ index, status: res.status, sentAt, receivedAt: Date.now(), ms: performance.now() - p0 });
      }
    }),
  );
  return { wallMs: performance.now() - t0, timed };
}

/**
 * One connection's loop of the `get` mode (raw-http.mjs): sends its request until `end`, each answer's
 * bytes counted, not kept.
 * @param {import('./get-load.ts').GetJob} job
 * @param {{ path: string; headers: Record<string, string> }} target
 * @param {number} end performance.now() deadline
 * @param {{ latencies: number[]; statuses: Record<string, number>; bytes: number; errors: string[]; reconnects: number }} out
 */
function getLoop(job, target, end, out) {
  const request = { bytes: requestBytes('GET', target.path, `${job.host}:${job.port}`, target.headers), keep: false };
  const next = () => (performance.now() < end ? request : null);
  const answered = (_tag, status, _body, ms, length) => {
    out.latencies.push(ms);
    out.statuses[status] = (out.statuses[status] ?? 0) + 1;
    out.bytes += length;
  };
  const report = {
    error: (text) => {
      if (out.errors.length < 10) out.errors.push(text);
    },
    closed: (inFlight) => {
      out.reconnects++;
      if (inFlight && out.errors.length < 10) out.errors.push('connection closed during an answer');
    },
  };
  return connectionLoop({ host: job.host, port: job.port }, next, answered, report);
}

/** @param {import('./get-load.ts').GetJob} job */
async function gets(job) {
  const out = { latencies: [], statuses: {}, bytes: 0, errors: [], reconnects: 0 };
  const t0 = performance.now();
  const end = t0 + job.seconds * 1000;
  await Promise.all(job.targets.map((t) => getLoop(job, t, end, out)));
  return { wallMs: performance.now() - t0, ...out };
}

const job = workerData;
parentPort.postMessage(
  job.mode === 'item-save' ? await itemSaves(job) : job.mode === 'get' ? await gets(job) : await plain(job),
);
