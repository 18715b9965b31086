// Everything the results of one campaign need, set-based: its assessments with the stored submission
// timing, every self score, every review (final, N/A, replacement) and the group-wide N/A decisions —
// four queries whatever the number of units.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface ScoredAssessment {
  id: string;
  groupId: string;
  unit: { id: string; code: string; name: string };
  status: string;
  submittedAt: Date | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  lowestBand: boolean;
  self: Map<string, number | null>;
  reviews: Map<string, { final: number | null; notApplicable: boolean; replacementCode: string | null }>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** `onlyIds`: just these assessments of the campaign (the units the score sheets cannot serve). */
export async function loadCampaignScores(db: Db, campaignId: string, onlyIds?: readonly string[]) {
  const only = onlyIds ? sql` and a.id = any(${`{${onlyIds.join(',')}}`}::uuid[])` : sql``;
  type A = {
    id: string;
    group_id: string;
    unit_id: string;
    code: string;
    name: string;
    status: string;
    submitted_at: string | Date | null;
    days_late: number | null;
    penalty_points: number | string | null;
    lowest_band: boolean;
  };
  const list = rowsOf<A>(
    await db.execute(sql`select a.id, a.campaign_group_id as group_id, a.unit_id, u.code, u.name, a.status, a.submitted_at, a.days_late, a.penalty_points, a.lowest_band
      from assessments a join org_units u on u.id = a.unit_id where a.campaign_id = ${campaignId}::uuid${only}`),
  );
  const byId = new Map<string, ScoredAssessment>(
    list.map((a) => [
      a.id,
      {
        id: a.id,
        groupId: a.group_id,
        unit: { id: a.unit_id, code: a.code, name: a.name },
        status: a.status,
        submittedAt: a.submitted_at ? new Date(a.submitted_at) : null,
        daysLate: num(a.days_late),
        penaltyPoints: num(a.penalty_points),
        lowestBand: Boolean(a.lowest_band),
        self: new Map(),
        reviews: new Map(),
      },
    ]),
  );
  const items = rowsOf<{ assessment_id: string; code: string; self_score: number | string | null }>(
    await db.execute(
      sql`select i.assessment_id, i.code, i.self_score from assessment_items i join assessments a on a.id = i.assessment_id where a.campaign_id = ${campaignId}::uuid${only}`,
    ),
  );
  for (const i of items) byId.get(i.assessment_id)?.self.set(i.code, num(i.self_score));
  const reviews = rowsOf<{
    assessment_id: string;
    code: string;
    final_score: number | string | null;
    not_applicable: boolean;
    replacement_code: string | null;
  }>(
    await db.execute(
      sql`select r.assessment_id, r.code, r.final_score, r.not_applicable, r.replacement_code from item_reviews r join assessments a on a.id = r.assessment_id where a.campaign_id = ${campaignId}::uuid${only}`,
    ),
  );
  for (const r of reviews)
    byId.get(r.assessment_id)?.reviews.set(r.code, {
      final: num(r.final_score),
      notApplicable: Boolean(r.not_applicable),
      replacementCode: r.replacement_code,
    });
  const groupNa = rowsOf<{ campaign_group_id: string; code: string; reason: string; replacement_code: string | null }>(
    await db.execute(
      sql`select n.campaign_group_id, n.code, n.reason, n.replacement_code from group_not_applicable n join campaign_groups g on g.id = n.campaign_group_id where g.campaign_id = ${campaignId}::uuid order by n.code`,
    ),
  );
  return {
    assessments: [...byId.values()],
    groupNotApplicable: groupNa.map((n) => ({
      groupId: n.campaign_group_id,
      code: n.code,
      reason: n.reason,
      replacementCode: n.replacement_code,
    })),
  };
}
