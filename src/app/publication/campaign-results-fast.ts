// The fast load of computeCampaignResults: scores arrive as one packed score sheet per assessment
// (campaign-score-sheets.ts; slots in framework_leaves order, kept by database triggers), are read into
// typed arrays in the compiled definition's leaf order and go through computeUnitResultFromLeaves — the
// one arithmetic, without per-item objects. Same inputs as the per-item path (itemScoresOf: a
// review's or the group's N/A, final null when N/A, self from the item), same outputs; a property test
// (test/api/results/score-sheets.test.ts) checks the two paths agree after random writes. A campaign
// whose group-wide N/A decision names a replacement returns null and takes the per-item path whole; a
// unit whose own sheet is irregular or missing takes it alone (campaign-results-reference.ts).
import { endianness } from 'node:os';
import {
  type CompiledDefinition,
  type LeafHundredths,
  NO_SCORE_H,
  compileDefinition,
  computeUnitResultFromLeaves,
} from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import {
  loadCampaignScoreSheets,
  loadGroupNotApplicable,
  loadSheetSlots,
} from '../../db/queries/campaign-score-sheets.ts';
import { type ScoredAssessment, loadCampaignScores } from '../../db/queries/campaign-scores.ts';

export type { ItemRow, LoadedEntries, ResultEntry };
import {
  type ItemRow,
  type LoadedEntries,
  type ResultCampaign,
  type ResultEntry,
  missingOf,
  referenceEntry,
  timingOf,
} from './campaign-results-reference.ts';
import type { GroupWithFramework } from '../../db/queries/campaigns.ts';
import type { IndexedDefinition } from '../../db/queries/framework-definitions.ts';

// Code lists repeat for every unit: parse each distinct one once into leaf positions (-1: not a leaf).
function positions(
  c: CompiledDefinition,
  leafPos: Map<number, number>,
  codes: string,
  cache: Map<string, Int32Array>,
): Int32Array {
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

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * One sheet as the engine's leaf arrays. Sheet: finals (int4 hundredths, big-endian, NO_SCORE_H = none)
 * ‖ selfs ‖ flag bytes (bit 1: N/A). `slotPos[j]` is the leaf position of slot j (-1: not a leaf of the
 * definition). When the slots are the leaves in order (always, unless the set changed under the sheet)
 * the arrays are views over the sheet's own bytes, swapped to the machine's order in place: no copy.
 */
function leafScores(
  data: Uint8Array,
  n: number,
  L: number,
  slotPos: Int32Array,
  identity: boolean,
  groupNa: Int32Array,
): LeafHundredths {
  if (identity && n === L && LITTLE_ENDIAN) {
    let bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes); // Int32Array needs 4-byte alignment
    bytes.subarray(0, 8 * n).swap32();
    const flags = bytes.subarray(8 * n, 9 * n);
    const notApplicable = groupNa.length === 0 ? flags : Uint8Array.from(flags);
    for (const k of groupNa) if (k >= 0) notApplicable[k] = 1;
    return {
      finalH: new Int32Array(bytes.buffer, bytes.byteOffset, n),
      selfH: new Int32Array(bytes.buffer, bytes.byteOffset + 4 * n, n),
      notApplicable,
    };
  }
  const finalH = new Int32Array(L).fill(NO_SCORE_H);
  const selfH = new Int32Array(L).fill(NO_SCORE_H);
  const notApplicable = new Uint8Array(L);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let j = 0; j < n; j++) {
    const k = slotPos[j]!;
    if (k < 0) continue;
    finalH[k] = view.getInt32(j * 4);
    selfH[k] = view.getInt32((n + j) * 4);
    notApplicable[k] = data[8 * n + j]! & 1;
  }
  for (const k of groupNa) if (k >= 0) notApplicable[k] = 1;
  return { finalH, selfH, notApplicable };
}

const points = (h: number) => (h === NO_SCORE_H ? null : h / 100);

export async function loadFastEntries(
  db: Db,
  o: { campaign: ResultCampaign; groups: readonly GroupWithFramework[]; defs: Map<string, IndexedDefinition> },
): Promise<LoadedEntries | null> {
  const { campaign, groups, defs } = o;
  const groupNotApplicable = await loadGroupNotApplicable(db, campaign.id);
  if (groupNotApplicable.some((n) => n.replacementCode)) return null;
  const rows = await loadCampaignScoreSheets(db, campaign.id);
  const byGroup = new Map(groups.map((g) => [g.id, g.frameworkId]));
  // A sheet the fast path cannot read as it stands (a replacement indicator, a raw score with more
  // decimals, a set changed under it): that unit alone takes the per-item path.
  const irregular = rows.filter(
    (r) =>
      !r.sheet ||
      r.sheet.irregular ||
      r.sheet.frameworkId !== byGroup.get(r.groupId) ||
      r.sheet.data.byteLength !== 9 * r.sheet.leafCount,
  );
  const perItem =
    irregular.length === 0
      ? new Map<string, ScoredAssessment>()
      : new Map(
          (
            await loadCampaignScores(
              db,
              campaign.id,
              irregular.map((r) => r.id),
            )
          ).assessments.map((a) => [a.id, a]),
        );
  const slots = await loadSheetSlots(db, [...new Set(byGroup.values())]);
  const perGroup = new Map<string, ResultEntry[]>();
  const missing: LoadedEntries['missing'] = [];
  for (const g of groups) {
    const def = defs.get(g.id)!;
    const c = compileDefinition(def.definition);
    const L = c.leafIndices.length;
    const leafPos = new Map(c.leafIndices.map((i, k) => [i, k]));
    const naCache = new Map<string, Int32Array>();
    const groupNa = positions(
      c,
      leafPos,
      groupNotApplicable
        .filter((n) => n.groupId === g.id)
        .map((n) => n.code)
        .join(','),
      naCache,
    );
    const slotPos = Int32Array.from(
      slots.get(g.frameworkId)!,
      (code) => leafPos.get(c.indexByCode.get(code) ?? -1) ?? -1,
    );
    const identity = slotPos.length === L && slotPos.every((k, j) => k === j);
    // The listing order of items and of missing decisions: the definition's leaves (natural order).
    const order = Int32Array.from(def.leaves.keys(), (code) => leafPos.get(c.indexByCode.get(code)!)!);
    const entries: ResultEntry[] = [];
    for (const a of rows) {
      if (a.groupId !== g.id) continue;
      const scored = perItem.get(a.id);
      if (scored) {
        entries.push(
          referenceEntry({
            assessment: scored,
            def,
            groupNa: groupNotApplicable,
            campaign,
            deadline: g.deadlineSelfAssessment,
          }),
        );
        missing.push(...missingOf([scored], defs, groupNotApplicable));
        continue;
      }
      const scores = leafScores(a.sheet!.data, a.sheet!.leafCount, L, slotPos, identity, groupNa);
      const { finalH, selfH } = scores;
      const na = scores.notApplicable;
      const result = computeUnitResultFromLeaves(
        c,
        scores,
        timingOf(a, campaign, g.deadlineSelfAssessment),
        campaign.rules,
      );
      if (a.status === 'submitted')
        for (const k of order)
          if ((na[k]! & 1) === 0 && finalH[k] === NO_SCORE_H)
            missing.push({ assessmentId: a.id, unitName: a.unit.name, code: c.codes[c.leafIndices[k]!]! });
      const items = (): ItemRow[] =>
        Array.from(order, (k) => ({
          code: c.codes[c.leafIndices[k]!]!,
          self: points(selfH[k]!),
          final: (na[k]! & 1) === 1 ? null : points(finalH[k]!),
          notApplicable: (na[k]! & 1) === 1,
          replacementCode: null,
        }));
      entries.push({
        unitId: a.unit.id,
        assessment: { id: a.id, unit: a.unit, status: a.status, daysLate: a.daysLate },
        result,
        items,
      });
    }
    perGroup.set(g.id, entries);
  }
  return { perGroup, missing, groupNotApplicable };
}
