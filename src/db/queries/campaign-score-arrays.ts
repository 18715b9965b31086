// A campaign's scores for the results, set-based and compact: ONE statement returns one row per
// assessment with its final and self scores aggregated by the database into array texts in code order
// (plus the codes, the N/A codes and whether a replacement is used), so 4,000 units × 100 items cross
// the wire as 4,000 rows instead of 800,000 — the row materialisation, not the SQL, dominated the
// per-item load (bench/results-recompute.bench.ts). The group-wide N/A decisions come as before.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface AssessmentScoreRow {
  id: string;
  groupId: string;
  unit: { id: string; code: string; name: string };
  status: string;
  submittedAt: Date | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  lowestBand: boolean;
  /** Review codes, comma-joined, in the order of `finals` ('' when none). */
  reviewCodes: string;
  /** PostgreSQL array text of final scores ('{1.5,NULL,…}'), or null without reviews. */
  finals: string | null;
  /** Codes the council declared N/A, comma-joined (null when none). */
  naCodes: string | null;
  /** A review names a replacement indicator: the per-item path handles it. */
  usesReplacement: boolean;
  selfCodes: string;
  selfs: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function loadCampaignScoreArrays(db: Db, campaignId: string): Promise<AssessmentScoreRow[]> {
  type R = {
    id: string; group_id: string; unit_id: string; code: string; name: string; status: string; submitted_at: string | Date | null; days_late: number | null;
    penalty_points: number | string | null; lowest_band: boolean; review_codes: string | null; finals: string | null; na_codes: string | null; repl: boolean | null; self_codes: string | null; selfs: string | null;
  };
  const rows = rowsOf<R>(
    await db.execute(sql`with mine as (select id from assessments where campaign_id = ${campaignId}::uuid),
      r as (select assessment_id, string_agg(code, ',' order by code) as codes, array_agg(final_score order by code)::text as finals,
          string_agg(case when not_applicable then code end, ',') as na, bool_or(replacement_code is not null) as repl
        from item_reviews where assessment_id in (select id from mine) group by assessment_id),
      i as (select assessment_id, string_agg(code, ',' order by code) as codes, array_agg(self_score order by code)::text as selfs
        from assessment_items where assessment_id in (select id from mine) group by assessment_id)
      select a.id, a.campaign_group_id as group_id, a.unit_id, u.code, u.name, a.status, a.submitted_at, a.days_late, a.penalty_points, a.lowest_band,
        r.codes as review_codes, r.finals, r.na as na_codes, r.repl, i.codes as self_codes, i.selfs
      from assessments a join org_units u on u.id = a.unit_id left join r on r.assessment_id = a.id left join i on i.assessment_id = a.id
      where a.campaign_id = ${campaignId}::uuid`),
  );
  return rows.map((a) => ({
    id: a.id,
    groupId: a.group_id,
    unit: { id: a.unit_id, code: a.code, name: a.name },
    status: a.status,
    submittedAt: a.submitted_at ? new Date(a.submitted_at) : null,
    daysLate: num(a.days_late),
    penaltyPoints: num(a.penalty_points),
    lowestBand: Boolean(a.lowest_band),
    reviewCodes: a.review_codes ?? '',
    finals: a.finals,
    naCodes: a.na_codes,
    usesReplacement: Boolean(a.repl),
    selfCodes: a.self_codes ?? '',
    selfs: a.selfs,
  }));
}

export async function loadGroupNotApplicable(db: Db, campaignId: string) {
  const rows = rowsOf<{ campaign_group_id: string; code: string; reason: string; replacement_code: string | null }>(
    await db.execute(sql`select n.campaign_group_id, n.code, n.reason, n.replacement_code from group_not_applicable n join campaign_groups g on g.id = n.campaign_group_id where g.campaign_id = ${campaignId}::uuid order by n.code`),
  );
  return rows.map((n) => ({ groupId: n.campaign_group_id, code: n.code, reason: n.reason, replacementCode: n.replacement_code }));
}
