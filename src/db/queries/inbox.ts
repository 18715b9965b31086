// Reads behind the task inbox (GET /me/inbox): the council's open requests per assessment, the requests
// units have answered (waiting for the council), and each campaign's latest deadlines per stage. Each in
// ONE set-based statement over the ids the use case already holds.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import { uuidArray } from './sql-arrays.ts';

/** Open requests (not yet answered) per assessment: how many and the earliest reply deadline. */
export async function openRequestsOf(
  db: Db,
  assessmentIds: readonly string[],
): Promise<Map<string, { open: number; deadline: string | null }>> {
  if (assessmentIds.length === 0) return new Map();
  type Row = { assessment_id: string; n: number; deadline: string | null };
  const rows = rowsOf<Row>(
    await db.execute(sql`select assessment_id, count(*)::int as n, min(deadline)::text as deadline from item_requests
      where status = 'open' and assessment_id = any(${uuidArray([...assessmentIds])}) group by assessment_id`),
  );
  return new Map(rows.map((r) => [r.assessment_id, { open: Number(r.n), deadline: r.deadline }]));
}

/** "assessmentId code" of every request the unit has answered and the council has not closed yet. */
export async function answeredRequestKeys(db: Db, groupIds: readonly string[]): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  type Row = { assessment_id: string; code: string };
  const rows = rowsOf<Row>(
    await db.execute(sql`select distinct rq.assessment_id, rq.code from item_requests rq join assessments a on a.id = rq.assessment_id
      where rq.status = 'answered' and a.campaign_group_id = any(${uuidArray([...groupIds])})`),
  );
  return new Set(rows.map((r) => `${r.assessment_id} ${r.code}`));
}

export interface CampaignDeadlines {
  selfAssessment: string | null;
  appraisal: string | null;
  publication: string | null;
}

/** The latest deadline of each stage over a campaign's groups (a stage ends when its last group's does). */
export async function campaignDeadlines(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignDeadlines>> {
  if (campaignIds.length === 0) return new Map();
  type Row = { campaign_id: string; self: string | null; appraisal: string | null; publication: string | null };
  const rows = rowsOf<Row>(
    await db.execute(sql`select campaign_id, max(deadline_self_assessment)::text as self, max(deadline_appraisal)::text as appraisal,
        max(deadline_publication)::text as publication
      from campaign_groups where campaign_id = any(${uuidArray([...campaignIds])}) group by campaign_id`),
  );
  return new Map(
    rows.map((r) => [r.campaign_id, { selfAssessment: r.self, appraisal: r.appraisal, publication: r.publication }]),
  );
}

/** Whether each group's appraisal body is closed (groups without a body row are open). */
export async function closedGroups(db: Db, groupIds: readonly string[]): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  const rows = rowsOf<{ campaign_group_id: string }>(
    await db.execute(sql`select campaign_group_id from appraisal_bodies
      where closed_at is not null and campaign_group_id = any(${uuidArray([...groupIds])})`),
  );
  return new Set(rows.map((r) => r.campaign_group_id));
}

/** Each group's review deadlines: the support team's pre-review and the council's appraisal. */
export async function groupDeadlines(
  db: Db,
  groupIds: readonly string[],
): Promise<Map<string, { preReview: string | null; appraisal: string | null }>> {
  if (groupIds.length === 0) return new Map();
  type Row = { id: string; pre_review: string | null; appraisal: string | null };
  const rows = rowsOf<Row>(
    await db.execute(sql`select id, deadline_pre_review::text as pre_review, deadline_appraisal::text as appraisal
      from campaign_groups where id = any(${uuidArray([...groupIds])})`),
  );
  return new Map(rows.map((r) => [r.id, { preReview: r.pre_review, appraisal: r.appraisal }]));
}

/** Each unit's materialised path (for the policy's ancestry of campaign owners). */
export async function unitPaths(db: Db, unitIds: readonly string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = rowsOf<{ id: string; path: string }>(
    await db.execute(sql`select id, path from org_units where id = any(${uuidArray([...new Set(unitIds)])})`),
  );
  return new Map(rows.map((r) => [r.id, r.path]));
}

/**
 * Campaigns with objections someone must act on: one still waiting for its answer, or one upheld after the
 * campaign's latest publication (a corrected publication is due). Never published: upheld ones wait for the
 * first publication, nothing to correct.
 */
export async function campaignsWithObjectionWork(db: Db): Promise<string[]> {
  const rows = rowsOf<{ campaign_id: string }>(
    await db.execute(sql`select distinct g.campaign_id from item_objections o
      join assessments a on a.id = o.assessment_id
      join campaign_groups g on g.id = a.campaign_group_id
      where o.status = 'open'
        or (o.status = 'upheld' and o.answered_at > (select max(s.created_at) from snapshots s where s.campaign_id = g.campaign_id))`),
  );
  return rows.map((r) => r.campaign_id);
}
