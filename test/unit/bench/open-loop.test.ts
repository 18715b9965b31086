// The open loop of the deadline-day benchmark (bench/lib/arrivals.mjs driving bench/lib/raw-http.mjs): requests
// arrive at the set rate whatever the server does, each is timed from its arrival, and a rate beyond the
// server shows as arrivals never sent — the figure of bench/load-deadline-day-open.bench.ts depends on it.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';

interface Arrivals {
  take<R extends object>(
    make: () => R,
    onWait?: (ms: number) => void,
  ): (R & { at: number }) | Promise<R & { at: number }> | null;
  untaken(): number;
}
type Request = { bytes: Buffer; keep: boolean; tag: string };
const { poissonArrivals } = (await import(new URL('../../../bench/lib/arrivals.mjs', import.meta.url).href)) as {
  poissonArrivals: (rate: number, end: number, stopAt: number, random?: () => number) => Arrivals;
};
const { connectionLoop, requestBytes } = (await import(
  new URL('../../../bench/lib/raw-http.mjs', import.meta.url).href
)) as {
  connectionLoop: (
    target: { host: string; port: number },
    next: () => Request | Promise<Request | null> | null,
    answered: (tag: string, status: number, body: Buffer | null, ms: number, length: number, request: Request) => void,
    report: { error: (text: string) => void; closed: (inFlight: boolean) => void },
  ) => Promise<void>;
  requestBytes: (method: string, path: string, host: string, headers: Record<string, string>) => Buffer;
};

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** An HTTP/1.1 server answering every request with 200 "ok" after `delayMs`, one at a time per connection. */
async function server(delayMs: number): Promise<{ host: string; port: number }> {
  const s = net.createServer((socket) => {
    socket.on('data', (chunk) => {
      const requests = chunk.toString('latin1').split('\r\n\r\n').length - 1;
      for (let i = 0; i < requests; i++)
        setTimeout(() => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok'), delayMs);
    });
    socket.on('error', () => {});
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { host: '127.0.0.1', port: (s.address() as net.AddressInfo).port };
}

/** `connections` loops taking arrivals at `rate` a second for `seconds`; latencies from arrival. */
async function openLoop(
  target: { host: string; port: number },
  rate: number,
  seconds: number,
  connections: number,
  graceMs: number,
) {
  const end = performance.now() + seconds * 1000;
  const arrivals = poissonArrivals(rate, end, end + graceMs);
  const fromArrival: number[] = [];
  const bytes = requestBytes('GET', '/', `${target.host}:${target.port}`, {});
  await Promise.all(
    Array.from({ length: connections }, () =>
      connectionLoop(
        target,
        () => arrivals.take(() => ({ bytes, keep: false, tag: 'get' })),
        (_tag, status, _body, _ms, _length, request) => {
          expect(status).toBe(200);
          const at = (request as Request & { at: number }).at;
          fromArrival.push(performance.now() - at);
        },
        { error: (text) => expect.fail(text), closed: () => {} },
      ),
    ),
  );
  return { fromArrival, untaken: arrivals.untaken() };
}

describe('open-loop arrivals', () => {
  it('spaces arrivals by the exponential gap and makes a request when it is due, not before', async () => {
    const rate = 50;
    const start = performance.now();
    // random() = 1 − e^−1: every gap is exactly 1 / rate.
    const arrivals = poissonArrivals(rate, start + 1000, start + 2000, () => 1 - Math.exp(-1));
    const first = arrivals.take(() => ({ n: 1 }));
    expect(first).not.toBeInstanceOf(Promise); // due at once
    const second = arrivals.take(() => ({ n: 2 }));
    expect(second).toBeInstanceOf(Promise); // due 20 ms later
    const made = await second!;
    expect(made.at - (first as { at: number }).at).toBeCloseTo(1000 / rate, 6);
    expect(performance.now()).toBeGreaterThanOrEqual(made.at - 1);
  });

  it('ends at the run end and counts the arrivals nobody took', () => {
    const start = performance.now();
    const arrivals = poissonArrivals(100, start + 500, start + 500, () => 1 - Math.exp(-1));
    expect(arrivals.take(() => ({}))).not.toBeNull();
    // Nothing more taken: the other arrivals of the 0.5 s (one each 10 ms) are untaken.
    expect(arrivals.untaken()).toBe(49);
  });

  it('carries the set rate when the server keeps up, each request timed from its arrival', async () => {
    const target = await server(0);
    const { fromArrival, untaken } = await openLoop(target, 200, 1, 8, 1000);
    // A Poisson count of mean 200 (σ ≈ 14): far from both ends.
    expect(fromArrival.length).toBeGreaterThan(140);
    expect(fromArrival.length).toBeLessThan(260);
    expect(untaken).toBe(0);
    // Answered about when they arrived (a loose bound: the unit suite shares the machine).
    const sorted = [...fromArrival].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(50);
  });

  it('keeps arriving when the server falls behind: waits count, and arrivals beyond it are not sent', async () => {
    // Two connections at 50 ms an answer carry 40 a second; 200 a second arrive.
    const target = await server(50);
    const { fromArrival, untaken } = await openLoop(target, 200, 0.5, 2, 100);
    expect(fromArrival.length).toBeLessThan(40);
    expect(untaken).toBeGreaterThan(30);
    // The later requests waited for a connection long past their own 50 ms.
    expect(Math.max(...fromArrival)).toBeGreaterThan(200);
  });
});
