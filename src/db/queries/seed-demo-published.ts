// The set-based statements of the demo's published years (src/seed/seed-demo-published.ts): its
// assessments with their units and groups, the self scores of an index set's assessments in one insert,
// and the reports received by official letter in one update. Saving ~13,000 items one by one, or
// recording each submission through its use case (~30 ms each), would take minutes.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments, campaignGroups } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { textArray, uuidArray } from './sql-arrays.ts';

/** The campaign's assessments with their unit (code, parent) and group (index set, appraiser); unordered. */
export async function assessmentsWithUnitAndGroup(db: Db, campaignId: string) {
  return db
    .select({
      id: assessments.id,
      unitId: assessments.unitId,
      code: orgUnits.code,
      parentId: orgUnits.parentId,
      groupId: assessments.campaignGroupId,
      frameworkId: campaignGroups.frameworkId,
      appraiser: campaignGroups.appraiser,
    })
    .from(assessments)
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, assessments.campaignGroupId))
    .where(eq(assessments.campaignId, campaignId));
}

export interface SeedSelfScores {
  /** Parallel arrays: item k is (assessmentIds[k], codes[k], scores[k]). */
  assessmentIds: string[];
  codes: string[];
  scores: number[];
  explanation: string;
  updatedBy: string;
  updatedAt: Date;
}

/** Self scores as saved items (version 1, no inputs), one row per (assessment, code). */
export async function insertSelfScores(tx: Db, s: SeedSelfScores): Promise<void> {
  await tx.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_by, updated_at)
        select x.aid, x.code, '{}'::jsonb, x.score, ${s.explanation}, 1, ${s.updatedBy}::uuid, ${s.updatedAt.toISOString()}::timestamptz
        from unnest(${uuidArray(s.assessmentIds)}, ${textArray(s.codes)}, ${`{${s.scores.join(',')}}`}::float8[]) as x(aid, code, score)`);
}

export interface SeedSubmission {
  assessmentId: string;
  at: Date;
  reference: string;
  daysLate: number;
  penaltyPoints: number;
  lowestBand: boolean;
}

/**
 * What recordSubmission writes per assessment (submitted by letter: channel 'external', its reference,
 * the verdict's lateness, penalty and lowest band, one row version up), for many at once; an assessment
 * already submitted is left as it is.
 */
export async function markSubmissionsReceived(
  tx: Db,
  o: { submittedBy: string; updatedAt: Date; submissions: readonly SeedSubmission[] },
): Promise<void> {
  const subs = o.submissions;
  await tx.execute(sql`update assessments a set status = 'submitted', submitted_at = x.at, submitted_by = ${o.submittedBy}::uuid, submission_channel = 'external',
        external_reference = x.ref, days_late = x.late, penalty_points = x.penalty, lowest_band = x.lowest, row_version = a.row_version + 1, updated_at = ${o.updatedAt.toISOString()}::timestamptz
      from unnest(${uuidArray(subs.map((x) => x.assessmentId))}, ${`{${subs.map((x) => x.at.toISOString()).join(',')}}`}::timestamptz[], ${textArray(subs.map((x) => x.reference))},
        ${`{${subs.map((x) => x.daysLate).join(',')}}`}::int[], ${`{${subs.map((x) => x.penaltyPoints).join(',')}}`}::float8[], ${`{${subs.map((x) => x.lowestBand).join(',')}}`}::boolean[])
        as x(id, at, ref, late, penalty, lowest)
      where a.id = x.id and a.status <> 'submitted'`);
}
