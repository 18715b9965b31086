// The fast load of computeCampaignResults: scores arrive as one row per assessment (array texts in code
// order, campaign-score-arrays.ts), are parsed into typed arrays in leaf order and go through
// computeUnitResultFromLeaves — the engine's arithmetic without per-item objects. Same inputs as the
// per-item path (itemScoresOf: a review's or the group's N/A, final null when N/A, self from the item),
// same outputs. A campaign where a replacement indicator is used (review or group decision) returns
// null and takes the per-item path, which carries replacement codes.
import { type CampaignRules } from '../../core/campaign/index.ts';
import { type CompiledDefinition, type UnitResult, compileDefinition, computeUnitResultFromLeaves } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type AssessmentScoreRow, loadCampaignScoreArrays, loadGroupNotApplicable } from '../../db/queries/campaign-score-arrays.ts';
import type { ScoredAssessment } from '../../db/queries/campaign-scores.ts';
import type { GroupWithFramework } from '../../db/queries/campaigns.ts';
import type { IndexedDefinition } from '../../db/queries/framework-definitions.ts';

export interface ItemRow {
  code: string;
  self: number | null;
  final: number | null;
  notApplicable: boolean;
  replacementCode: string | null;
}

export interface ResultEntry {
  unitId: string;
  assessment: Pick<ScoredAssessment, 'id' | 'unit' | 'status'>;
  result: UnitResult;
  items: () => ItemRow[];
}

export interface LoadedEntries {
  perGroup: Map<string, ResultEntry[]>;
  /** Submitted units × items without a decision, in the order missingFinals gives them. */
  missing: { assessmentId: string; unitName: string; code: string }[];
  groupNotApplicable: { groupId: string; code: string; reason: string; replacementCode: string | null }[];
}

type Timing = (a: AssessmentScoreRow, deadline: string) => UnitResult['timing'];

// Code lists repeat for every unit: parse each distinct one once into leaf positions (-1: not a leaf).
function positions(c: CompiledDefinition, leafPos: Map<number, number>, codes: string, cache: Map<string, Int32Array>): Int32Array {
  let hit = cache.get(codes);
  if (!hit) {
    const list = codes === '' ? [] : codes.split(',');
    hit = Int32Array.from(list, (code) => {
      const i = c.indexByCode.get(code);
      return i === undefined ? -1 : (leafPos.get(i) ?? -1);
    });
    cache.set(codes, hit);
  }
  return hit;
}

/** '{1.5,NULL,2}' → values at the given leaf positions (NULL → NaN, i.e. no score). */
function fill(target: Float64Array, pos: Int32Array, text: string | null): void {
  if (!text || text.length <= 2) return;
  const parts = text.slice(1, -1).split(',');
  for (let j = 0; j < parts.length && j < pos.length; j++) {
    const k = pos[j]!;
    if (k >= 0) target[k] = parts[j] === 'NULL' ? Number.NaN : Number(parts[j]);
  }
}

export async function loadFastEntries(db: Db, campaign: { id: string; rules: CampaignRules }, groups: readonly GroupWithFramework[], defs: Map<string, IndexedDefinition>, timing: Timing): Promise<LoadedEntries | null> {
  const groupNotApplicable = await loadGroupNotApplicable(db, campaign.id);
  if (groupNotApplicable.some((n) => n.replacementCode)) return null;
  const rows = await loadCampaignScoreArrays(db, campaign.id);
  if (rows.some((r) => r.usesReplacement)) return null;
  const perGroup = new Map<string, ResultEntry[]>();
  const missing: LoadedEntries['missing'] = [];
  const cache = new Map<string, Int32Array>();
  for (const g of groups) {
    const def = defs.get(g.id)!;
    const c = compileDefinition(def.definition);
    const L = c.leafIndices.length;
    const leafPos = new Map(c.leafIndices.map((i, k) => [i, k]));
    const naCache = new Map<string, Int32Array>();
    const groupNa = positions(c, leafPos, groupNotApplicable.filter((n) => n.groupId === g.id).map((n) => n.code).join(','), naCache);
    // The listing order of items and of missing decisions: the definition's leaves (natural order).
    const order = Int32Array.from(def.leaves.keys(), (code) => leafPos.get(c.indexByCode.get(code)!)!);
    const entries: ResultEntry[] = [];
    for (const a of rows) {
      if (a.groupId !== g.id) continue;
      const final = new Float64Array(L).fill(Number.NaN);
      const self = new Float64Array(L).fill(Number.NaN);
      const na = new Uint8Array(L);
      fill(final, positions(c, leafPos, a.reviewCodes, cache), a.finals);
      fill(self, positions(c, leafPos, a.selfCodes, cache), a.selfs);
      for (const k of groupNa) if (k >= 0) na[k] = 1;
      if (a.naCodes) for (const k of positions(c, leafPos, a.naCodes, naCache)) if (k >= 0) na[k] = 1;
      const result = computeUnitResultFromLeaves(c, { final, self, notApplicable: na }, timing(a, g.deadlineSelfAssessment), campaign.rules);
      if (a.status === 'submitted') for (const k of order) if (na[k] === 0 && Number.isNaN(final[k]!)) missing.push({ assessmentId: a.id, unitName: a.unit.name, code: c.codes[c.leafIndices[k]!]! });
      const items = (): ItemRow[] =>
        Array.from(order, (k) => ({ code: c.codes[c.leafIndices[k]!]!, self: Number.isNaN(self[k]!) ? null : self[k]!, final: na[k] === 1 || Number.isNaN(final[k]!) ? null : final[k]!, notApplicable: na[k] === 1, replacementCode: null }));
      entries.push({ unitId: a.unit.id, assessment: { id: a.id, unit: a.unit, status: a.status }, result, items });
    }
    perGroup.set(g.id, entries);
  }
  return { perGroup, missing, groupNotApplicable };
}
