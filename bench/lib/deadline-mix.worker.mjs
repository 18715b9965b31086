// The load generator of the deadline-day benchmark (deadline-mix.ts), in a worker thread of the benchmark
// process: each connection a raw keep-alive socket with one request in flight, as a browser tab is.
// It reads an answer's status line and Content-Length and keeps its bytes only where they are read —
// a save's answer (the item's new version, carried into the unit's next save of that item) and any
// answer that is not 2xx (for the report) — and otherwise only counts them. autocannon, which drove the
// mix until 12/2026, decodes every answer into a string (the 100-item form of each load included): on a
// 2-core machine that took 0.7–1.0 ms of CPU a request from the server and PostgreSQL it measures, four
// times the bare route's generator cost, so the figure partly measured its own client.
// Plain JavaScript because worker threads do not inherit the TypeScript loader; the job's shape is typed
// in deadline-mix.ts (MixWorkerJob).
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const boundary = '----thuocdoload';
const multipartHead = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="docNumber"\r\n\r\n12/BC-UBND\r\n--${boundary}\r\nContent-Disposition: form-data; name="summary"\r\n\r\nBáo cáo bổ sung\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
);
const multipartTail = Buffer.from(`\r\n--${boundary}--\r\n`);

/** One HTTP/1.1 request's bytes (headers are ASCII; the body any bytes). */
function requestBytes(method, path, host, headers, body) {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body) lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([head, body]) : head;
}

/**
 * One connection's loop: asks `next()` for a request ({ kind, bytes, keep } or null to stop), sends it,
 * reads the answer and hands it to `answered(kind, status, body | null, ms)` — the body only when `keep`
 * or the status is not 2xx — then asks again. Reconnects if the server closes between answers.
 */
function connectionLoop(target, next, answered, out) {
  return new Promise((resolve) => {
    let socket;
    let current = null; // the request in flight
    let head = null; // header bytes so far; null while the body is read
    let remaining = 0;
    let status = 0;
    let keepBody = false;
    let bodyParts = [];
    let sentAt = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve();
    };
    const send = () => {
      current = next();
      if (!current) return finish();
      head = Buffer.alloc(0);
      sentAt = performance.now();
      socket.write(current.bytes);
    };
    const complete = () => {
      const done = current;
      current = null;
      const ms = performance.now() - sentAt;
      answered(done.kind, status, keepBody ? Buffer.concat(bodyParts) : null, ms);
      bodyParts = [];
      send();
    };
    const onData = (chunk) => {
      if (!current) return;
      if (head === null) {
        if (keepBody) bodyParts.push(chunk);
        remaining -= chunk.length;
        if (remaining <= 0) complete();
        return;
      }
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const blank = head.indexOf('\r\n\r\n');
      if (blank < 0) return;
      const text = head.subarray(0, blank).toString('latin1');
      status = Number(text.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
      if (!length) {
        if (out.errors.length < 10) out.errors.push(`no Content-Length (status ${status}): ${text.slice(0, 200)}`);
        out.socketErrors++;
        return finish();
      }
      const rest = head.subarray(blank + 4);
      keepBody = current.keep || status < 200 || status >= 300;
      bodyParts = keepBody && rest.length > 0 ? [rest] : [];
      remaining = Number(length[1]) - rest.length;
      head = null;
      if (remaining <= 0) complete();
    };
    const connect = () => {
      socket = net.connect(target.port, target.host);
      socket.setNoDelay(true);
      socket.on('connect', () => (current ? socket.write(current.bytes) : send()));
      socket.on('data', onData);
      socket.on('error', (err) => {
        out.socketErrors++;
        if (out.errors.length < 10) out.errors.push(String(err));
      });
      socket.on('close', () => {
        if (finished) return;
        if (current && head === null) {
          // Closed in the middle of an answer: counted as an error, not as an answer.
          out.socketErrors++;
          current = null;
        }
        if (current) head = Buffer.alloc(0); // closed before the answer began: sent again on the new socket
        connect();
      });
    };
    connect();
  });
}

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
  const pdf = Buffer.from(job.pdf.buffer, job.pdf.byteOffset, job.pdf.byteLength);
  const sameUpload = Buffer.concat([multipartHead, pdf, multipartTail]);
  const runTag = Date.now().toString(36); // files of an earlier run on the same database are not these
  let uploadNo = 0;
  let nextSubmit = 0;
  const end = performance.now() + job.seconds * 1000;

  const loops = Array.from({ length: job.connections }, (_, n) => {
    // Connection n on target n % targets (as autocannon pinned them), acting for unit unitOfConnection[n].
    const target = job.targets[n % job.targets.length];
    const hostHeader = `${target.host}:${target.port}`;
    const unit = job.units[job.unitOfConnection[n] % job.units.length];
    const versions = unit.versions;
    const auth = { cookie: unit.cookie, 'x-csrf-token': unit.csrf };
    let code = null;
    const next = () => {
      if (performance.now() >= end) return null;
      if (job.mode !== 'mix') {
        const e = job.entries[Math.floor(Math.random() * job.entries.length)];
        const body = Buffer.from(JSON.stringify({ inputs: e.inputs, explanation: `Cập nhật lúc ${Date.now()}` }));
        const headers =
          job.mode === 'floor'
            ? { 'content-type': 'application/json', cookie: unit.cookie }
            : { 'content-type': 'application/json' };
        return {
          kind: 'save',
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
          kind,
          keep: false,
          bytes: requestBytes('GET', `/api/v1/assessments/${unit.assessmentId}`, hostHeader, auth),
        };
      if (kind === 'upload') {
        // A comment after %%EOF: still the same PDF to a reader and to the server's sniffing, but other bytes.
        const body = job.sameUpload
          ? sameUpload
          : Buffer.concat([multipartHead, pdf, Buffer.from(`\n% ${runTag}-${++uploadNo}\n`), multipartTail]);
        const headers = { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` };
        return {
          kind,
          keep: false,
          bytes: requestBytes('POST', `/api/v1/units/${unit.unitId}/evidence`, hostHeader, headers, body),
        };
      }
      if (kind === 'submit') {
        const s = job.submits[nextSubmit++];
        const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
        return {
          kind,
          keep: false,
          bytes: requestBytes('POST', `/api/v1/assessments/${s.assessmentId}/submit`, hostHeader, headers),
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
        kind,
        keep: true,
        bytes: requestBytes(
          'PUT',
          `/api/v1/assessments/${unit.assessmentId}/items/${e.code}`,
          hostHeader,
          headers,
          body,
        ),
      };
    };
    const answered = (kind, status, body, ms) => {
      out.times[kind].push(ms);
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
    return connectionLoop(target, next, answered, out);
  });
  await Promise.all(loops);
  return out;
}

parentPort.postMessage(await run(workerData));
