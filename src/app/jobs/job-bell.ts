// The serving process's doorbell to its own job worker. A request that enqueues a job someone is waiting
// for — "Lấy ngay" on a data source, an export, reminders sent now — rings it once its transaction has
// committed, so the worker claims the job at once instead of at its next poll (up to 5 s later, on top of
// the page's own polling). Other processes behind the load balancer still find the job at their next poll;
// the bell only removes the wait where the request landed.
export interface JobBell {
  /** Wakes the worker: a sleeping worker claims at once; a busy one makes another pass before sleeping. */
  ring(): void;
  /** The worker's side: called on each ring (one listener, the process's worker). */
  listen(onRing: () => void): void;
}

export function createJobBell(): JobBell {
  let listener: (() => void) | undefined;
  return {
    ring: () => listener?.(),
    listen: (onRing) => {
      listener = onRing;
    },
  };
}
