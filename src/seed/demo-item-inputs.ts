// Plausible inputs for any leaf of an index set, so the demo campaign shows filled items of every
// scoring method: a commune doing fairly well (about three quarters of the points), never invalid.
import type { FrameworkNode } from '../core/framework/index.ts';

export interface DemoEntry {
  inputs: Record<string, number | boolean | string>;
  selfScore?: number;
}

/** Deterministic variety: `seed` shifts the figures between units. */
export function demoEntry(node: FrameworkNode, seed: number): DemoEntry {
  const m = node.method ?? { kind: 'manual' as const };
  const share = 0.6 + ((seed * 7 + node.code.length * 3) % 4) / 10; // 0.6 … 0.9
  switch (m.kind) {
    case 'manual': {
      const step = m.step && m.step > 0 ? m.step : 0.25;
      return { inputs: {}, selfScore: Math.floor((node.maxPoints * share) / step) * step };
    }
    case 'yesno':
      return { inputs: { yes: share >= 0.7 } };
    case 'choice':
      return { inputs: { choice: m.options[seed % Math.min(2, m.options.length)]!.value } };
    case 'ratio':
      return { inputs: { a: Math.round(share * 120), b: 120 } };
    case 'steps':
      if (m.input === 'percent') return { inputs: { a: Math.round(share * 50), b: 50 } };
      return {
        inputs: {
          value:
            [...m.thresholds].sort((x, y) => x.atLeast - y.atLeast)[Math.min(seed % 2, m.thresholds.length - 1)]
              ?.atLeast ?? 1,
        },
      };
    case 'formula':
      return {
        inputs: Object.fromEntries(
          m.inputs.map((i) => [i.name, i.type === 'boolean' ? share >= 0.7 : Math.round(share * 40)]),
        ),
      };
  }
}

/** Informational fields of a commune (thông tin chung), by key. */
export function demoInfo(keys: readonly string[], seed: number): Record<string, number> {
  const base: Record<string, number> = {
    population: 6500 + seed * 430,
    households: 1700 + seed * 110,
    staff: 21 + (seed % 5),
  };
  return Object.fromEntries(keys.map((k) => [k, base[k] ?? 100]));
}
