// The load generator of the HTTP benchmarks, in its own thread so the 64 clients' fetch work does not
// share the server's event loop (in production the clients are browsers elsewhere). Node's fetch keeps
// connections alive. Two modes: item saves that carry each item's version forward (as the form does),
// and plain requests, each timed from send to answer with wall-clock stamps. Plain JavaScript because
// worker threads do not inherit the TypeScript loader; the job shapes are typed in campaign-bench.ts.
import { parentPort, workerData } from 'node:worker_threads';

/** @param {import('./campaign-bench.ts').ItemSaveJob} job */
async function itemSaves(job) {
  const errors = [];
  /** @type {Record<string, Record<string, number>>} final version of every item, to continue from */
  const finalVersions = {};
  const t0 = performance.now();
  await Promise.all(
    job.clients.map(async (c, w) => {
      const versions = new Map(Object.entries(job.initialVersions?.[c.assessmentId] ?? {}));
      // Paced runs: people do not all press "save" in the same millisecond — each starts at a random
      // moment within one pause (otherwise the first round is one burst of every client at once).
      if (job.pauseMs) await new Promise((r) => setTimeout(r, job.pauseMs * Math.random()));
      for (let n = 0; n < job.perClient; n++) {
        const e = job.entries[(n + w) % job.entries.length];
        const url = job.urlTemplate.replace('{id}', c.assessmentId).replace('{code}', e.code);
        const body = job.versioned ? { ...e.body, version: versions.get(e.code) ?? 0 } : e.body;
        const res = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...(c.cookie ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}) },
          body: JSON.stringify(body),
        });
        const answer = await res.json();
        if (res.status !== 200) errors.push(`${e.code}: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
        else if (job.versioned) versions.set(e.code, answer.version);
        // Paced runs: a person's pause between two saves, jittered so clients do not move in lockstep.
        if (job.pauseMs) await new Promise((r) => setTimeout(r, job.pauseMs * (0.5 + Math.random())));
      }
      finalVersions[c.assessmentId] = Object.fromEntries(versions);
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
        const res = await fetch(r.url, { method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) });
        await res.arrayBuffer();
        timed.push({ index, status: res.status, sentAt, receivedAt: Date.now(), ms: performance.now() - p0 });
      }
    }),
  );
  return { wallMs: performance.now() - t0, timed };
}

const job = workerData;
parentPort.postMessage(job.mode === 'item-save' ? await itemSaves(job) : await plain(job));
