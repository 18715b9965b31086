// CPU time of processes from /proc (Linux), for the "server CPU ms per request" beside each load figure:
// utime + stime of /proc/<pid>/stat (every thread of the process: the event loop, libuv's pool, PGlite's
// WASM, GC helpers), in clock ticks of `getconf CLK_TCK` (100 when it cannot be asked). A meter measures
// a set of processes over a window: the app or bare server (a child process and its descendants, with the
// reaped children's cutime/cstime), the benchmark process itself (the load generator), and PostgreSQL's
// processes when the benchmark's database is a local server (every process named `postgres`: backends,
// WAL writer, checkpointer; a backend that exits during the window takes its CPU with it, so keep pools
// open). Elsewhere (no /proc, another host) the figures are null and the notes say "n/a".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times. */
export const CLK_TCK: number = (() => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** utime + stime, ms. */
  ownMs: number;
  /** cutime + cstime (children already waited for), ms. */
  childrenMs: number;
}

/** /proc/<pid>/stat (or one thread's: /proc/<pid>/task/<tid>/stat), null when gone or unreadable. */
function readStat(pid: number, tid?: number): Stat | null {
  try {
    const text = fs.readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: fields after its last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (i: number) => (Number(f[i]) * 1000) / CLK_TCK;
    // After ')': [0] state (field 3), [1] ppid, … [11] utime (14), [12] stime, [13] cutime, [14] cstime.
    return { ppid: Number(f[1]), ownMs: ms(11) + ms(12), childrenMs: ms(13) + ms(14) };
  } catch {
    return null;
  }
}

/** CPU ms used so far by one process (all its threads), or by one of its threads; null if unreadable. */
export function processCpuMs(pid: number, tid?: number): number | null {
  const s = readStat(pid, tid);
  return s ? s.ownMs : null;
}

/** CPU ms of the calling process's main thread (the event loop where an in-process server runs). */
export function mainThreadCpuMs(): number | null {
  return processCpuMs(process.pid, process.pid);
}

function numericDirs(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
}

/** `pid` and every live descendant of it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of numericDirs()) {
    const s = readStat(p);
    if (!s) continue;
    let list = children.get(s.ppid);
    if (!list) children.set(s.ppid, (list = []));
    list.push(p);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

/** Every process whose name (/proc/<pid>/comm) is `name`. */
export function processesNamed(name: string): number[] {
  return numericDirs().filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}

/** Whether a PostgreSQL URL points at this machine (so its processes are in /proc here). */
export function isLocalPostgres(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const socket = u.searchParams.get('host');
    return host === '' || host === 'localhost' || host.startsWith('127.') || host === '::1' || Boolean(socket);
  } catch {
    return false;
  }
}

export interface CpuMeter {
  /** CPU ms used by the measured processes since the meter started (or was restarted); null if unknown. */
  ms(): number | null;
  /** Starts the window again from now. */
  restart(): void;
}

/**
 * A meter over the processes `pids()` lists at each reading: a process seen at the start counts from its
 * CPU then, one that appeared later from zero (a new backend); with `reaped`, `pids()[0]`'s cutime +
 * cstime counts too (its children that exited and were waited for).
 */
export function cpuMeter(pids: () => number[], reaped = false): CpuMeter {
  let start = new Map<number, number>();
  let startReaped = 0;
  let ok = false;
  const read = () => {
    const list = pids();
    const now = new Map<number, number>();
    let children = 0;
    for (const [i, p] of list.entries()) {
      const s = readStat(p);
      if (!s) continue;
      now.set(p, s.ownMs);
      if (reaped && i === 0) children = s.childrenMs;
    }
    return { now, children, ok: now.size > 0 };
  };
  const restart = () => {
    const r = read();
    start = r.now;
    startReaped = r.children;
    ok = r.ok;
  };
  restart();
  return {
    restart,
    ms: () => {
      if (!ok) return null;
      const r = read();
      if (!r.ok) return null;
      let total = r.children - startReaped;
      for (const [p, v] of r.now) total += v - (start.get(p) ?? 0);
      return total;
    },
  };
}

/** The CPU of a child process and its descendants. */
export const processTreeMeter = (pid: number) => cpuMeter(() => processTree(pid), true);

/** This process (the benchmark: load generator threads included). */
export const selfMeter = () => cpuMeter(() => [process.pid]);

/** PostgreSQL's processes when `url` is local, else null (its CPU is then not seen from here). */
export const postgresMeter = (url: string | undefined) =>
  isLocalPostgres(url) ? cpuMeter(() => processesNamed('postgres')) : null;

/** "0.42" (ms per request) or "n/a". */
export const perRequest = (cpuMs: number | null | undefined, requests: number) =>
  cpuMs === null || cpuMs === undefined || requests === 0 ? 'n/a' : (cpuMs / requests).toFixed(2);

/**
 * A thread's time so far on a core and runnable but waiting for one, in ns (/proc/<pid>/task/<tid>/schedstat:
 * the scheduler's own accounting, not sampled), null when gone or unreadable.
 */
function readSchedstat(pid: number, tid: number): { runNs: number; waitNs: number } | null {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ');
    const runNs = Number(run);
    const waitNs = Number(wait);
    return Number.isFinite(runNs) && Number.isFinite(waitNs) ? { runNs, waitNs } : null;
  } catch {
    return null;
  }
}

/** Busy and idle jiffies of the whole machine so far (/proc/stat's first line: idle and iowait are idle). */
function readMachineJiffies(): { busy: number; idle: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest times are already counted in user and nice)
    const idle = f[3]! + f[4]!;
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return Number.isFinite(idle) && Number.isFinite(busy) ? { busy, idle } : null;
  } catch {
    return null;
  }
}

/**
 * Where the servers' event loops spend a run, from now until `text()` is read, as shares of its wall time: on
 * a core, runnable but waiting for one, or asleep (waiting for PostgreSQL, the disk or the next request) —
 * each process's main thread, averaged over the processes — and how much of the machine's CPU stood idle
 * meanwhile. It tells which limit a load figure hits: an event loop on a core nearly all the time is Node CPU;
 * one often runnable but waiting is the cores it shares with PostgreSQL and the load generator; one mostly
 * asleep waits on the database or the disk.
 */
export function eventLoopMeter(pids: () => number[]) {
  const read = () => {
    const out = new Map<number, { runNs: number; waitNs: number }>();
    for (const p of pids()) {
      const s = readSchedstat(p, p); // the main thread's task id is the process's id
      if (s) out.set(p, s);
    }
    return out;
  };
  const start = read();
  const machine = readMachineJiffies();
  const at = process.hrtime.bigint();
  return {
    /** "event loop on a core 51 %, waiting for one 47 %, asleep 2 %; machine idle 15 %", or null if unknown. */
    text: (): string | null => {
      const wallNs = Number(process.hrtime.bigint() - at);
      const shares = [...read()].flatMap(([p, s]) => {
        const s0 = start.get(p);
        return s0 ? [{ run: (s.runNs - s0.runNs) / wallNs, wait: (s.waitNs - s0.waitNs) / wallNs }] : [];
      });
      if (shares.length === 0) return null;
      const mean = (f: (s: { run: number; wait: number }) => number) =>
        shares.reduce((sum, s) => sum + f(s), 0) / shares.length;
      const run = mean((s) => s.run);
      const wait = mean((s) => s.wait);
      // As measured: the three may add up to 99 or 101 % (the readings are a few microseconds apart).
      const pct = (x: number) => `${Math.round(x * 100)} %`;
      const m = readMachineJiffies();
      const ticks = m && machine ? m.busy + m.idle - machine.busy - machine.idle : 0;
      const idle = ticks > 0 ? `; machine idle ${pct((m!.idle - machine!.idle) / ticks)}` : '';
      const who = shares.length > 1 ? `event loops (mean of ${shares.length})` : 'event loop';
      return `${who} on a core ${pct(run)}, waiting for one ${pct(wait)}, asleep ${pct(1 - run - wait)}${idle}`;
    },
  };
}
