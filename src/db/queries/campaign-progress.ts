// Per-unit progress of a campaign in one statement (the DX office's progress page, 4,000 units): status,
// items answered and complete and the self total (the stored progress, assessment_progress: src/core's
// figures, refreshed by the caller first — app/assessments/campaign-progress.ts) and the evidence count.
import { type SQL, sql } from 'drizzle-orm';
import { compareCodes, foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface ProgressRow {
  assessmentId: string;
  status: string;
  submittedAt: Date | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  lowestBand: boolean;
  groupId: string;
  deadline: string;
  unit: { id: string; code: string; name: string; parentName: string | null };
  itemsTotal: number;
  /** Items with any answer (core isItemAnswered): 0 = not started. */
  itemsAnswered: number;
  /** Items without a submission problem (core isItemComplete). */
  itemsDone: number;
  selfTotal: number;
  selfApplicableMax: number;
  evidenceCount: number;
}

interface Raw {
  id: string;
  status: string;
  submitted_at: string | Date | null;
  days_late: number | null;
  penalty_points: number | null;
  lowest_band: boolean;
  group_id: string;
  deadline: string;
  unit_id: string;
  code: string;
  name: string;
  parent_name: string | null;
  leaf_count: number;
  answered: number | null;
  complete: number | null;
  self_total: number | null;
  self_applicable_max: number | null;
  evidence_count: number | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `readable`: an extra SQL condition on `assessments` and `campaigns` (unaliased) limiting the rows. */
export async function campaignProgressRows(
  db: Db,
  campaignId: string,
  f: { groupId?: string; q?: string; readable?: SQL },
): Promise<ProgressRow[]> {
  const words = foldVietnamese(f.q ?? '')
    .split(' ')
    .filter(Boolean);
  const search = words.map(
    (w) =>
      sql` and (u.name_folded like ${`%${escapeLike(w)}%`} or lower(u.code) like ${`%${escapeLike(w.toLowerCase())}%`})`,
  );
  const result = await db.execute(sql`
    with mine as (select id from assessments where campaign_id = ${campaignId}),
    ev as (
      select e.assessment_id, count(distinct e.evidence_id)::int as evidence_count
      from item_evidence e join mine on mine.id = e.assessment_id group by e.assessment_id)
    select assessments.id, assessments.status, assessments.submitted_at, assessments.days_late, assessments.penalty_points,
      assessments.lowest_band, assessments.campaign_group_id as group_id,
      g.deadline_self_assessment::text as deadline, u.id as unit_id, u.code, u.name, p.name as parent_name, f.leaf_count,
      pr.answered, pr.complete, pr.self_total, pr.self_applicable_max, ev.evidence_count
    from assessments
    join campaigns on campaigns.id = assessments.campaign_id
    join campaign_groups g on g.id = assessments.campaign_group_id
    join frameworks f on f.id = g.framework_id
    join org_units u on u.id = assessments.unit_id
    left join org_units p on p.id = u.parent_id
    left join assessment_progress pr on pr.assessment_id = assessments.id
    left join ev on ev.assessment_id = assessments.id
    where assessments.campaign_id = ${campaignId}
      ${f.groupId ? sql` and assessments.campaign_group_id = ${f.groupId}` : sql``}
      ${f.readable ? sql` and ${f.readable}` : sql``}
      ${sql.join(search, sql``)}`);
  return rowsOf<Raw>(result)
    .map((r) => ({
      assessmentId: r.id,
      status: r.status,
      submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
      daysLate: r.days_late === null ? null : Number(r.days_late),
      penaltyPoints: r.penalty_points === null ? null : Number(r.penalty_points),
      lowestBand: r.lowest_band,
      groupId: r.group_id,
      deadline: r.deadline,
      unit: { id: r.unit_id, code: r.code, name: r.name, parentName: r.parent_name },
      itemsTotal: Number(r.leaf_count),
      itemsAnswered: Number(r.answered ?? 0),
      itemsDone: Number(r.complete ?? 0),
      selfTotal: Number(r.self_total ?? 0),
      selfApplicableMax: Number(r.self_applicable_max ?? 0),
      evidenceCount: Number(r.evidence_count ?? 0),
    }))
    .sort((x, y) => compareCodes(x.unit.code, y.unit.code));
}
