// Brings the stored progress of forms up to date before a list reads it (docs/decisions/0014): the rows the
// triggers marked stale are recomputed with src/core's one definition (assessmentProgressOf: items answered,
// items complete, the self total over its applicable max) and written back. Only stale forms are read, so a
// 4,000-unit progress page pays for the forms changed since the last read (all of them once, the first time).
import { type AssessmentProgress, type ItemEntry, assessmentProgressOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import {
  type ComputedProgress,
  type ProgressItemRow,
  campaignsWithStaleProgress,
  loadProgressItems,
  staleProgress,
  storeProgress,
} from '../../db/queries/assessment-progress.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';

const CHUNK = 500;

export function entryOfRow(
  r: Pick<ProgressItemRow, 'code' | 'inputs' | 'selfScore' | 'explanation' | 'evidenceCount'>,
): ItemEntry {
  return {
    code: r.code,
    inputs: r.inputs,
    selfScore: r.selfScore,
    explanation: r.explanation,
    evidenceCount: r.evidenceCount,
  };
}

export async function refreshProgress(
  db: Db,
  scope: { campaignId: string } | { assessmentIds: readonly string[] },
  stopped: () => boolean = () => false,
): Promise<number> {
  const stale = await staleProgress(db, scope);
  const definitions = new Map<string, IndexedDefinition | null>();
  for (let start = 0; start < stale.length && !stopped(); start += CHUNK) {
    const part = stale.slice(start, start + CHUNK);
    const items = await loadProgressItems(
      db,
      part.map((s) => s.assessmentId),
    );
    const byAssessment = new Map<string, Map<string, ItemEntry>>();
    for (const r of items) {
      let m = byAssessment.get(r.assessmentId);
      if (!m) byAssessment.set(r.assessmentId, (m = new Map()));
      m.set(r.code, entryOfRow(r));
    }
    const out: ComputedProgress[] = [];
    for (const s of part) {
      if (!definitions.has(s.frameworkId)) definitions.set(s.frameworkId, await loadDefinition(db, s.frameworkId));
      const def = definitions.get(s.frameworkId);
      if (!def) continue;
      const p: AssessmentProgress = assessmentProgressOf(def.definition, byAssessment.get(s.assessmentId) ?? new Map());
      out.push({
        assessmentId: s.assessmentId,
        rev: s.rev,
        answered: p.answered,
        complete: p.complete,
        selfTotal: p.selfTotal,
        selfApplicableMax: p.selfApplicableMax,
      });
    }
    await storeProgress(db, out);
  }
  return stale.length;
}

/**
 * At start, in the background: every campaign with forms whose progress is stale or was never computed
 * (after migration 0016, all of them) is brought up to date, so no reader waits for the backfill — a
 * 4,000-unit campaign takes seconds. Several processes may run it at once: storeProgress writes a row only
 * for the revision it read, so they agree. Stops between chunks once `stopped()` says so (shutdown).
 */
export async function refreshStaleProgress(db: Db, stopped: () => boolean = () => false): Promise<number> {
  let forms = 0;
  for (const campaignId of await campaignsWithStaleProgress(db)) {
    if (stopped()) break;
    forms += await refreshProgress(db, { campaignId }, stopped);
  }
  return forms;
}
