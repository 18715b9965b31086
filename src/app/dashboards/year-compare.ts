// Year over year on the dashboards (001 I.1.2) with the engine's compareYears: this campaign's results
// against the same owner's previous published annual campaign. Main indicators are matched only
// through a node mapping: identity when both years used the same index-set version, the confirmed
// framework_mappings pairs otherwise — none confirmed → every indicator "not comparable" (no_mapping).
import { type CodePair, type UnitComparison, compareYears, identityPairs } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { confirmedMapping } from '../../db/queries/dashboards.ts';
import type { GroupResults, ResultSet } from './result-set.ts';
import type { YearGroupComparison } from '../../contract/dashboard-pages.ts';

export type MappingKind = 'identity' | 'confirmed' | 'none';

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

/** Per current group: every unit (limited to `inScope` when given) compared with its previous-year result. */
export async function compareSets(
  db: Db,
  current: ResultSet,
  previous: ResultSet,
  inScope: (unitId: string) => boolean,
): Promise<GroupComparison[]> {
  const out: GroupComparison[] = [];
  for (const group of current.groups) {
    const mine = group.entries.filter((e) => inScope(e.unitId));
    const matched = new Set<string>();
    const units: UnitComparison[] = [];
    const mappings: GroupComparison['mappings'] = [];
    for (const prev of previous.groups) {
      const both = mine.filter((e) => prev.byUnit.has(e.unitId));
      if (both.length === 0) continue;
      const { pairs, mapping } = await pairsFor(db, prev, group);
      mappings.push({ previousGroupId: prev.id, mapping });
      const cmp = compareYears(
        { results: new Map(both.map((e) => [e.unitId, e.result])), ranking: group.ranked },
        { results: new Map(both.map((e) => [e.unitId, prev.byUnit.get(e.unitId)!.result])), ranking: prev.ranked },
        pairs,
      );
      units.push(...cmp.units);
      for (const e of both) matched.add(e.unitId);
    }
    // New units (no result last year): compared with nothing, so "not comparable".
    const fresh = mine.filter((e) => !matched.has(e.unitId));
    if (fresh.length > 0)
      units.push(
        ...compareYears(
          { results: new Map(fresh.map((e) => [e.unitId, e.result])), ranking: group.ranked },
          { results: new Map() },
          [],
        ).units,
      );
    out.push({ group, mappings, units });
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);

/** A group's comparison in a few figures: units compared, mean delta, moved up/down, per main indicator. */
export function summariseComparison(c: GroupComparison): YearGroupComparison {
  const comparable = c.units.filter((u) => u.comparable && u.deltaPercent !== null);
  const deltas = comparable.map((u) => u.deltaPercent!);
  const indicators = c.group.definition.nodes.map((node) => {
    const rows = c.units.map((u) => u.indicators.find((i) => i.code === node.code)).filter((i) => i !== undefined);
    const ok = rows.filter((i) => i.comparable && i.deltaPercent !== null);
    const reasons = [...new Set(rows.filter((i) => !i.comparable).map((i) => i.reason!))];
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
    improved: deltas.filter((d) => d > 0).length,
    declined: deltas.filter((d) => d < 0).length,
    unchanged: deltas.filter((d) => d === 0).length,
    indicators,
  };
}
