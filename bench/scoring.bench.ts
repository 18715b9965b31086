// Scoring speed: scoreFramework on a 100-item set (mixed methods, 10 groups of 10), against a baseline
// of a plain loop summing 100 numbers from an array. Prints one JSON line:
//   {name, meanMs, p95Ms, baselineMeanMs, ratio}
// Run: npx tsx bench/scoring.bench.ts [iterations]
import { performance } from 'node:perf_hooks';
import {
  scoreFramework,
  type FrameworkNode,
  type InputValues,
  type ScoringMethod,
} from '../src/core/framework/index.ts';

const METHODS: ScoringMethod[] = [
  { kind: 'manual', step: 0.25 },
  { kind: 'yesno' },
  {
    kind: 'choice',
    options: [
      { value: 'a', label: 'A', fraction: 1 },
      { value: 'b', label: 'B', fraction: 0.5 },
    ],
  },
  { kind: 'ratio', zeroDenominator: 'zero' },
  {
    kind: 'steps',
    input: 'number',
    thresholds: [
      { atLeast: 4, points: 2 },
      { atLeast: 2, points: 1 },
    ],
  },
  {
    kind: 'steps',
    input: 'percent',
    thresholds: [
      { atLeast: 90, fraction: 1 },
      { atLeast: 70, fraction: 0.5 },
    ],
  },
  {
    kind: 'formula',
    expression: 'min(a / b, 1) * max',
    inputs: [
      { name: 'a', label: 'A', type: 'number' },
      { name: 'b', label: 'B', type: 'number' },
    ],
  },
];
const INPUTS: InputValues[] = [
  { score: 1.5 },
  { yes: true },
  { choice: 'b' },
  { a: 7, b: 9 },
  { value: 3 },
  { a: 8, b: 10 },
  { a: 2, b: 3 },
];

function buildSet(): { nodes: FrameworkNode[]; inputs: Record<string, InputValues> } {
  const nodes: FrameworkNode[] = [];
  const inputs: Record<string, InputValues> = {};
  for (let g = 1; g <= 10; g++) {
    const children: FrameworkNode[] = [];
    for (let i = 1; i <= 10; i++) {
      const k = (g * 10 + i) % METHODS.length;
      const code = `${g}.${i}`;
      children.push({ code, title: `Tiêu chí ${code}`, maxPoints: 2, method: METHODS[k] as ScoringMethod });
      inputs[code] = INPUTS[k] as InputValues;
    }
    nodes.push({ code: String(g), title: `Chỉ số ${g}`, maxPoints: 20, children });
  }
  return { nodes, inputs };
}

function measure(iterations: number, f: () => void): { mean: number; p95: number } {
  for (let i = 0; i < Math.min(200, iterations); i++) f(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return { mean, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] as number };
}

const iterations = Number(process.argv[2] ?? 2000);
const { nodes, inputs } = buildSet();
const numbers = Array.from({ length: 100 }, (_, i) => (i * 7) % 13);
let sink = 0;

const scoring = measure(iterations, () => {
  sink += scoreFramework({ nodes }, inputs).total;
});
const baseline = measure(iterations, () => {
  let s = 0;
  for (let i = 0; i < numbers.length; i++) s += numbers[i] as number;
  sink += s;
});

const round = (x: number) => Math.round(x * 1e6) / 1e6;
console.log(
  JSON.stringify({
    name: 'scoreFramework-100-items',
    meanMs: round(scoring.mean),
    p95Ms: round(scoring.p95),
    baselineMeanMs: round(baseline.mean),
    ratio: Math.round((scoring.mean / Math.max(baseline.mean, 1e-9)) * 10) / 10,
  }),
);
if (sink === Number.MIN_VALUE) console.log(''); // keep the results observable so nothing is optimised away
