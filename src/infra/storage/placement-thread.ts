// One thread per process for the local store's file chains (placement.ts, decision 0032): an upload's
// placement is one message to it and one answer back, where it was six hops of the server's event loop
// through libuv's pool. The thread starts with the first upload and does not keep the process alive when
// idle. The chains are idempotent (an access, a link that never replaces, fsyncs), so a job whose thread
// died is run again here, on this thread; a thread that dies before it ever answered is not started again
// (this process then runs every chain here, as before the thread existed).
import { Worker } from 'node:worker_threads';
import { type PlacementJob, type PlacementResult, runPlacement } from './placement.ts';

export type PlacementReply =
  | { id: number; ok: true; result: PlacementResult }
  | { id: number; ok: false; error: { message: string; code?: string } };

interface Pending {
  job: PlacementJob;
  resolve(result: PlacementResult): void;
  reject(err: Error): void;
}

const BOOT = new URL('./placement-worker-boot.mjs', import.meta.url);

export class PlacementThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The thread answered at least once: a later death is an accident, not a thread that cannot run here. */
  private answered = false;
  private inThread = false;

  /** `boot`: the thread's entry (another only in tests: one that cannot start). */
  constructor(private readonly boot: URL = BOOT) {}

  run(job: PlacementJob): Promise<PlacementResult> {
    const worker = this.inThread ? null : (this.worker ?? this.spawn());
    if (!worker) return runPlacement(job);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { job, resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, job });
    });
  }

  /** Starts the thread ahead of the first job (a store about to stage an upload). */
  warm(): void {
    if (!this.inThread && !this.worker) this.spawn()?.unref();
  }

  private spawn(): Worker | null {
    let worker: Worker;
    try {
      worker = new Worker(this.boot);
    } catch {
      this.inThread = true;
      return null;
    }
    worker.on('message', (reply: PlacementReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.answered = true;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
    return worker;
  }

  /** The thread is gone: its jobs run again here; the next job starts a new one, unless it never answered. */
  private lost(worker: Worker) {
    if (this.worker !== worker) return;
    this.worker = null;
    if (!this.answered) this.inThread = true;
    const orphans = [...this.pending.values()];
    this.pending.clear();
    for (const { job, resolve, reject } of orphans) runPlacement(job).then(resolve, reject);
  }
}

export const placementThread = new PlacementThread();
