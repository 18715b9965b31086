// Start-up steps with their timings, so `npm start` on an empty data directory says what it is doing
// (building the web app, migrating, seeding the demo province take seconds each) instead of going quiet.

export interface StartupSteps {
  /** Runs one step; `detail` turns its result into a note after the timing (e.g. "skipped: up to date"). */
  run<T>(label: string, fn: () => Promise<T> | T, detail?: (result: T) => string | undefined): Promise<T>;
}

/** Seconds with one decimal and a Vietnamese decimal comma: 1234 → "1,2 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

export function consoleSteps(
  write: (line: string) => void = (l) => console.log(l),
  now: () => number = () => performance.now(),
): StartupSteps {
  let index = 0;
  return {
    async run(label, fn, detail) {
      const n = ++index;
      write(`[${n}] ${label}…`);
      const started = now();
      const result = await fn();
      const note = detail?.(result);
      write(`[${n}] ${label}: xong / done ${formatSeconds(now() - started)}${note ? ` — ${note}` : ''}`);
      return result;
    },
  };
}

/** Steps that print nothing (tests, `serve` under a supervisor that has its own logs). */
export const silentSteps: StartupSteps = { run: async (_label, fn) => fn() };
