// The fixture's appraisal (`thuocdo fixture national`, last year's campaign): final scores written set-wise
// before the real close, approve and publish use cases run on them.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { columnArray } from './fixture-bulk.ts';

/** Final = self score for every item of every submitted assessment of the campaign, by the chair, at `finalAt`. */
export async function insertSelfScoresAsFinal(
  db: Db,
  o: { campaignId: string; finalBy: string; finalAt: Date },
): Promise<void> {
  await db.execute(sql`insert into item_reviews (assessment_id, code, final_score, final_by, final_at, version)
    select i.assessment_id, i.code, i.self_score, ${o.finalBy}::uuid, ${o.finalAt.toISOString()}::timestamptz, 1
    from assessment_items i join assessments a on a.id = i.assessment_id
    where a.campaign_id = ${o.campaignId}::uuid and a.status = 'submitted'`);
}

export type FixtureAdjustmentRow = [assessmentId: string, code: string, reason: string];

/** Lowers each listed final score by one point (never below 0; scores under 1 untouched), with its reason. */
export async function lowerFinalScores(db: Db, rows: readonly FixtureAdjustmentRow[]): Promise<void> {
  const arr = (k: number, type: string) => columnArray(rows, k, type);
  await db.execute(sql`update item_reviews r set final_score = greatest(0, r.final_score - 1), final_reason = v.reason, final_comment = 'Tài liệu kiểm chứng chưa thể hiện đủ số liệu'
      from unnest(${arr(0, 'uuid')}, ${arr(1, 'text')}, ${arr(2, 'text')}) as v(id, code, reason)
      where r.assessment_id = v.id and r.code = v.code and r.final_score >= 1`);
}
