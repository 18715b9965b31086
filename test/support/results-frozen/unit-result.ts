// FROZEN COPY of src/core/results/unit-result.ts as it stood before the one-engine refactor (issue 12). The
// property test test/unit/results/one-engine.property.test.ts compares the engine with it. Do not edit.
// One unit's result: totals per node and overall for the self and the final (appraised) scores, the
// applicable max, the late penalty, the exact percent and the band. Everything is summed in integer
// hundredths; the percent stays a fraction (exact.ts) until it is displayed.
import { fromHundredths, toHundredths } from '../../../src/core/framework/rounding.ts';
import { classifyPercent, lowestBand } from '../../../src/core/results/bands.ts';
import { compileDefinition } from '../../../src/core/results/compiled.ts';
import { exactPercent } from '../../../src/core/results/exact.ts';
import { resolveLeaves } from './items.ts';
import type {
  IndicatorResult,
  NodeTotals,
  ResultIssue,
  UnitResult,
  UnitResultInput,
} from '../../../src/core/results/types.ts';

export function computeUnitResult(input: UnitResultInput): UnitResult {
  const c = compileDefinition(input.definition);
  const issues: ResultIssue[] = [];
  const leaves = resolveLeaves(c, input.itemScores, input.rules, issues);
  const n = c.codes.length;

  // Per-node accumulators (hundredths). Children come after their parent in pre-order, so a single
  // backward pass finishes every group before adding it to its own parent.
  const final = new Array<number>(n).fill(0);
  const self = new Array<number>(n).fill(0);
  const reduction = new Array<number>(n).fill(0);
  const applicable = new Array<number>(n).fill(0);
  const allNA = new Array<boolean>(n).fill(true);
  const unappraisedCodes: string[] = [];
  const notApplicableCodes: string[] = [];
  c.leafIndices.forEach((i, k) => {
    const v = leaves[k]!;
    final[i] = v.final;
    self[i] = v.self;
    applicable[i] = v.applicableMax;
    allNA[i] = v.notApplicable;
    if (v.notApplicable) notApplicableCodes.push(c.codes[i]!);
    else if (v.unappraised) unappraisedCodes.push(v.scoredBy);
  });

  for (let i = n - 1; i >= 0; i--) {
    const maxH = c.maxH[i]!;
    if (!c.isLeaf[i]) {
      // As scoreFramework: the applicable max of a group is its max less the max of the N/A items
      // below. The group's points are capped at that applicable max (scoreFramework caps at the max;
      // the two agree when nothing below is N/A) so a group whose items add up to more than the group
      // allows cannot push a unit with N/A items above 100 %.
      applicable[i] = allNA[i] ? 0 : Math.max(0, maxH - reduction[i]!);
      final[i] = Math.min(final[i]!, applicable[i]!);
      self[i] = Math.min(self[i]!, applicable[i]!);
    }
    const p = c.parent[i]!;
    if (p >= 0) {
      final[p]! += final[i]!;
      self[p]! += self[i]!;
      reduction[p]! += maxH - applicable[i]!;
      allNA[p] = allNA[p]! && allNA[i]!;
    }
  }

  const nodes: Record<string, NodeTotals> = Object.create(null) as Record<string, NodeTotals>;
  for (let i = 0; i < n; i++) {
    nodes[c.codes[i]!] = {
      self: fromHundredths(self[i]!),
      final: fromHundredths(final[i]!),
      max: fromHundredths(c.maxH[i]!),
      applicableMax: fromHundredths(applicable[i]!),
      notApplicable: allNA[i]!,
      isLeaf: c.isLeaf[i]!,
      parentCode: c.parent[i]! >= 0 ? c.codes[c.parent[i]!]! : null,
    };
  }

  let finalTotal = 0;
  let selfTotal = 0;
  let maxTotal = 0;
  let applicableTotal = 0;
  const indicators: IndicatorResult[] = [];
  for (const r of c.roots) {
    finalTotal += final[r]!;
    selfTotal += self[r]!;
    maxTotal += c.maxH[r]!;
    applicableTotal += applicable[r]!;
    indicators.push({
      code: c.codes[r]!,
      title: c.titles[r]!,
      ...nodes[c.codes[r]!]!,
      percent: exactPercent(final[r]!, applicable[r]!),
      selfPercent: exactPercent(self[r]!, applicable[r]!),
    });
  }

  // 002 Điều 8.3: "tổng số điểm bị trừ đi 100" — the penalty comes off the total, never below 0.
  const penaltyH = Math.max(0, toHundredths(input.timing.penaltyPoints));
  const penaltyApplied = Math.min(penaltyH, finalTotal);
  const after = finalTotal - penaltyApplied;
  const percent = exactPercent(after, applicableTotal);
  const bandByScore = percent ? classifyPercent(percent, input.rules.bands) : null;

  let status: UnitResult['status'] = 'rankable';
  let notRankableReason: UnitResult['notRankableReason'];
  let band = bandByScore;
  if (input.timing.refused) {
    status = 'not_rankable';
    notRankableReason = 'refused';
    band = null;
  } else if (input.timing.lowestBand) {
    // 000 Điều 9.2.e, 002 Điều 8.4: not submitted, or late beyond the tolerance → the lowest band,
    // whatever the points.
    status = 'forced_lowest_band';
    band = lowestBand(input.rules.bands);
  } else if (!percent) {
    status = 'not_rankable';
    notRankableReason = 'no_applicable_max';
  }

  return {
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
    timing: { ...input.timing },
    indicators,
    nodes,
    unappraisedCodes,
    notApplicableCodes,
    complete: unappraisedCodes.length === 0,
    issues,
  };
}
