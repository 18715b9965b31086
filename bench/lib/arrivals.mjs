// The open loop's arrivals (deadline-mix.worker.mjs): a Poisson process at `rate` requests a second, taken in
// order by whichever connection is free. A request is made when its arrival is due — at once when that time
// has passed (it waited for a connection), or after a timer — and carries its arrival time (`at`), from which
// its latency is counted: a wait for a connection counts (no coordinated omission). Nothing arrives at or
// after `end`; past `stopAt` nothing more is taken, and the arrivals due before `end` that no connection took
// are counted (`untaken`): the rate was beyond what the server carries.
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
import { performance } from 'node:perf_hooks';

/**
 * @param {number} rate arrivals a second
 * @param {number} end the run's end (performance.now() ms): nothing arrives after it
 * @param {number} stopAt nothing is taken after it (performance.now() ms, ≥ end)
 * @param {() => number} random uniform in [0, 1)
 */
export function poissonArrivals(rate, end, stopAt, random = Math.random) {
  let next = performance.now();
  /** Exponential gaps of mean 1 / rate: a Poisson process. */
  const gap = () => (-Math.log(1 - random()) * 1000) / rate;
  return {
    /**
     * The next arrival, for a free connection: `make()`'s request with its `at` — now if due, else a promise
     * of it at its time — or null once the run's arrivals are over. `onWait(ms)` hears how long after its
     * arrival each request was made.
     * @template {object} R
     * @param {() => R} make
     * @param {(ms: number) => void} [onWait]
     * @returns {(R & { at: number }) | Promise<R & { at: number }> | null}
     */
    take(make, onWait) {
      const at = next;
      if (at >= end || performance.now() >= stopAt) return null;
      next += gap();
      const due = () => {
        const request = Object.assign(make(), { at });
        onWait?.(performance.now() - at);
        return request;
      };
      const wait = at - performance.now();
      return wait <= 0 ? due() : new Promise((resolve) => setTimeout(() => resolve(due()), wait));
    },
    /** The arrivals due before `end` that were never taken (call once the connections have stopped). */
    untaken() {
      let n = 0;
      for (; next < end; next += gap()) n++;
      return n;
    },
  };
}
