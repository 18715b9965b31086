// Child processes of the load benchmarks: `thuocdo serve` (or the bare upsert server) on a loopback port,
// waited for until /healthz answers, with the process's resident memory sampled from /proc while it runs.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { postgresMeter, processTreeMeter } from './proc-cpu.ts';

/**
 * A loopback port free right now, chosen by the system. Fixed ranges collided with services of the machine
 * (epmd listens on 4369, inside the range a benchmark drew from: its server never became healthy).
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Proc {
  base: string;
  child: ChildProcess;
  /** Highest VmRSS seen since the last reset (MB). */
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

const rssMb = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

export async function startProcess(
  args: string[],
  port: number,
  env: Record<string, string>,
  healthPath = '/healthz',
): Promise<Proc> {
  // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the servers (Node refuses
  // --cpu-prof in NODE_OPTIONS); the profile is written when the server exits on the SIGTERM of stop().
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not healthy after 120 s: ${stderr}`);
    try {
      if ((await fetch(base + healthPath)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 250);
  return {
    base,
    child,
    peakRssMb: () => Math.max(peak, rssMb(child.pid!)),
    resetPeak: () => (peak = 0),
    stop: async () => {
      clearInterval(timer);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Waits until a freshly started server has finished its start-up work — the background jobs a start
 * schedules at once (the daily reminder scan, the hourly audit checkpoint, filling forms' stale progress,
 * reconciling the file store) and, on a local PostgreSQL, the autovacuum that follows the fixture: seconds
 * of CPU on the national fixture. A deadline-day server has been up for hours; measuring a load while it
 * still runs them charges one-off work to the requests. Quiet = the server and PostgreSQL each under 5 % of
 * one core over two consecutive seconds (the server alone is idle while it waits for a long statement);
 * gives up (and says so) after `maxMs`.
 */
export async function waitQuiet(
  procs: Proc[],
  databaseUrl: string | undefined,
  maxMs = 90_000,
): Promise<{ ms: number; quiet: boolean }> {
  const t0 = performance.now();
  let calm = 0;
  while (performance.now() - t0 < maxMs) {
    const meters = [...procs.map((p) => processTreeMeter(p.child.pid!)), postgresMeter(databaseUrl)];
    await new Promise((r) => setTimeout(r, 1000));
    calm = meters.every((m) => (m?.ms() ?? 0) < 50) ? calm + 1 : 0;
    if (calm >= 2) return { ms: Math.round(performance.now() - t0), quiet: true };
  }
  return { ms: Math.round(performance.now() - t0), quiet: false };
}
