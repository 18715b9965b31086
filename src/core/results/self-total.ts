// One definition of the self total (tổng điểm tự chấm, issue 14 §6; docs/results-rules.md §9): the unit's
// self scores run through the results engine's own arithmetic — each item rounded to hundredths and held
// to 0…its max (an item over its max counts its max and is reported), every group capped at its applicable
// max, the main indicators summed — over the applicable max: an item the unit's own answer marks not
// applicable leaves the max (reduce_max), as the council's N/A decision does in the final results. An item
// without a self score counts 0. The form header, the lists, the progress page and the inbox show this
// figure; after appraisal the results show the engine's self total under the council's N/A decisions.
import { computeUnitResultFromLeaves } from './arithmetic.ts';
import { compileDefinition } from './compiled.ts';
import { leafScoresOf } from './leaves.ts';
import type { FrameworkDefinition } from '../framework/types.ts';
import type { ItemScoreInput, ResultIssue, ResultRules, TimingInput } from './types.ts';

export interface SelfItem {
  self: number | null;
  /** Not applicable by the unit's own answer. */
  notApplicable: boolean;
}

export interface SelfTotal {
  total: number;
  maxPoints: number;
  /** maxPoints less the max of the items not applicable; 0 when nothing is applicable. */
  applicableMax: number;
  /** Per main indicator (depth-1 node), in the set's order. */
  indicators: { code: string; points: number; applicableMax: number }[];
  /** Items held to their max (or to 0): SELF_CLAMPED issues. */
  issues: ResultIssue[];
}

// The self total has no band, penalty or status: the arithmetic is asked with neutral ones.
const NEUTRAL_TIMING: TimingInput = { kind: 'on_time', penaltyPoints: 0, lowestBand: false };
const NEUTRAL_RULES: ResultRules = {
  bands: [{ code: 'self', label: 'self', minPercent: 0 }],
  notApplicable: 'reduce_max',
};

export function selfTotalOf(
  definition: Pick<FrameworkDefinition, 'nodes'>,
  items: ReadonlyMap<string, SelfItem>,
): SelfTotal {
  const c = compileDefinition(definition);
  const scores = new Map<string, ItemScoreInput>();
  for (const [code, i] of items)
    if (c.indexByCode.has(code)) scores.set(code, { final: null, self: i.self, notApplicable: i.notApplicable });
  const issues: ResultIssue[] = [];
  const leaves = leafScoresOf(c, scores, NEUTRAL_RULES, issues);
  const r = computeUnitResultFromLeaves(c, leaves, NEUTRAL_TIMING, NEUTRAL_RULES, issues);
  return {
    total: r.selfTotal,
    maxPoints: r.maxPoints,
    applicableMax: r.applicableMax,
    indicators: r.indicators.map((i) => ({ code: i.code, points: i.self, applicableMax: i.applicableMax })),
    issues,
  };
}
