// What the unit sees of the council's work on its own form (issue 14 §1): per item the self score, the
// proposed score (when the campaign shows it), the final score, the delta, the reason and the comment —
// each only from the moment the campaign's rule allows (core/appraisal/unit-visibility.ts). Reasons go out
// as codes; the client words them.
import { scoreDelta, unitSeesReview } from '../../core/appraisal/index.ts';
import type { CampaignRules } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import type { AssessmentContext } from '../../db/queries/assessments.ts';
import { groupAppraisalClosed, loadReviewsOf } from '../../db/queries/item-reviews.ts';

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

export interface UnitAppraisalView {
  visibility: NonNullable<CampaignRules['unitResults']>['visibility'];
  groupClosed: boolean;
  published: boolean;
  /** The items the unit may see now; the others are absent. */
  items: Record<string, UnitItemAppraisal>;
}

export async function unitAppraisalOf(
  db: Db,
  ctx: Pick<AssessmentContext, 'assessment' | 'campaign' | 'group'>,
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
  return { visibility: rules?.visibility ?? 'after_publication', ...moment, items };
}
