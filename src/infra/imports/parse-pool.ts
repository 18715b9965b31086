// A small, bounded pool of import worker threads (parse-worker.ts). Bounded three ways, so that N
// people importing at once cannot multiply the server's memory without limit: at most `workers`
// threads, each with a capped heap; at most `maxQueue` files waiting (beyond: ParsePoolBusy, answered
// 503); and a time limit per file (the thread is ended). A thread that runs out of heap or time takes
// only its own file down. Threads start on first use and end after a minute idle, except the first
// `warmWorkers`, started by warm() and kept (a thread takes ~2 s to load the readers: the first import
// of the day should not wait for that; an idle one costs ~70 MB).
import { Worker } from 'node:worker_threads';
import type { SpreadsheetLimits } from '../../exchange/spreadsheet/limits.ts';
import type { ParseJobKind, ParseJobResult, ParseReply, ParseRequest } from './parse-jobs.ts';

export interface ParsePoolOptions {
  workers: number;
  /** Files waiting for a free thread, beyond those being read. */
  maxQueue: number;
  /** Heap (old generation) of each thread, in MB. */
  heapMb: number;
  timeoutMs: number;
  idleMs: number;
  /** Threads started by warm() and kept while idle. */
  warmWorkers?: number;
}

export class ParsePoolBusy extends Error {
  constructor() {
    super('import pool busy');
  }
}

/** The thread reading the file ended: out of heap, out of time, or crashed. */
export class ParseAborted extends Error {
  constructor(readonly reason: 'memory' | 'timeout' | 'crash') {
    super(`import worker ${reason}`);
  }
}

interface Job {
  request: ParseRequest;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./parse-worker-boot.mjs', import.meta.url);

export class ParsePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Files handed to a thread so far (tests check that a refused request parsed nothing). */
  started = 0;

  constructor(readonly options: ParsePoolOptions) {
    this.slots = Array.from({ length: options.workers }, () => ({ worker: null, job: null, timer: null }));
  }

  run<K extends ParseJobKind>(kind: K, data: Buffer, limits: SpreadsheetLimits): Promise<ParseJobResult<K>> {
    if (this.closed) return Promise.reject(new Error('import pool closed'));
    // A copy of exactly these bytes (an upload may be a view into a larger pooled buffer) is moved, not cloned.
    const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    return new Promise((resolve, reject) => {
      const job: Job = {
        request: { id: this.nextId++, kind, data: bytes, limits },
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      const free = this.slots.find((s) => !s.job);
      if (free) return this.start(free, job);
      if (this.queue.length >= this.options.maxQueue) return reject(new ParsePoolBusy());
      this.queue.push(job);
    });
  }

  /** Threads alive now (started, not ended). */
  get threads(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /** Starts the kept threads now (at server start), so that no import waits for a thread to load. */
  warm(): void {
    for (const slot of this.slots.slice(0, this.options.warmWorkers ?? 0))
      if (!slot.worker && !this.closed) this.spawn(slot).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('import pool closed'));
    await Promise.all(this.slots.map((s) => this.retire(s)));
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(BOOT, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    worker.on('message', (reply: ParseReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.request.id) return;
      if (reply.ok) this.finish(slot, () => job.resolve(reply.result));
      else this.finish(slot, () => job.reject(new Error(reply.message)));
    });
    worker.on('error', (err: Error & { code?: string }) =>
      this.lose(slot, worker, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash'),
    );
    worker.on('exit', () => this.lose(slot, worker, 'crash'));
    slot.worker = worker;
    return worker;
  }

  private start(slot: Slot, job: Job) {
    this.started++;
    slot.job = job;
    if (slot.timer) clearTimeout(slot.timer);
    const worker = slot.worker ?? this.spawn(slot);
    worker.ref();
    slot.timer = setTimeout(() => {
      const lost = slot.worker;
      this.lose(slot, lost, 'timeout');
      void lost?.terminate();
    }, this.options.timeoutMs);
    worker.postMessage(job.request, [job.request.data]);
  }

  /** The current job is answered; the slot takes the next one or idles. */
  private finish(slot: Slot, answer: () => void) {
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    answer();
    this.next(slot);
  }

  /** The thread is gone (or abandoned): its job fails with the reason, the slot starts afresh. */
  private lose(slot: Slot, worker: Worker | null, reason: ParseAborted['reason']) {
    if (slot.worker !== worker || !worker) return;
    slot.worker = null;
    worker.removeAllListeners('message');
    const job = slot.job;
    if (job) this.finish(slot, () => job.reject(new ParseAborted(reason)));
    else if (slot.timer) clearTimeout(slot.timer);
  }

  private next(slot: Slot) {
    const job = this.queue.shift();
    if (job && !this.closed) return this.start(slot, job);
    if (this.slots.indexOf(slot) < (this.options.warmWorkers ?? 0) && !this.closed) {
      (slot.worker ?? this.spawn(slot)).unref(); // kept warm, replaced if it was lost
      return;
    }
    slot.worker?.unref();
    slot.timer = setTimeout(() => void this.retire(slot), this.options.idleMs);
    slot.timer.unref();
  }

  private async retire(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const worker = slot.worker;
    if (!worker) return;
    slot.worker = null;
    worker.removeAllListeners();
    worker.on('error', () => {});
    await worker.terminate();
  }
}
