// What it would take: the exact points a unit still needs for each higher band (accounting for the late
// penalty and its own applicable max), the items with points still available, and a pure what-if that
// recomputes band and rank for changed item scores without saving anything.
import type { BandRule } from '../framework/types.ts';
import { fromHundredths, toHundredths } from '../framework/rounding.ts';
import { compareCodes } from '../text/vietnamese.ts';
import { sortBands } from './bands.ts';
import { pointsForPercent } from './exact.ts';
import { rankGroup, type RankEntry, type RankOptions } from './ranking.ts';
import { computeUnitResult } from './unit-result.ts';
import type { ItemScoreInput, NodeTotals, ResultRules, UnitResult, UnitResultInput } from './types.ts';

export interface BandTarget {
  band: BandRule;
  /** Smallest final total after penalty reaching the band's bound on this unit's applicable max. */
  targetAfterPenalty: number;
  /** Final points (before penalty) still to gain: target + penalty − current final total. */
  pointsNeeded: number;
  /** False when the items' remaining points cannot cover it. */
  reachable: boolean;
}

export interface AvailableItem {
  code: string;
  /** max − final of the item. */
  available: number;
  /** What would actually reach the total: the item's gap, limited by the headroom of its groups. */
  effective: number;
}

export interface GapAnalysis {
  /** Why there are no targets: top band, forced lowest band (points cannot lift it), not rankable. */
  blockedBy?: 'top_band' | 'forced_lowest_band' | 'not_rankable';
  nextBand: BandTarget | null;
  /** Every band above the current one, nearest first. */
  targets: BandTarget[];
  /** Most the final total can still grow (all applicable items at max, group caps applied). */
  headroom: number;
  /** Applicable items with points still available, most first. */
  items: AvailableItem[];
}

/** Highest final total each node can still reach: its applicable max, or less if its children cannot fill it. */
function ceilings(nodes: Readonly<Record<string, NodeTotals>>): Map<string, number> {
  const children = new Map<string | null, string[]>();
  for (const [code, n] of Object.entries(nodes))
    children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), code]);
  const out = new Map<string, number>();
  const visit = (code: string): number => {
    const n = nodes[code]!;
    const cap = toHundredths(n.applicableMax);
    const value = n.isLeaf
      ? cap
      : Math.min(
          cap,
          (children.get(code) ?? []).reduce((s, k) => s + visit(k), 0),
        );
    out.set(code, value);
    return value;
  };
  for (const root of children.get(null) ?? []) visit(root);
  return out;
}

export function gapAnalysis(result: UnitResult, rules: ResultRules): GapAnalysis {
  const ceil = ceilings(result.nodes);
  const finalH = toHundredths(result.finalTotal);
  let ceilingTotal = 0;
  for (const ind of result.indicators) ceilingTotal += ceil.get(ind.code) ?? 0;
  const headroom = Math.max(0, ceilingTotal - finalH);

  const items: AvailableItem[] = [];
  for (const [code, n] of Object.entries(result.nodes)) {
    if (!n.isLeaf || n.notApplicable) continue;
    const gap = toHundredths(n.max) - toHundredths(n.final);
    if (gap <= 0) continue;
    // An item's points count only up to the room left in each group above it.
    let effective = gap;
    for (let p = n.parentCode; p !== null; p = result.nodes[p]!.parentCode) {
      const g = result.nodes[p]!;
      effective = Math.min(effective, Math.max(0, (ceil.get(p) ?? 0) - toHundredths(g.final)));
    }
    items.push({ code, available: fromHundredths(gap), effective: fromHundredths(effective) });
  }
  items.sort((a, b) => toHundredths(b.available) - toHundredths(a.available) || compareCodes(a.code, b.code));

  const base = { headroom: fromHundredths(headroom), items };
  if (result.status === 'not_rankable' || !result.bandByScore)
    return { ...base, blockedBy: 'not_rankable', nextBand: null, targets: [] };
  if (result.status === 'forced_lowest_band')
    return { ...base, blockedBy: 'forced_lowest_band', nextBand: null, targets: [] };

  const maxH = toHundredths(result.applicableMax);
  const penaltyH = Math.max(0, toHundredths(result.timing.penaltyPoints));
  const sorted = sortBands(rules.bands);
  const current = sorted.findIndex((b) => b.code === result.bandByScore!.code);
  const targets: BandTarget[] = [];
  for (let i = current - 1; i >= 0; i--) {
    const band = sorted[i]!;
    const target = pointsForPercent(band.minPercent, maxH);
    // The penalty comes off the raw total, so the raw total must reach target + penalty.
    const needed = Math.max(0, target + penaltyH - finalH);
    targets.push({
      band,
      targetAfterPenalty: fromHundredths(target),
      pointsNeeded: fromHundredths(needed),
      reachable: needed <= headroom,
    });
  }
  return {
    ...base,
    ...(targets.length === 0 ? { blockedBy: 'top_band' as const } : {}),
    nextBand: targets[0] ?? null,
    targets,
  };
}

export type ItemChanges = Readonly<Record<string, Partial<ItemScoreInput>>>;

export interface WhatIfContext {
  unitId: string;
  /** The group as it stands (this unit's entry, if present, is replaced by the recomputed one). */
  group: readonly RankEntry[];
  options: RankOptions;
}

export interface WhatIf {
  before: UnitResult;
  after: UnitResult;
  bandChanged: boolean;
  rankBefore: number | null;
  rankAfter: number | null;
}

function withChanges(input: UnitResultInput, changes: ItemChanges): UnitResultInput {
  const merged = new Map<string, ItemScoreInput>();
  const src = input.itemScores;
  const entries = src instanceof Map ? [...src.entries()] : Object.entries(src);
  for (const [code, v] of entries) if (v) merged.set(code, v);
  for (const [code, change] of Object.entries(changes)) {
    const old = merged.get(code) ?? { final: null, self: null, notApplicable: false };
    merged.set(code, { ...old, ...change });
  }
  return { ...input, itemScores: merged };
}

/** Recomputes the unit (and its rank in `context`, when given) with some item scores changed. Pure. */
export function whatIf(input: UnitResultInput, changes: ItemChanges, context?: WhatIfContext): WhatIf {
  const before = computeUnitResult(input);
  const after = computeUnitResult(withChanges(input, changes));
  let rankBefore: number | null = null;
  let rankAfter: number | null = null;
  if (context) {
    const others = context.group.filter((e) => e.unitId !== context.unitId);
    const rankIn = (result: UnitResult) =>
      rankGroup([...others, { unitId: context.unitId, result }], context.options).units.find(
        (u) => u.unitId === context.unitId,
      )!.rank;
    rankBefore = rankIn(before);
    rankAfter = rankIn(after);
  }
  return { before, after, bandChanged: before.band?.code !== after.band?.code, rankBefore, rankAfter };
}
