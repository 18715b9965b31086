// The same per-unit result as computeUnitResult, for many units at once: scores come as flat arrays
// aligned with the compiled definition's leaves (what a set-based load produces) instead of a record
// of per-item objects, and the per-node totals stay in one typed array per unit — the `nodes` record
// (110 objects per unit on a 100-item set) is built only when someone reads it. The rules are not
// restated here: the arithmetic is unit-result.ts's, line for line, and a property test
// (test/unit/results/fast.test.ts) checks the two agree on random inputs. Replacements (a council-added
// indicator in an N/A item's slot) are rare: callers send such a unit through computeUnitResult.
import { fromHundredths, toHundredths } from '../framework/rounding.ts';
import { classifyPercent, lowestBand } from './bands.ts';
import { type CompiledDefinition, compileDefinition } from './compiled.ts';
import { exactPercent } from './exact.ts';
import { clampH } from './items.ts';
import type { IndicatorResult, NodeTotals, ResultIssue, ResultRules, TimingInput, UnitResult } from './types.ts';

export { compileDefinition, type CompiledDefinition };

/** One unit's scores in leaf order (c.leafIndices): NaN = no score; notApplicable 1 = N/A (reduce_max). */
export interface LeafScores {
  final: Float64Array;
  self: Float64Array;
  notApplicable: Uint8Array;
}

function nodesOf(c: CompiledDefinition, t: Float64Array, allNA: Uint8Array): Record<string, NodeTotals> {
  const n = c.codes.length;
  const nodes: Record<string, NodeTotals> = Object.create(null) as Record<string, NodeTotals>;
  for (let i = 0; i < n; i++) {
    nodes[c.codes[i]!] = {
      self: fromHundredths(t[n + i]!),
      final: fromHundredths(t[i]!),
      max: fromHundredths(c.maxH[i]!),
      applicableMax: fromHundredths(t[2 * n + i]!),
      notApplicable: allNA[i] === 1,
      isLeaf: c.isLeaf[i]!,
      parentCode: c.parent[i]! >= 0 ? c.codes[c.parent[i]!]! : null,
    };
  }
  return nodes;
}

/** computeUnitResult over leaf arrays (no replacement codes, no codes outside the set). */
export function computeUnitResultFromLeaves(c: CompiledDefinition, scores: LeafScores, timing: TimingInput, rules: ResultRules): UnitResult {
  const n = c.codes.length;
  // final | self | applicable | reduction, in hundredths; one allocation per unit.
  const t = new Float64Array(4 * n);
  const allNA = new Uint8Array(n).fill(1);
  const issues: ResultIssue[] = [];
  const unappraisedCodes: string[] = [];
  const notApplicableCodes: string[] = [];
  const leaves = c.leafIndices;
  for (let k = 0; k < leaves.length; k++) {
    const i = leaves[k]!;
    const code = c.codes[i]!;
    if (scores.notApplicable[k] === 1) {
      notApplicableCodes.push(code);
      continue;
    }
    const maxH = c.maxH[i]!;
    const f = scores.final[k]!;
    const s = scores.self[k]!;
    t[i] = clampH(Number.isNaN(f) ? null : f, maxH, code, 'FINAL', issues);
    t[n + i] = clampH(Number.isNaN(s) ? null : s, maxH, code, 'SELF', issues);
    t[2 * n + i] = maxH;
    allNA[i] = 0;
    if (Number.isNaN(f)) unappraisedCodes.push(code);
  }
  for (let i = n - 1; i >= 0; i--) {
    const maxH = c.maxH[i]!;
    if (!c.isLeaf[i]) {
      // As unit-result.ts: a group's applicable max is its max less the N/A max below; points capped at it.
      const app = allNA[i] === 1 ? 0 : Math.max(0, maxH - t[3 * n + i]!);
      t[2 * n + i] = app;
      t[i] = Math.min(t[i]!, app);
      t[n + i] = Math.min(t[n + i]!, app);
    }
    const p = c.parent[i]!;
    if (p >= 0) {
      t[p] = t[p]! + t[i]!;
      t[n + p] = t[n + p]! + t[n + i]!;
      t[3 * n + p] = t[3 * n + p]! + maxH - t[2 * n + i]!;
      if (allNA[i] === 0) allNA[p] = 0;
    }
  }

  let finalTotal = 0;
  let selfTotal = 0;
  let maxTotal = 0;
  let applicableTotal = 0;
  const indicators: IndicatorResult[] = [];
  for (const r of c.roots) {
    finalTotal += t[r]!;
    selfTotal += t[n + r]!;
    maxTotal += c.maxH[r]!;
    applicableTotal += t[2 * n + r]!;
    indicators.push({
      code: c.codes[r]!,
      title: c.titles[r]!,
      self: fromHundredths(t[n + r]!),
      final: fromHundredths(t[r]!),
      max: fromHundredths(c.maxH[r]!),
      applicableMax: fromHundredths(t[2 * n + r]!),
      notApplicable: allNA[r] === 1,
      isLeaf: c.isLeaf[r]!,
      parentCode: null,
      percent: exactPercent(t[r]!, t[2 * n + r]!),
      selfPercent: exactPercent(t[n + r]!, t[2 * n + r]!),
    });
  }

  const penaltyH = Math.max(0, toHundredths(timing.penaltyPoints));
  const penaltyApplied = Math.min(penaltyH, finalTotal);
  const after = finalTotal - penaltyApplied;
  const percent = exactPercent(after, applicableTotal);
  const bandByScore = percent ? classifyPercent(percent, rules.bands) : null;
  let status: UnitResult['status'] = 'rankable';
  let notRankableReason: UnitResult['notRankableReason'];
  let band = bandByScore;
  if (timing.refused) {
    status = 'not_rankable';
    notRankableReason = 'refused';
    band = null;
  } else if (timing.lowestBand) {
    status = 'forced_lowest_band';
    band = lowestBand(rules.bands);
  } else if (!percent) {
    status = 'not_rankable';
    notRankableReason = 'no_applicable_max';
  }

  let nodes: Record<string, NodeTotals> | undefined;
  const result = {
    status,
    ...(notRankableReason ? { notRankableReason } : {}),
    selfTotal: fromHundredths(selfTotal),
    finalTotal: fromHundredths(finalTotal),
    penaltyApplied: fromHundredths(penaltyApplied),
    finalAfterPenalty: fromHundredths(after),
    maxPoints: fromHundredths(maxTotal),
    applicableMax: fromHundredths(applicableTotal),
    percent,
    selfPercent: exactPercent(selfTotal, applicableTotal),
    band,
    bandByScore,
    timing: { ...timing },
    indicators,
  } as UnitResult;
  // Built on first read (tie-breaks, year over year, gap analysis), then kept: same value every time.
  Object.defineProperty(result, 'nodes', {
    enumerable: true,
    configurable: true,
    get: () => (nodes ??= nodesOf(c, t, allNA)),
  });
  result.unappraisedCodes = unappraisedCodes;
  result.notApplicableCodes = notApplicableCodes;
  result.complete = unappraisedCodes.length === 0;
  result.issues = issues;
  return result;
}
