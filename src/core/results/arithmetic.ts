// The one arithmetic of the results: a unit's leaf arrays (leaves.ts: N/A, replacements, rounding and
// caps already resolved, or a score sheet read as it stands) → per-node totals with group caps, the
// applicable max, the late penalty, the exact percent, the band and the status. computeUnitResult
// (unit-result.ts) is a thin adapter over it for per-item scores; the campaign loader feeds it score
// sheets directly. The per-node totals stay in one typed array per unit — the `nodes` record (110
// objects per unit on a 100-item set) is built only when someone reads it.
import { fromHundredths, toHundredths } from '../framework/rounding.ts';
import { classifyPercent, lowestBand } from './bands.ts';
import { type CompiledDefinition, compileDefinition } from './compiled.ts';
import { displayPercent, exactPercent } from './exact.ts';
import { type LeafHundredths, NO_SCORE_H, clampH } from './leaves.ts';
import type { IndicatorResult, NodeTotals, ResultIssue, ResultRules, TimingInput, UnitResult } from './types.ts';

export { compileDefinition, type CompiledDefinition, type LeafHundredths, NO_SCORE_H };

/** clampH for a score already in hundredths (the issue names the score as points, h / 100). */
function clampWholeH(h: number, maxH: number, code: string, which: 'FINAL' | 'SELF', issues: ResultIssue[]): number {
  if (h === NO_SCORE_H) return 0;
  if (h >= 0 && h <= maxH) return h;
  return clampH(h / 100, maxH, code, which, issues);
}

// Per-unit scratch comes out of shared slabs: a typed array above 64 bytes gets its own off-heap
// backing store, and allocating two per unit was the engine's largest cost on a national campaign.
// A slab region is used by one unit only (results keep theirs for the lazy `nodes`), so it stays zeroed.
const SLAB = 1 << 16;
let f64Slab = new Float64Array(0);
let f64Used = 0;
let u8Slab = new Uint8Array(0);
let u8Used = 0;

function f64Scratch(length: number): Float64Array {
  if (f64Used + length > f64Slab.length) {
    f64Slab = new Float64Array(Math.max(SLAB, length));
    f64Used = 0;
  }
  return f64Slab.subarray(f64Used, (f64Used += length));
}

function u8Scratch(length: number): Uint8Array {
  if (u8Used + length > u8Slab.length) {
    u8Slab = new Uint8Array(Math.max(SLAB, length));
    u8Used = 0;
  }
  return u8Slab.subarray(u8Used, (u8Used += length));
}

/**
 * A UnitResult whose `nodes` record (110 objects per unit on a 100-item set) is built on first read,
 * then kept: same value every time. A class, so that thousands of results share one shape; `toJSON`
 * writes the plain document (nodes included), which is what computeUnitResult returns.
 */
class LeafUnitResult {
  readonly #c: CompiledDefinition;
  readonly #t: Float64Array;
  readonly #allNA: Uint8Array;
  #nodes: Record<string, NodeTotals> | undefined;
  #indicators: IndicatorResult[] | undefined;

  constructor(c: CompiledDefinition, t: Float64Array, allNA: Uint8Array) {
    this.#c = c;
    this.#t = t;
    this.#allNA = allNA;
  }

  get nodes(): Record<string, NodeTotals> {
    return (this.#nodes ??= nodesOf(this.#c, this.#t, this.#allNA));
  }

  /** The main indicators (30 objects per unit), also built on first read. */
  get indicators(): IndicatorResult[] {
    return (this.#indicators ??= indicatorsOf(this.#c, this.#t, this.#allNA));
  }

  /** The main indicators as shown (display percent), straight from the totals: 10 objects, not 40. */
  summaries(): IndicatorSummary[] {
    const c = this.#c;
    const t = this.#t;
    const n = c.codes.length;
    // The figures' literal, then the percent assigned: not a spread of the figures into a new object — this
    // runs for every unit of every ranking (40,000 objects for 4,000 units) and the spread copy cost the
    // recompute ×1.3 (bench/results-recompute).
    return c.roots.map((r) => {
      const s = indicatorFigures(c, t, r) as IndicatorSummary;
      s.percent = displayPercent(exactPercent(t[r]!, t[2 * n + r]!));
      return s;
    });
  }

  // One object literal in a fixed key order (not a rest/spread copy of `this`): thousands of these are
  // ranked, and a literal gives them one fast shape (a spread copy made ranking 4 × slower).
  toJSON(): UnitResult {
    const r = this as unknown as UnitResult;
    return {
      status: r.status,
      ...(r.notRankableReason ? { notRankableReason: r.notRankableReason } : {}),
      selfTotal: r.selfTotal,
      finalTotal: r.finalTotal,
      penaltyApplied: r.penaltyApplied,
      finalAfterPenalty: r.finalAfterPenalty,
      maxPoints: r.maxPoints,
      applicableMax: r.applicableMax,
      percent: r.percent,
      selfPercent: r.selfPercent,
      band: r.band,
      bandByScore: r.bandByScore,
      timing: r.timing,
      indicators: this.indicators,
      nodes: this.nodes,
      unappraisedCodes: r.unappraisedCodes,
      notApplicableCodes: r.notApplicableCodes,
      complete: r.complete,
      issues: r.issues,
    };
  }
}

/** A main indicator as the results lists show it (percent rounded half-up to 2 decimals). */
export interface IndicatorSummary {
  code: string;
  title: string;
  self: number;
  final: number;
  max: number;
  applicableMax: number;
  percent: number | null;
}

/** The main indicators of any UnitResult as shown; from the totals directly for the fast engine's. */
export function indicatorSummaries(r: UnitResult): IndicatorSummary[] {
  if (r instanceof LeafUnitResult) return r.summaries();
  return r.indicators.map((i) => ({
    code: i.code,
    title: i.title,
    self: i.self,
    final: i.final,
    max: i.max,
    applicableMax: i.applicableMax,
    percent: displayPercent(i.percent),
  }));
}

/** One node's figures from the totals array (final, self and applicable max of every node, in that order). */
function indicatorFigures(c: CompiledDefinition, t: Float64Array, r: number) {
  const n = c.codes.length;
  return {
    code: c.codes[r]!,
    title: c.titles[r]!,
    self: fromHundredths(t[n + r]!),
    final: fromHundredths(t[r]!),
    max: fromHundredths(c.maxH[r]!),
    applicableMax: fromHundredths(t[2 * n + r]!),
  };
}

function indicatorsOf(c: CompiledDefinition, t: Float64Array, allNA: Uint8Array): IndicatorResult[] {
  const n = c.codes.length;
  return c.roots.map((r) => {
    // Assigned in a fixed order, as in summaries(), for the same reason.
    const i = indicatorFigures(c, t, r) as IndicatorResult;
    i.notApplicable = allNA[r] === 1;
    i.isLeaf = c.isLeaf[r]!;
    i.parentCode = null;
    i.percent = exactPercent(t[r]!, t[2 * n + r]!);
    i.selfPercent = exactPercent(t[n + r]!, t[2 * n + r]!);
    return i;
  });
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

/**
 * A unit's result from its leaf arrays in hundredths. `issues` carries what resolving the leaves
 * reported (leafScoresOf); a score outside 0…max found here (a score sheet read as it stands) is
 * clamped and reported the same way.
 */
export function computeUnitResultFromLeaves(
  c: CompiledDefinition,
  scores: LeafHundredths,
  timing: TimingInput,
  rules: ResultRules,
  issues: ResultIssue[] = [],
): UnitResult {
  const n = c.codes.length;
  // final | self | applicable | reduction, in hundredths; one allocation per unit.
  const t = f64Scratch(4 * n);
  const allNA = u8Scratch(n).fill(1);
  const unappraisedCodes: string[] = [];
  const notApplicableCodes: string[] = [];
  const leaves = c.leafIndices;
  const na = scores.notApplicable;
  const { finalH, selfH, scoredBy } = scores;
  for (let k = 0; k < leaves.length; k++) {
    const i = leaves[k]!;
    if ((na[k]! & 1) === 1) {
      notApplicableCodes.push(c.codes[i]!);
      continue;
    }
    const maxH = c.maxH[i]!;
    const f = finalH[k]!;
    const by = scoredBy?.[k] ?? c.codes[i]!;
    t[i] = clampWholeH(f, maxH, by, 'FINAL', issues);
    t[n + i] = clampWholeH(selfH[k]!, maxH, by, 'SELF', issues);
    t[2 * n + i] = maxH;
    allNA[i] = 0;
    if (f === NO_SCORE_H) unappraisedCodes.push(by);
  }
  for (let i = n - 1; i >= 0; i--) {
    const maxH = c.maxH[i]!;
    if (!c.isLeaf[i]) {
      // The applicable max of a group is its max less the max of the N/A items below. The group's
      // points are capped at that applicable max (scoreFramework caps at the max; the two agree when
      // nothing below is N/A) so a group whose items add up to more than the group allows cannot push a
      // unit with N/A items above 100 %.
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
  for (const r of c.roots) {
    finalTotal += t[r]!;
    selfTotal += t[n + r]!;
    maxTotal += c.maxH[r]!;
    applicableTotal += t[2 * n + r]!;
  }

  // 002 Điều 8.3: "tổng số điểm bị trừ đi 100" — the penalty comes off the total, never below 0.
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
    // 000 Điều 9.2.e, 002 Điều 8.4: not submitted, or late beyond the tolerance → the lowest band,
    // whatever the points.
    status = 'forced_lowest_band';
    band = lowestBand(rules.bands);
  } else if (!percent) {
    status = 'not_rankable';
    notRankableReason = 'no_applicable_max';
  }

  // Assigned in one fixed order (the plain document's key order), so every result has the same shape.
  const r = new LeafUnitResult(c, t, allNA) as unknown as Record<string, unknown>;
  r.status = status;
  if (notRankableReason) r.notRankableReason = notRankableReason;
  r.selfTotal = fromHundredths(selfTotal);
  r.finalTotal = fromHundredths(finalTotal);
  r.penaltyApplied = fromHundredths(penaltyApplied);
  r.finalAfterPenalty = fromHundredths(after);
  r.maxPoints = fromHundredths(maxTotal);
  r.applicableMax = fromHundredths(applicableTotal);
  r.percent = percent;
  r.selfPercent = exactPercent(selfTotal, applicableTotal);
  r.band = band;
  r.bandByScore = bandByScore;
  r.timing = { ...timing };
  r.unappraisedCodes = unappraisedCodes;
  r.notApplicableCodes = notApplicableCodes;
  r.complete = unappraisedCodes.length === 0;
  r.issues = issues;
  return r as unknown as UnitResult;
}

/** The result as a plain object (indicators and nodes as own properties): what computeUnitResult returns. */
export function plainResult(r: UnitResult): UnitResult {
  return r instanceof LeafUnitResult ? r.toJSON() : r;
}
