// The raw-socket HTTP/1.1 client of the load generators (http-load.worker.mjs `get`, deadline-mix.worker.mjs):
// one keep-alive socket per connection, one request in flight, each answer read by its status line and
// Content-Length — its body kept only when asked for, otherwise only counted — so the generator's CPU per
// request stays near the kernel's cost of moving the bytes (fetch and autocannon join every body into one
// buffer or string: 0.65–1.0 ms a request of the deadline mix, ~1 s of CPU a second for the 5 MB ranking at
// 128 connections, taken on a 2-core machine from the servers being measured).
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

/** One HTTP/1.1 request's bytes (headers are ASCII; the body any bytes). */
export function requestBytes(method, path, host, headers, body) {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body) lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([head, body]) : head;
}

/**
 * One connection's loop. `next()` gives the request to send ({ bytes, keep, tag }) or null to stop — or a
 * promise of either, when the request is not due yet (an open-loop generator waits for its arrival time);
 * the answer goes to `answered(tag, status, body, ms, length, request)` — `body` a Buffer when `keep` or the
 * status is not 2xx, else null; `ms` from the write to the last byte; `request` the one `next()` gave — and
 * the loop asks again. `report.error(text)`
 * hears socket errors and answers without a Content-Length (the loop then stops); `report.closed(inFlight)`
 * hears each close by the server: the request in flight, if any, is dropped (not an answer), and the loop
 * asks `next()` again and sends that on a new connection — so a server that is gone stops the loop when
 * `next()` does.
 * Resolves when `next()` gives null.
 * @param {{ host: string; port: number }} target
 */
export function connectionLoop(target, next, answered, report) {
  return new Promise((resolve) => {
    let socket;
    let current = null; // the request in flight
    let head = null; // the answer's head bytes so far; null while its body is read
    let remaining = 0;
    let status = 0;
    let length = 0;
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
    let pending = null; // asked for while the socket was down: sent once it connects
    const start = (request) => {
      current = request;
      head = Buffer.alloc(0);
      sentAt = performance.now();
      socket.write(request.bytes);
    };
    /** A request (or its promise) from `next()`: sent, or the loop ends on null. */
    const dispatch = (request) => {
      if (!request) return finish();
      if (typeof request.then === 'function') return void request.then(dispatch);
      start(request);
    };
    const send = () => dispatch(next());
    const complete = () => {
      const done = current;
      current = null;
      const ms = performance.now() - sentAt;
      answered(done.tag, status, keepBody ? Buffer.concat(bodyParts) : null, ms, length, done);
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
      const contentLength = /\r\ncontent-length:\s*(\d+)/i.exec(text);
      if (!contentLength) {
        report.error(`no Content-Length (status ${status}): ${text.slice(0, 200)}`);
        return finish();
      }
      length = Number(contentLength[1]);
      const rest = head.subarray(blank + 4);
      keepBody = current.keep || status < 200 || status >= 300;
      bodyParts = keepBody && rest.length > 0 ? [rest] : [];
      remaining = length - rest.length;
      head = null;
      if (remaining <= 0) complete();
    };
    const connect = () => {
      socket = net.connect(target.port, target.host);
      socket.setNoDelay(true);
      socket.on('connect', () => {
        const request = pending;
        pending = null;
        if (request) dispatch(request);
        else send();
      });
      socket.on('data', onData);
      socket.on('error', (err) => report.error(String(err)));
      socket.on('close', () => {
        if (finished) return;
        report.closed(current !== null);
        current = null;
        // Asked before reconnecting, so a server that is gone (every connect refused) still ends the loop.
        pending = next();
        if (!pending) return finish();
        connect();
      });
    };
    connect();
  });
}
