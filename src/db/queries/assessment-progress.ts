// The stored progress of forms (assessment_progress, migration 0016): which rows are stale, the items they
// are recomputed from, and the guarded write back. The figures come from src/core only
// (core/campaign/assessment-progress.ts); this file moves rows (docs/decisions/0014).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface StaleProgress {
  assessmentId: string;
  frameworkId: string;
  /** The rev the figures will be computed for (0 when the row does not exist yet). */
  rev: number;
}

/** Forms of a campaign (or the named ones) whose stored progress lags their items. */
export async function staleProgress(
  db: Db,
  scope: { campaignId: string } | { assessmentIds: readonly string[] },
): Promise<StaleProgress[]> {
  let where: SQL;
  if ('campaignId' in scope) where = sql`a.campaign_id = ${scope.campaignId}`;
  else if (scope.assessmentIds.length === 0) return [];
  else where = sql`a.id = any(${`{${scope.assessmentIds.join(',')}}`}::uuid[])`;
  const result = await db.execute(sql`
    select a.id as assessment_id, g.framework_id, coalesce(p.rev, 0) as rev
    from assessments a
    join campaign_groups g on g.id = a.campaign_group_id
    left join assessment_progress p on p.assessment_id = a.id
    where ${where} and (p.assessment_id is null or p.computed_rev <> p.rev)`);
  return rowsOf<{ assessment_id: string; framework_id: string; rev: number }>(result).map((r) => ({
    assessmentId: r.assessment_id,
    frameworkId: r.framework_id,
    rev: Number(r.rev),
  }));
}

/** Campaigns with at least one form whose stored progress lags (or is missing), newest first. */
export async function campaignsWithStaleProgress(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    select c.id from campaigns c
    where exists (
      select 1 from assessments a left join assessment_progress p on p.assessment_id = a.id
      where a.campaign_id = c.id and (p.assessment_id is null or p.computed_rev <> p.rev))
    order by c.year desc, c.created_at desc`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export interface ProgressItemRow {
  assessmentId: string;
  code: string;
  inputs: Record<string, number | boolean | string | null>;
  selfScore: number | null;
  explanation: string;
  evidenceCount: number;
}

/** The items (with their evidence counts) the progress of these forms is computed from, in one statement. */
export async function loadProgressItems(db: Db, assessmentIds: readonly string[]): Promise<ProgressItemRow[]> {
  if (assessmentIds.length === 0) return [];
  const result = await db.execute(sql`
    with ids as (select unnest(${`{${assessmentIds.join(',')}}`}::uuid[]) as id),
    ev as (
      select e.assessment_id, e.code, count(*)::int as n
      from item_evidence e join ids on ids.id = e.assessment_id group by e.assessment_id, e.code)
    select i.assessment_id, i.code, i.inputs, i.self_score, i.explanation, coalesce(ev.n, 0) as evidence_count
    from assessment_items i join ids on ids.id = i.assessment_id
    left join ev on ev.assessment_id = i.assessment_id and ev.code = i.code`);
  return rowsOf<{
    assessment_id: string;
    code: string;
    inputs: Record<string, number | boolean | string | null> | string;
    self_score: number | null;
    explanation: string;
    evidence_count: number;
  }>(result).map((r) => ({
    assessmentId: r.assessment_id,
    code: r.code,
    inputs: typeof r.inputs === 'string' ? (JSON.parse(r.inputs) as ProgressItemRow['inputs']) : r.inputs,
    selfScore: r.self_score === null ? null : Number(r.self_score),
    explanation: r.explanation,
    evidenceCount: Number(r.evidence_count),
  }));
}

export interface ComputedProgress {
  assessmentId: string;
  rev: number;
  answered: number;
  complete: number;
  selfTotal: number;
  selfApplicableMax: number;
}

/**
 * Writes computed figures, each only if its form was not written since it was read (rev unchanged): a
 * concurrent item save has bumped rev, so its row stays stale and the next read recomputes it.
 */
export async function storeProgress(db: Db, rows: readonly ComputedProgress[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.assessmentId}::uuid, ${r.rev}::int, ${r.answered}::int, ${r.complete}::int, ${r.selfTotal}::float8, ${r.selfApplicableMax}::float8)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into assessment_progress as p (assessment_id, rev, computed_rev, answered, complete, self_total, self_applicable_max)
    select v.id, v.rev, v.rev, v.answered, v.complete, v.self_total, v.self_max
    from (values ${values}) as v(id, rev, answered, complete, self_total, self_max)
    where exists (select 1 from assessments a where a.id = v.id)
    order by v.id
    on conflict (assessment_id) do update set computed_rev = excluded.rev, answered = excluded.answered,
      complete = excluded.complete, self_total = excluded.self_total, self_applicable_max = excluded.self_applicable_max
    where p.rev = excluded.rev`);
}
