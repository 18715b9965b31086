// The job worker loop every serving process runs (start-server.ts): each tick it lets the scheduler
// enqueue what is due (the daily reminder scan), claims due jobs, runs them one by one and records their
// result or error. stop() ends the loop after the job in hand, so a shutdown never cuts a job midway
// (and if the process dies anyway, the lease expires and another process takes the job).
import type { Db } from '../../db/client.ts';
import type { JobBell } from './job-bell.ts';
import { type ClaimedJob, claimJobs, completeJob, failJob } from './queue.ts';

/** What the worker logs through: an object of fields, then a message (pino's shape). */
export interface JobLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<unknown>;

export interface WorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  clock: () => Date;
  /** Enqueues scheduled jobs (called at the start of every tick). */
  schedule?: (now: Date) => Promise<void>;
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  /** Structured logger (the server passes its pino logger). */
  logger?: JobLogger;
  /** Rung by requests that enqueued a job someone waits for (job-bell.ts): no waiting for the next poll. */
  bell?: JobBell;
}

export interface JobWorker {
  /** One claim-and-run pass; returns how many jobs it ran. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function createJobWorker(o: WorkerOptions): JobWorker {
  const batch = o.batch ?? 5;
  const run = async (job: ClaimedJob) => {
    const handler = o.handlers[job.kind];
    try {
      if (!handler) throw new Error(`Không có bộ xử lý cho loại việc "${job.kind}".`);
      const result = await handler(job.payload, job);
      await completeJob(o.db, { id: job.id, now: o.clock(), result });
    } catch (err) {
      o.logger?.warn({ err, jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job failed');
      await failJob(o.db, { job, now: o.clock(), error: err instanceof Error ? err.message : String(err) });
    }
  };
  const runOnce = async () => {
    const claimed = await claimJobs(o.db, { now: o.clock(), limit: batch, leaseMs: o.leaseMs });
    for (const job of claimed) await run(job);
    return claimed.length;
  };
  return { runOnce, stop: async () => {} };
}

/** Starts the loop in the background; `stop()` resolves once the current pass has finished. */
export function startJobWorker(o: WorkerOptions): JobWorker {
  const worker = createJobWorker(o);
  const pollMs = o.pollMs ?? 5000;
  let stopped = false;
  let wake: (() => void) | undefined;
  // A ring during a pass may come after that pass's claim: the loop then goes round once more, not to sleep.
  let rung = false;
  o.bell?.listen(() => {
    rung = true;
    wake?.();
  });
  const loop = (async () => {
    while (!stopped) {
      let ran = 0;
      rung = false;
      try {
        await o.schedule?.(o.clock());
        ran = await worker.runOnce();
      } catch (err) {
        o.logger?.error({ err }, 'job worker pass failed'); // database briefly down: try again next tick
      }
      if (ran === 0 && !stopped && !rung)
        await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, pollMs).unref()));
      wake = undefined;
    }
  })();
  return {
    runOnce: worker.runOnce,
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
