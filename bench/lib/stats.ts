// Timing helpers for benchmarks: repeated runs, mean and p95, and the one JSON line each figure prints
// (bench/run.ts collects these lines into bench/results/latest.json and a markdown table).
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  db?: 'pglite' | 'postgres';
  meanMs: number;
  p95Ms: number;
  baselineName: string;
  baselineMeanMs: number;
  ratio: number;
  targetMs?: number;
  /** A target that is not a time (a ratio to the baseline: "≤ ×3"). */
  target?: string;
  note?: string;
}

export async function timeRuns(
  runs: number,
  fn: () => Promise<unknown> | unknown,
): Promise<{ meanMs: number; p95Ms: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    meanMs: samples.reduce((s, x) => s + x, 0) / samples.length,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
    samples,
  };
}

export function report(f: Omit<Figure, 'ratio'>): Figure {
  const figure = {
    ...f,
    meanMs: round(f.meanMs),
    p95Ms: round(f.p95Ms),
    baselineMeanMs: round(f.baselineMeanMs),
    ratio: round(f.meanMs / f.baselineMeanMs),
  };
  console.log(JSON.stringify(figure));
  return figure;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A figure that is an amount, not a time (bytes sent…): `value` against `baselineValue`, both in `unit`. */
export interface AmountFigure {
  name: string;
  db?: 'pglite' | 'postgres';
  value: number;
  baselineValue: number;
  unit: string;
  baselineName: string;
  ratio: number;
  target?: string;
  note?: string;
}

export function reportAmount(f: Omit<AmountFigure, 'ratio'>): AmountFigure {
  const figure = {
    ...f,
    value: round(f.value),
    baselineValue: round(f.baselineValue),
    ratio: Math.round((f.value / f.baselineValue) * 1000) / 1000,
  };
  console.log(JSON.stringify(figure));
  return figure;
}
