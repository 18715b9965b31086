// The dual ranking (issue 15 §2; as the national DTI 2024 was published twice, once for the 63 former
// provinces and once for the 34 current ones): a group of a campaign published on a former structure,
// ranked again as the CURRENT units, each unit's figure derived from its predecessors' published percents
// (lineage-average.ts, the same method as every derived comparison). The signed snapshot is only read:
// the inputs are the stored percents of the group's rows, never a recomputation.
//
// Which units are ranked: every unit reached forward from a unit of the group through the lineage in force
// on the viewer's date (effective date ≤ asOf) and active that day — a merger gives one successor several
// predecessors, a split gives a predecessor several successors (it counts in each), a chain (A → B → C) is
// followed to its end. A group unit still active that day ranks as itself; when it also absorbed others
// (a merger into an existing unit) its own percent counts as one of the averaged units.
// Percent: the derived value rounded half-up to 2 decimals, the figure shown; ranks compare that figure,
// so two units showing the same percent share the rank (competition ranking: 1, 2, 2, 4). Band: the
// campaign's bands applied to the derived percent. A unit none of whose predecessors has a published percent
// is listed "không có số liệu", without rank or band (never 0).
import type { BandRule } from '../framework/types.ts';
import { roundHalfUp } from '../framework/rounding.ts';
import { compareCodes } from '../text/vietnamese.ts';
import { classifyPercent, sortBands } from './bands.ts';
import {
  DEFAULT_PREDECESSOR_METHOD,
  type DerivedPercent,
  type DerivedPredecessor,
  type LineageLink,
  type PredecessorMethod,
  derivePercentFromPredecessors,
  predecessorMethodLabel,
} from './lineage-average.ts';

/** A stored row of the published group, as the snapshot holds it (percent with 2 decimals). */
export interface PublishedFigure {
  percent: number | null;
  finalAfterPenalty: number;
  applicableMax: number;
}

export interface DatedLineageLink extends LineageLink {
  effectiveDate: string;
}

export interface LineageUnit {
  id: string;
  code: string;
  activeFrom: string | null;
  /** Last day of activity (inclusive); null while active. */
  activeTo: string | null;
}

export interface DerivedRankingInput {
  /** The stored rows of the published group, by unit id. */
  figures: ReadonlyMap<string, PublishedFigure>;
  /** Lineage rows (any date; those effective after `asOf` are left out here). */
  links: readonly DatedLineageLink[];
  /** Every unit of the group and every unit the lineage reaches from them. */
  units: ReadonlyMap<string, LineageUnit>;
  /** The viewer's date (yyyy-mm-dd). */
  asOf: string;
  bands: readonly BandRule[];
  method?: PredecessorMethod;
}

export interface DerivedRankRow {
  unitId: string;
  /** Competition rank on the shown percent; null for a unit without data. */
  rank: number | null;
  sharedBy: number;
  percent: number | null;
  band: { code: string; label: string } | null;
  /** The unit was itself in the published group (unchanged, or absorbed others). */
  ownResult: boolean;
  /** The units averaged (direct predecessors, each with its own predecessors when it stood in by them). */
  predecessors: DerivedPredecessor[];
  counted: number;
  total: number;
  /** The lineage rows this row was derived through, with their effective dates. */
  lineage: DatedLineageLink[];
}

export interface DerivedRanking {
  asOf: string;
  method: DerivedPercent['method'];
  methodLabel: string;
  rows: DerivedRankRow[];
  distribution: { bands: { code: string; label: string; count: number }[]; noData: number; total: number };
}

export function activeOn(u: Pick<LineageUnit, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (!u.activeFrom || u.activeFrom <= day) && (!u.activeTo || u.activeTo >= day);
}

/** The id standing for "the unit together with the units it absorbed" (never a real id: not a UUID). */
const withOwn = (id: string) => `own+${id}`;

export function deriveRanking(input: DerivedRankingInput): DerivedRanking {
  const method = input.method ?? DEFAULT_PREDECESSOR_METHOD;
  const links = input.links.filter((l) => l.effectiveDate <= input.asOf && l.unitId !== l.predecessorId);
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, DatedLineageLink[]>();
  for (const l of links) {
    successors.set(l.predecessorId, [...(successors.get(l.predecessorId) ?? []), l.unitId]);
    predecessors.set(l.unitId, [...(predecessors.get(l.unitId) ?? []), l]);
  }

  // Forward from every unit of the group: the current units are those reached and active on asOf.
  const current = new Set<string>();
  const seen = new Set<string>();
  const queue = [...input.figures.keys()];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const unit = input.units.get(id);
    if (unit && activeOn(unit, input.asOf)) current.add(id);
    queue.push(...(successors.get(id) ?? []));
  }

  const byCode = (a: string, b: string) =>
    compareCodes(input.units.get(a)?.code ?? a, input.units.get(b)?.code ?? b) || (a < b ? -1 : a > b ? 1 : 0);
  const previous = new Map(
    [...input.figures].map(([id, f]) => [
      id,
      {
        percent: f.percent === null ? null : { numerator: Math.round(f.percent * 100), denominator: 10000 },
        finalAfterPenalty: f.finalAfterPenalty,
        applicableMax: f.applicableMax,
      },
    ]),
  );

  const rows: DerivedRankRow[] = [...current].sort(byCode).map((id) => {
    const own = input.figures.has(id);
    const direct = predecessors.get(id) ?? [];
    const lineage = lineageBack(id, predecessors);
    if (own && direct.length === 0) {
      const f = input.figures.get(id)!;
      const pct = f.percent === null ? null : roundHalfUp(f.percent, 2);
      return row(id, pct, true, [{ unitId: id, percent: pct, source: pct === null ? 'missing' : 'result' }], lineage);
    }
    const d = own
      ? derivePercentFromPredecessors(
          withOwn(id),
          [
            ...links,
            { unitId: withOwn(id), predecessorId: id },
            ...direct.map((l) => ({ unitId: withOwn(id), predecessorId: l.predecessorId })),
          ],
          previous,
          method,
        )
      : derivePercentFromPredecessors(id, links, previous, method);
    return row(id, d?.percent ?? null, own, d?.predecessors ?? [], lineage);
  });

  // Competition ranking on the shown percent; units without data last, unranked.
  const ranked = rows.filter((r) => r.percent !== null).sort((a, b) => hundredths(b) - hundredths(a));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && hundredths(prev) === hundredths(r) ? prev.rank : i + 1;
  });
  const counts = new Map<number, number>();
  for (const r of ranked) counts.set(r.rank!, (counts.get(r.rank!) ?? 0) + 1);
  const bands = sortBands(input.bands);
  for (const r of ranked) {
    r.sharedBy = counts.get(r.rank!)!;
    const b = classifyPercent({ numerator: hundredths(r), denominator: 10000 }, bands);
    r.band = { code: b.code, label: b.label };
  }
  // Equal ranks in code order (the sort above is stable on the code-ordered rows).
  const order = [...ranked, ...rows.filter((r) => r.percent === null)];
  return {
    asOf: input.asOf,
    method: method.kind === 'equal' ? 'equal' : method.by === 'population' ? 'weighted_population' : 'weighted_max',
    methodLabel: predecessorMethodLabel(method),
    rows: order,
    distribution: {
      bands: bands.map((b) => ({
        code: b.code,
        label: b.label,
        count: ranked.filter((r) => r.band!.code === b.code).length,
      })),
      noData: rows.length - ranked.length,
      total: rows.length,
    },
  };
}

function row(
  unitId: string,
  percent: number | null,
  ownResult: boolean,
  list: DerivedPredecessor[],
  lineage: DatedLineageLink[],
): DerivedRankRow {
  return {
    unitId,
    rank: null,
    sharedBy: 1,
    percent,
    band: null,
    ownResult,
    predecessors: list,
    counted: list.filter((p) => p.source !== 'missing').length,
    total: list.length,
    lineage,
  };
}

const hundredths = (r: DerivedRankRow) => Math.round(r.percent! * 100);

/** The lineage rows reachable backwards from `id` (each once; a cycle, refused on entry, would stop here). */
function lineageBack(id: string, predecessors: ReadonlyMap<string, DatedLineageLink[]>): DatedLineageLink[] {
  const out: DatedLineageLink[] = [];
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length) {
    for (const l of predecessors.get(queue.shift()!) ?? []) {
      out.push(l);
      if (!seen.has(l.predecessorId)) {
        seen.add(l.predecessorId);
        queue.push(l.predecessorId);
      }
    }
  }
  return out;
}
