// The unit home page: assessments of the units where the caller is a reporter or the leader, in every
// campaign past its draft — the open ones first, then past forms (read-only, with their results) newest
// first, so a submitted form never disappears when the campaign moves on (issue 14 §1). Only those grants count (a system administrator's home page is not every
// unit's), and progress is read in the same statement from the stored progress (assessment_progress: src/core's
// figures, refreshed by the caller first — app/assessments/my-assessments.ts).
import { type SQL, inArray, like, or, sql } from 'drizzle-orm';
import type { CampaignRules } from '../../core/campaign/index.ts';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import { rowsOf } from './assessments.ts';
import type { ScopedActor } from './org-units.ts';
import { subtreePattern } from './unit-path.ts';

export interface MineRow {
  id: string;
  status: string;
  submittedAt: Date | null;
  campaign: { id: string; name: string; year: number; kind: string; status: string; rules: CampaignRules };
  unit: { id: string; code: string; name: string };
  deadline: string;
  itemsTotal: number;
  /** Items with any answer (core isItemAnswered). */
  answered: number;
  /** Items without a submission problem (core isItemComplete). */
  complete: number;
  selfTotal: number;
  selfApplicableMax: number;
}

function staffUnitsCondition(actor: ScopedActor): SQL | null {
  const grants = actor.grants.filter((g) => g.role === 'unit_reporter' || g.role === 'unit_leader');
  const conditions: SQL[] = [];
  for (const g of grants.filter((x) => x.subtree)) {
    const path = actor.grantPaths.get(g.unitId);
    if (path) conditions.push(like(orgUnits.path, subtreePattern(path)));
  }
  const single = grants.filter((x) => !x.subtree).map((x) => x.unitId);
  if (single.length > 0) conditions.push(inArray(orgUnits.id, single));
  return conditions.length > 0 ? or(...conditions)! : null;
}

interface Raw {
  id: string;
  status: string;
  submitted_at: string | Date | null;
  campaign_id: string;
  campaign_name: string;
  year: number;
  kind: string;
  campaign_status: string;
  rules: CampaignRules;
  unit_id: string;
  code: string;
  name: string;
  deadline: string;
  leaf_count: number;
  answered: number | null;
  complete: number | null;
  self_total: number | null;
  self_applicable_max: number | null;
}

export async function listMyAssessments(db: Db, actor: ScopedActor): Promise<MineRow[]> {
  const units = staffUnitsCondition(actor);
  if (!units) return [];
  const result = await db.execute(sql`
    select a.id, a.status, a.submitted_at, c.id as campaign_id, c.name as campaign_name, c.year, c.kind, c.status as campaign_status, c.rules,
      ${orgUnits.id} as unit_id, ${orgUnits.code} as code, ${orgUnits.name} as name, g.deadline_self_assessment::text as deadline, f.leaf_count,
      p.answered, p.complete, p.self_total, p.self_applicable_max
    from assessments a
    join campaigns c on c.id = a.campaign_id
    join campaign_groups g on g.id = a.campaign_group_id
    join frameworks f on f.id = g.framework_id
    join ${orgUnits} on ${orgUnits.id} = a.unit_id
    left join assessment_progress p on p.assessment_id = a.id
    where c.status <> 'draft' and ${units}
    order by (c.status = 'open') desc, case when c.status = 'open' then g.deadline_self_assessment end,
      c.year desc, g.deadline_self_assessment desc, ${orgUnits.code}`);
  return rowsOf<Raw>(result).map((r) => ({
    id: r.id,
    status: r.status,
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    campaign: {
      id: r.campaign_id,
      name: r.campaign_name,
      year: Number(r.year),
      kind: r.kind,
      status: r.campaign_status,
      rules: r.rules,
    },
    unit: { id: r.unit_id, code: r.code, name: r.name },
    deadline: r.deadline,
    itemsTotal: Number(r.leaf_count),
    answered: Number(r.answered ?? 0),
    complete: Number(r.complete ?? 0),
    selfTotal: Number(r.self_total ?? 0),
    selfApplicableMax: Number(r.self_applicable_max ?? 0),
  }));
}
