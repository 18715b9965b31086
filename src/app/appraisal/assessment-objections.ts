// GET /assessments/{id}/objections — one unit's objections (issue 14 §1) for whoever reads the assessment:
// each with its status and answer; the window; whether the caller may object now and on which items
// (core/policy itemObjectionRefusal); and, per open objection, whether the caller may answer it.
import {
  type ObjectionRefusal,
  canAnswerObjection,
  itemObjectionRefusal,
  objectionRefusal,
} from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { findAppraisalRow } from '../../db/queries/appraisal-context.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type ObjectionView, loadObjectionsOf } from '../../db/queries/item-objections.ts';
import { loadReviewsOf } from '../../db/queries/item-reviews.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { appraisalContextOf, assessmentNotFound } from './appraisal-access.ts';
import { objectionContextOf, unitSeesFinal, windowOf } from './objection-context.ts';

export interface AssessmentObjections {
  items: (ObjectionView & { mayAnswer: boolean })[];
  window: { from: 'approval' | 'publication'; opens: string; closes: string } | null;
  offered: boolean;
  refusal: ObjectionRefusal | null;
  /** Item codes the caller may object to now. */
  fileable: string[];
}

export interface AssessmentObjectionsOptions {
  actor: ScopedActor;
  assessmentId: string;
  now: Date;
}

export async function assessmentObjections(
  db: Db,
  { actor, assessmentId: id, now }: AssessmentObjectionsOptions,
): Promise<AssessmentObjections> {
  const row = await findAppraisalRow(db, actor, id);
  if (!row) throw assessmentNotFound();
  const ctx = await objectionContextOf(db, row, now);
  const items = await loadObjectionsOf(db, [id]);
  const refusal = objectionRefusal(actor, ctx);
  // Most campaigns offer no objection: the form asks on every load, so answer without reading more.
  if (!ctx.rules.objectionWindowDays && items.length === 0)
    return { items: [], window: null, offered: false, refusal, fileable: [] };
  const def = await loadDefinition(db, row.group.frameworkId);
  const open = new Set(items.filter((o) => o.status === 'open').map((o) => o.code));
  const reviews = refusal ? new Map() : await loadReviewsOf(db, id);
  const fileable = [...reviews.values()]
    .filter(
      (r) =>
        def?.leaves.has(r.code) &&
        itemObjectionRefusal(actor, ctx, {
          decided: r.finalAt != null,
          shownToUnit: unitSeesFinal(row, r),
          openObjection: open.has(r.code),
        }) === null,
    )
    .map((r) => r.code as string)
    .sort();
  const actx = appraisalContextOf(row);
  return {
    items: items.map((o) => {
      const node = def?.leaves.get(o.code);
      return { ...o, mayAnswer: o.status === 'open' && !!node && canAnswerObjection(actor, actx, node) };
    }),
    window: windowOf(ctx),
    offered: !!ctx.rules.objectionWindowDays,
    refusal,
    fileable,
  };
}
