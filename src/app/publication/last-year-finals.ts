// Last year's final score of a unit's item, for the "large change since last year" flag: read from the
// latest published snapshot of an earlier annual campaign of the same owner — its verified view
// (public-snapshots.ts), never an unchecked payload — and carried to this year's
// codes only through the node mapping between the two index-set versions (identity for the same
// version; a confirmed framework_mappings row otherwise; several old nodes onto one new → none). No
// snapshot or no mapping → no figure (never matched by a code that merely looks the same).
import type { Db } from '../../db/client.ts';
import { confirmedMapping } from '../../db/queries/publication-sources.ts';
import { lastYearSnapshot } from '../../db/queries/snapshots.ts';
import { OperationError } from '../errors.ts';
import { snapshotView } from './public-snapshots.ts';

type SnapshotItem = { code: string; final: number | null; notApplicable: boolean };

/** unitId → (this year's code → last year's final), for units of one campaign. */
export async function lastYearFinals(
  db: Db,
  campaign: { ownerUnitId: string; year: number },
  units: readonly { unitId: string; frameworkId: string }[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (units.length === 0) return out;
  const prev = await lastYearSnapshot(db, campaign);
  if (!prev) return out;
  let view;
  try {
    view = await snapshotView(db, prev);
  } catch (err) {
    // A snapshot failing verification gives no figures (it is logged and audited where it was checked).
    if (err instanceof OperationError && err.code === 'PUBLICATION_UNVERIFIED') return out;
    throw err;
  }
  const frameworkOfGroup = new Map(view.payload.groups.map((g) => [g.id, g.frameworkId]));
  const rows: { unit_id: string; framework_id: string; items: SnapshotItem[] }[] = [];
  for (const unitId of new Set(units.map((u) => u.unitId))) {
    const hit = view.unitIndex.get(unitId);
    const frameworkId = hit ? frameworkOfGroup.get(hit.group.group.id) : undefined;
    if (hit && frameworkId) rows.push({ unit_id: unitId, framework_id: frameworkId, items: hit.row.items });
  }
  if (rows.length === 0) return out;
  const current = new Map(units.map((u) => [u.unitId, u.frameworkId]));
  const mappings = new Map<string, Map<string, string> | null>();
  for (const r of rows) {
    const to = current.get(r.unit_id);
    if (!to) continue;
    const key = `${r.framework_id} ${to}`;
    if (!mappings.has(key)) mappings.set(key, r.framework_id === to ? null : await loadMapping(db, r.framework_id, to));
    const mapping = mappings.get(key);
    if (mapping === undefined) continue;
    const finals = new Map<string, number>();
    const prevByCode = new Map((r.items ?? []).map((i) => [i.code, i]));
    const pairs: [string, string][] =
      mapping === null
        ? [...prevByCode.keys()].map((c) => [c, c])
        : [...mapping.entries()].map(([toCode, fromCode]) => [toCode, fromCode]);
    for (const [toCode, fromCode] of pairs) {
      const prev = prevByCode.get(fromCode);
      if (prev && !prev.notApplicable && prev.final !== null) finals.set(toCode, Number(prev.final));
    }
    out.set(r.unit_id, finals);
  }
  return out;
}

/** toCode → fromCode for codes mapped one to one; undefined-free map (empty when no mapping exists). */
async function loadMapping(db: Db, fromId: string, toId: string): Promise<Map<string, string>> {
  const pairs = (await confirmedMapping(db, fromId, toId)) ?? [];
  const counts = new Map<string, number>();
  const map = new Map<string, string>();
  for (const p of pairs) {
    counts.set(p.toCode, (counts.get(p.toCode) ?? 0) + 1);
    map.set(p.toCode, p.fromCode);
  }
  for (const [to, n] of counts) if (n > 1) map.delete(to);
  return map;
}
