// `thuocdo serve --workers N`: N app processes on one port (Node cluster; the primary hands connections
// out round-robin). Processes share nothing but the database — sessions, CSRF tokens, optimistic
// versions, the audit chain and the job queue (SKIP LOCKED leases) all live there — so any worker can
// answer any request and no sticky sessions are needed. The primary forwards SIGTERM/SIGINT (each worker
// finishes its requests) and replaces a worker that dies, at most once a second so a crash loop cannot spin.
import cluster from 'node:cluster';

export interface ClusterOptions {
  workers: number;
  log(message: string): void;
}

/** In the primary: forks and supervises the workers, never returns. */
export function runClusterPrimary(options: ClusterOptions): void {
  let stopping = false;
  let lastFork = 0;
  const fork = () => {
    lastFork = Date.now();
    cluster.fork();
  };
  for (let i = 0; i < options.workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    options.log(
      `Tiến trình xử lý ${worker.process.pid} đã dừng (${signal ?? code}); khởi động tiến trình thay thế. / worker died, restarting`,
    );
    setTimeout(fork, Math.max(0, 1000 - (Date.now() - lastFork)));
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w?.process.kill('SIGTERM');
      // A worker stuck past 30 s is not worth waiting for: its requests are answered or lost either way.
      setTimeout(() => process.exit(1), 30_000).unref();
    });
  }
}

export const isClusterWorker = () => cluster.isWorker;
