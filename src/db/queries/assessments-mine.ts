// The unit home page: assessments of the units where the caller is a reporter or the leader, in every
// campaign past its draft — the open ones first, then past forms (read-only, with their results) newest
// first, so a submitted form never disappears when the campaign moves on (issue 14 §1). Only those grants count (a system administrator's home page is not every
// unit's), and progress is aggregated in the same statement.
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
  filled: number;
  selfTotal: number;
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
  filled: number | null;
  self_total: number | null;
}

export async function listMyAssessments(db: Db, actor: ScopedActor): Promise<MineRow[]> {
  const units = staffUnitsCondition(actor);
  if (!units) return [];
  const result = await db.execute(sql`
    select a.id, a.status, a.submitted_at, c.id as campaign_id, c.name as campaign_name, c.year, c.kind, c.status as campaign_status, c.rules,
      ${orgUnits.id} as unit_id, ${orgUnits.code} as code, ${orgUnits.name} as name, g.deadline_self_assessment::text as deadline, f.leaf_count,
      s.filled, s.self_total
    from assessments a
    join campaigns c on c.id = a.campaign_id
    join campaign_groups g on g.id = a.campaign_group_id
    join frameworks f on f.id = g.framework_id
    join ${orgUnits} on ${orgUnits.id} = a.unit_id
    left join lateral (
      select count(*)::int as filled, sum(i.self_score) as self_total from assessment_items i
      where i.assessment_id = a.id and (i.self_score is not null or i.inputs <> '{}'::jsonb)) s on true
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
    filled: Number(r.filled ?? 0),
    selfTotal: Math.round(Number(r.self_total ?? 0) * 100) / 100,
  }));
}
