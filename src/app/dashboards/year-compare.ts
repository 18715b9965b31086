// Year over year on the dashboards (001 I.1.2) with the engine's compareYears: this campaign's results
// against the same owner's previous published annual campaign, under the one comparability rule
// (src/core/results/comparability.ts): overall percent only between ranked annual assessments on the same
// index-set version or two versions joined by a confirmed mapping; main indicators only through that
// mapping (identity for the same version, the confirmed framework_mappings pairs otherwise); ranks only
// within the same group composition. A unit formed by a merger is compared through its predecessors.
import {
  type CodePair,
  type IndexSetLink,
  type UnitComparison,
  type UnitResult,
  compareWithPredecessors,
  compareYears,
  derivePercentFromPredecessors,
  identityPairs,
} from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { confirmedMapping } from '../../db/queries/dashboards.ts';
import { lineageOf } from '../../db/queries/lineage.ts';
import type { GroupResults, ResultSet } from './result-set.ts';
import type { YearGroupComparison } from '../../contract/dashboard-pages.ts';

export type MappingKind = IndexSetLink;

export interface GroupComparison {
  group: GroupResults;
  /** How each previous group's indicators were matched. */
  mappings: { previousGroupId: string; mapping: MappingKind }[];
  units: UnitComparison[];
}

async function pairsFor(
  db: Db,
  from: GroupResults,
  to: GroupResults,
): Promise<{ pairs: CodePair[]; mapping: MappingKind }> {
  if (from.frameworkId === to.frameworkId) return { pairs: identityPairs(to.definition), mapping: 'identity' };
  const confirmed = await confirmedMapping(db, from.frameworkId, to.frameworkId);
  return confirmed ? { pairs: confirmed, mapping: 'confirmed' } : { pairs: [], mapping: 'none' };
}

const LINK_ORDER: Record<IndexSetLink, number> = { none: 0, confirmed: 1, identity: 2 };

/** The campaigns' kinds ('annual' | 'progress'): a progress round is never compared. */
export interface SetKinds {
  current: string;
  previous: string;
}

/** Per current group: every unit (limited to `inScope` when given) compared with its previous-year result. */
export async function compareSets(
  db: Db,
  {
    current,
    previous,
    inScope,
    kinds,
  }: { current: ResultSet; previous: ResultSet; inScope: (unitId: string) => boolean; kinds: SetKinds },
): Promise<GroupComparison[]> {
  const out: GroupComparison[] = [];
  const previousResults = new Map<string, UnitResult>();
  const previousGroupOf = new Map<string, GroupResults>();
  for (const g of previous.groups)
    for (const e of g.entries) {
      previousResults.set(e.unitId, e.result);
      previousGroupOf.set(e.unitId, g);
    }
  for (const group of current.groups) {
    const mine = group.entries.filter((e) => inScope(e.unitId));
    const matched = new Set<string>();
    const units: UnitComparison[] = [];
    const mappings: GroupComparison['mappings'] = [];
    const links = new Map<string, MappingKind>();
    const linkTo = async (prev: GroupResults) => {
      const { pairs, mapping } = await pairsFor(db, prev, group);
      if (!links.has(prev.id)) mappings.push({ previousGroupId: prev.id, mapping });
      links.set(prev.id, mapping);
      return { pairs, mapping };
    };
    for (const prev of previous.groups) {
      const both = mine.filter((e) => prev.byUnit.has(e.unitId));
      if (both.length === 0) continue;
      const { pairs, mapping } = await linkTo(prev);
      const cmp = compareYears(
        { results: new Map(both.map((e) => [e.unitId, e.result])), ranking: group.ranked, kind: kinds.current },
        {
          results: new Map(both.map((e) => [e.unitId, prev.byUnit.get(e.unitId)!.result])),
          ranking: prev.ranked,
          kind: kinds.previous,
        },
        pairs,
        mapping,
      );
      units.push(...cmp.units);
      for (const e of both) matched.add(e.unitId);
    }
    // No result of its own last year: through its predecessors when it was formed by a merger, else "no_result".
    const fresh = mine.filter((e) => !matched.has(e.unitId));
    const snapshot = {
      results: new Map(fresh.map((e) => [e.unitId, e.result])),
      ranking: group.ranked,
      kind: kinds.current,
    };
    const alone = new Set<string>();
    for (const e of fresh) {
      const { links: lineage } = await lineageOf(db, e.unitId);
      const derived = lineage.length ? derivePercentFromPredecessors(e.unitId, lineage, previousResults) : null;
      if (!derived || derived.counted === 0) {
        alone.add(e.unitId);
        continue;
      }
      // The predecessors' index sets joined to this group's: the weakest link decides.
      const withData = new Set<GroupResults>();
      const walk = (list: typeof derived.predecessors) => {
        for (const p of list) {
          if (p.source === 'result') withData.add(previousGroupOf.get(p.unitId)!);
          walk(p.predecessors ?? []);
        }
      };
      walk(derived.predecessors);
      let link: IndexSetLink = 'identity';
      for (const g of withData) {
        const { mapping } = await linkTo(g);
        if (LINK_ORDER[mapping] < LINK_ORDER[link]) link = mapping;
      }
      units.push(compareWithPredecessors(e.unitId, snapshot, kinds.previous, derived.percent, link));
    }
    if (alone.size > 0) {
      const results = new Map([...snapshot.results].filter(([id]) => alone.has(id)));
      units.push(
        ...compareYears({ ...snapshot, results }, { results: new Map(), kind: kinds.previous }, [], 'none').units,
      );
    }
    units.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
    out.push({ group, mappings, units });
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);

/** Not-comparable units counted by reason (and its parameters), in order of first appearance. */
function reasonsOf(units: readonly UnitComparison[]): YearGroupComparison['notComparable'] {
  const out = new Map<string, YearGroupComparison['notComparable'][number]>();
  for (const u of units) {
    if (u.comparable || !u.reason) continue;
    const key = `${u.reason} ${JSON.stringify(u.params ?? {})}`;
    const row = out.get(key);
    if (row) row.units++;
    else out.set(key, { reason: u.reason, ...(u.params ? { params: u.params } : {}), units: 1 });
  }
  // The most frequent reason first, then by code: the same answer whatever order the units came in.
  return [...out.values()].sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));
}

/** A group's comparison in a few figures: units compared, mean delta, moved up/down, per main indicator. */
export function summariseComparison(c: GroupComparison): YearGroupComparison {
  const comparable = c.units.filter((u) => u.comparable && u.deltaPercent !== null);
  const deltas = comparable.map((u) => u.deltaPercent!);
  const indicators = c.group.definition.nodes.map((node) => {
    const rows = c.units.map((u) => u.indicators.find((i) => i.code === node.code)).filter((i) => i !== undefined);
    const ok = rows.filter((i) => i.comparable && i.deltaPercent !== null);
    const reasons = [...new Set(rows.filter((i) => !i.comparable).map((i) => i.reason!))].sort();
    return {
      code: node.code,
      title: node.title,
      comparable: ok.length > 0,
      comparableUnits: ok.length,
      averageDelta: mean(ok.map((i) => i.deltaPercent!)),
      notComparableReasons: reasons,
    };
  });
  return {
    group: { id: c.group.id, name: c.group.name },
    mappings: c.mappings,
    units: c.units.length,
    comparableUnits: comparable.length,
    averageDelta: mean(deltas),
    notComparable: reasonsOf(c.units),
    improved: deltas.filter((d) => d > 0).length,
    declined: deltas.filter((d) => d < 0).length,
    unchanged: deltas.filter((d) => d === 0).length,
    indicators,
  };
}
