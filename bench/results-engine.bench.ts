// Results engine speed, in memory: 4,000 units × 100 items (10 main indicators of 10 items), every unit
// recomputed (totals, exact percent, band) and the group ranked by exact percent, with a few N/A items
// and late units so every branch runs. Baseline from the same run: a plain loop summing the same
// 400,000 numbers into 4,000 totals and sorting the totals. (The database-level comparison with a bare
// SQL SUM + RANK comes with the server integration.) Prints one JSON line per figure.
// Run: npx tsx bench/results-engine.bench.ts [runs]
import type { FrameworkNode } from '../src/core/framework/index.ts';
import {
  computeUnitResult,
  rankGroup,
  type ItemScoreInput,
  type RankEntry,
  type TimingInput,
  type UnitResultInput,
} from '../src/core/results/index.ts';
import { DEFAULT_BANDS } from '../src/core/campaign/index.ts';
import { report, timeRuns } from './lib/stats.ts';

const UNITS = 4000;
const GROUPS = 10;
const ITEMS = 10;
const runs = Number(process.argv[2] ?? 10);

const nodes: FrameworkNode[] = Array.from({ length: GROUPS }, (_, g) => ({
  code: String(g + 1),
  title: `Chỉ số ${g + 1}`,
  maxPoints: 100,
  children: Array.from({ length: ITEMS }, (_, i) => ({
    code: `${g + 1}.${i + 1}`,
    title: `Tiêu chí ${g + 1}.${i + 1}`,
    maxPoints: 10,
    method: { kind: 'manual' as const },
  })),
}));
const codes = nodes.flatMap((n) => n.children!.map((c) => c.code));

// Deterministic pseudo-random scores in hundredths (LCG), so every run measures the same data.
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
const flat = new Float64Array(UNITS * codes.length);
const inputs: UnitResultInput[] = [];
const rules = { bands: DEFAULT_BANDS, notApplicable: 'reduce_max' as const };
for (let u = 0; u < UNITS; u++) {
  const itemScores: Record<string, ItemScoreInput> = {};
  codes.forEach((code, i) => {
    const final = (next() % 1001) / 100;
    flat[u * codes.length + i] = final;
    itemScores[code] = { final, self: Math.min(10, final + 1), notApplicable: next() % 50 === 0 };
  });
  const roll = u % 100;
  const timing: TimingInput =
    roll === 0
      ? { kind: 'not_submitted', penaltyPoints: 0, lowestBand: true }
      : roll < 5
        ? { kind: 'late', penaltyPoints: 100, lowestBand: false }
        : { kind: 'on_time', penaltyPoints: 0, lowestBand: false };
  inputs.push({ definition: { nodes }, itemScores, timing, rules });
}

let sink = 0;
const full = () => {
  const entries: RankEntry[] = inputs.map((input, u) => ({
    unitId: `u${String(u).padStart(4, '0')}`,
    result: computeUnitResult(input),
  }));
  const g = rankGroup(entries, { bands: DEFAULT_BANDS });
  sink += g.units[0]!.rank ?? 0;
};
const baselineFull = () => {
  const totals = new Float64Array(UNITS);
  for (let u = 0; u < UNITS; u++) {
    let s = 0;
    for (let i = 0; i < codes.length; i++) s += flat[u * codes.length + i]!;
    totals[u] = s;
  }
  totals.sort();
  sink += totals[UNITS - 1]!;
};

const precomputed: RankEntry[] = inputs.map((input, u) => ({ unitId: `u${u}`, result: computeUnitResult(input) }));
const rankOnly = () => {
  sink += rankGroup(precomputed, { bands: DEFAULT_BANDS }).units.length;
};
const totalsOnly = Float64Array.from(precomputed.map((e) => e.result.finalAfterPenalty));
const baselineSort = () => {
  sink += Float64Array.from(totalsOnly).sort()[0]!;
};

// Warm-up so the JIT has compiled both sides before timing.
for (let i = 0; i < 3; i++) {
  full();
  baselineFull();
}
const a = await timeRuns(runs, full);
const b = await timeRuns(runs * 10, baselineFull);
report({
  name: 'results-recompute-and-rank-4000x100',
  meanMs: a.meanMs,
  p95Ms: a.p95Ms,
  baselineName: 'loop sum 400,000 numbers + sort 4,000 totals',
  baselineMeanMs: b.meanMs,
});

for (let i = 0; i < 3; i++) {
  rankOnly();
  baselineSort();
}
const c = await timeRuns(runs * 3, rankOnly);
const d = await timeRuns(runs * 30, baselineSort);
report({
  name: 'results-rank-only-4000',
  meanMs: c.meanMs,
  p95Ms: c.p95Ms,
  baselineName: 'sort 4,000 totals',
  baselineMeanMs: d.meanMs,
});
if (sink === Number.MIN_VALUE) console.log('');
