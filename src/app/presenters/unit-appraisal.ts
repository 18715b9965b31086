// What the unit sees of the council's work on its own form (issue 14 §1): per item the self score, the
// proposed score (when the campaign shows it), the final score, the delta, the reason and the comment —
// each only from the moment the campaign's rule allows (core/appraisal/unit-visibility.ts). Reasons go out
// as codes; the client words them.
import { scoreDelta, unitSeesReview } from '../../core/appraisal/index.ts';
import type { CampaignRules } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import type { AssessmentContext } from '../../db/queries/assessments.ts';
import { groupAppraisalClosed, loadReviewsOf } from '../../db/queries/item-reviews.ts';
import { latestPublished, snapshotView } from '../publication/public-snapshots.ts';

export interface UnitItemAppraisal {
  selfScore: number | null;
  proposedScore: number | null;
  proposedReason: string | null;
  proposedComment: string | null;
  finalScore: number | null;
  finalReason: string | null;
  finalComment: string | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
  /** Final − self, exact to the hundredth; null until both exist. */
  delta: number | null;
  decidedAt: string | null;
}

/** The unit's published result, read from the signed snapshot (the read model of published results). */
export interface UnitPublishedResult {
  selfTotal: number;
  finalTotal: number;
  penaltyPoints: number;
  finalAfterPenalty: number;
  applicableMax: number;
  percent: number | null;
  band: { code: string; label: string } | null;
  rank: number | null;
  groupSize: number;
  snapshotVersion: number;
  mainIndicators: { code: string; title: string; self: number; final: number; applicableMax: number }[];
}

export interface UnitAppraisalView {
  visibility: NonNullable<CampaignRules['unitResults']>['visibility'];
  groupClosed: boolean;
  published: boolean;
  /** The items the unit may see now; the others are absent. */
  items: Record<string, UnitItemAppraisal>;
  /** Once published: the unit's totals as the signed snapshot states them. */
  result: UnitPublishedResult | null;
}

async function publishedResultOf(db: Db, campaignId: string, unitId: string): Promise<UnitPublishedResult | null> {
  const meta = await latestPublished(db, campaignId);
  if (!meta) return null;
  const view = await snapshotView(db, meta);
  const hit = view.unitIndex.get(unitId);
  if (!hit) return null;
  const r = hit.row;
  return {
    selfTotal: r.selfTotal,
    finalTotal: r.finalTotal,
    penaltyPoints: r.penaltyPoints,
    finalAfterPenalty: r.finalAfterPenalty,
    applicableMax: r.applicableMax,
    percent: r.percent,
    band: r.band ? { code: r.band.code, label: r.band.label } : null,
    rank: r.rank,
    groupSize: hit.group.units.length,
    snapshotVersion: meta.version,
    mainIndicators: r.mainIndicators.map((m) => ({
      code: m.code,
      title: m.title,
      self: m.self,
      final: m.final,
      applicableMax: m.applicableMax,
    })),
  };
}

export async function unitAppraisalOf(
  db: Db,
  ctx: Pick<AssessmentContext, 'assessment' | 'campaign' | 'group' | 'unit'>,
  selfScores: ReadonlyMap<string, number | null>,
): Promise<UnitAppraisalView | null> {
  if (!['under_appraisal', 'approved', 'published', 'archived'].includes(ctx.campaign.status)) return null;
  const rules = ctx.campaign.rules.unitResults;
  const moment = {
    groupClosed: await groupAppraisalClosed(db, ctx.group.id),
    published: ['published', 'archived'].includes(ctx.campaign.status),
  };
  const reviews = await loadReviewsOf(db, ctx.assessment.id);
  const items: Record<string, UnitItemAppraisal> = {};
  for (const [code, r] of reviews) {
    const decided = r.finalScore !== null || r.notApplicable;
    const sees = unitSeesReview(rules, moment, { decided, proposed: r.proposedScore !== null });
    if (!sees.final && !sees.proposed) continue;
    const self = selfScores.get(code) ?? null;
    items[code] = {
      selfScore: self,
      proposedScore: sees.proposed ? r.proposedScore : null,
      proposedReason: sees.proposed ? r.proposedReason : null,
      proposedComment: sees.proposed ? r.proposedComment : null,
      finalScore: sees.final && !r.notApplicable ? r.finalScore : null,
      finalReason: sees.final ? r.finalReason : null,
      finalComment: sees.final ? r.finalComment : null,
      notApplicable: sees.final && r.notApplicable,
      notApplicableReason: sees.final && r.notApplicable ? r.notApplicableReason : null,
      delta: sees.final && !r.notApplicable ? scoreDelta(self, r.finalScore) : null,
      decidedAt: sees.final && r.finalAt ? new Date(r.finalAt).toISOString() : null,
    };
  }
  const result = moment.published ? await publishedResultOf(db, ctx.campaign.id, ctx.unit.id) : null;
  return { visibility: rules?.visibility ?? 'after_publication', ...moment, items, result };
}
