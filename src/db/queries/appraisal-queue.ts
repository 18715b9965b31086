// The appraisal queue, set-based: the groups where the caller has a part (a seat on the council, or a
// role over the units' parents under the parent-unit rule) in one query; then every (submitted unit ×
// leaf) row of those groups with self score, inputs, review, evidence count and open request in ONE
// query (with the unit's supplements since the caller's last look); duplicates of evidence bytes (SHA-256) held by other units in ONE query; last year's finals
// from the previous published snapshot of the same owner. Abilities and flags are computed in core.
import { type SQL, sql } from 'drizzle-orm';
import type { CouncilPosition, MemberAssignment } from '../../core/appraisal/types.ts';
import type { CampaignRules } from '../../core/campaign/types.ts';
import type { Db } from '../client.ts';
import { memberKey } from './appraisal-bodies.ts';
import { rowsOf } from './assessments.ts';
import { type ScopedActor, unitsReachedCondition } from './org-units.ts';
import { uuidArray } from './sql-arrays.ts';

export interface WorkGroup {
  id: string;
  name: string;
  campaignId: string;
  campaignName: string;
  campaignStatus: string;
  campaignYear: number;
  ownerUnitId: string;
  rules: CampaignRules;
  frameworkId: string;
  bodyKind: 'council' | 'parent_unit';
  membership: { position: CouncilPosition; assignment: MemberAssignment } | null;
}

export async function findWorkGroups(
  db: Db,
  actor: ScopedActor,
  f: { campaignId?: string | undefined; groupId?: string | undefined },
): Promise<WorkGroup[]> {
  type Row = {
    id: string;
    name: string;
    campaign_id: string;
    campaign_name: string;
    status: string;
    year: number;
    owner_unit_id: string;
    rules: CampaignRules;
    framework_id: string;
    kind: string;
    position: string | null;
    assignment: MemberAssignment | null;
  };
  const rows = rowsOf<Row>(
    await db.execute(sql`select g.id, g.name, g.campaign_id, c.name as campaign_name, c.status, c.year, c.owner_unit_id, c.rules, g.framework_id,
        coalesce(b.kind, g.appraiser) as kind, m.position, m.assignment
      from campaign_groups g join campaigns c on c.id = g.campaign_id
      left join appraisal_bodies b on b.campaign_group_id = g.id
      left join appraisal_members m on m.body_id = b.id and m.user_id = ${memberKey(actor.userId)}::uuid
      where c.status in ('self_assessment_closed', 'under_appraisal') and b.closed_at is null
        and (m.id is not null or coalesce(b.kind, g.appraiser) = 'parent_unit')
        ${f.campaignId ? sql`and g.campaign_id = ${f.campaignId}::uuid` : sql``}
        ${f.groupId ? sql`and g.id = ${f.groupId}::uuid` : sql``}`),
  );
  return rows
    .filter((r) => r.kind === 'parent_unit' || r.position !== null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      campaignStatus: r.status,
      campaignYear: Number(r.year),
      ownerUnitId: r.owner_unit_id,
      rules: r.rules,
      frameworkId: r.framework_id,
      bodyKind: r.kind as 'council' | 'parent_unit',
      membership:
        r.kind === 'council' && r.position
          ? { position: r.position as CouncilPosition, assignment: r.assignment! }
          : null,
    }));
}

export interface QueueSqlRow {
  assessment_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  parent_id: string | null;
  parent_path: string | null;
  group_id: string;
  info: Record<string, number | null> | null;
  code: string;
  inputs: Record<string, number | boolean | string | null> | null;
  self_score: number | null;
  proposed_score: number | null;
  final_score: number | null;
  not_applicable: boolean | null;
  replacement_code: string | null;
  version: number;
  evidence_count: number;
  /** The unit wrote an explanation for the item. */
  explained: boolean;
  request_id: string | null;
  request_deadline: string | null;
  /** The unit's own supplements after the caller's last look at the item (001 II.3.b), if any. */
  supplements_since_look: { count: number; lastAt: string } | null;
  /** The latest figures another system supplied for the item (issue 15 §3), if any. */
  supplied: { inputs: Record<string, unknown>; source: string; suppliedAt: string } | null;
}

/** Roles that act for a parent unit (effectivePosition): only units whose parent they reach can be work. */
const PARENT_ROLES = ['council_chair', 'dx_office', 'council_member', 'support_team'] as const;

type UnitRow = {
  assessment_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  parent_id: string | null;
  parent_path: string | null;
  group_id: string;
  info: Record<string, number | null> | null;
  items: Record<string, [number | null, QueueSqlRow['inputs'], boolean]> | null;
  reviews: Record<string, [number | null, number | null, boolean, string | null, number]> | null;
  evidence: Record<string, number> | null;
  requests: Record<string, [string, string | null]> | null;
  supplements: Record<string, [number, string]> | null;
  supplied: Record<string, [Record<string, unknown>, string, string]> | null;
};

/**
 * ONE query, one row per unit: each unit's items, reviews, evidence counts and open requests are
 * aggregated by correlated subqueries on the (assessment_id, code) primary keys — an index-driven plan
 * that stays linear whatever the statistics say (a flat units × leaves join fell into nested loops on
 * fresh tables). The (unit × leaf) rows are then expanded in memory, leaves in the set's order.
 */
export async function loadQueueRows(
  db: Db,
  actor: ScopedActor,
  leaves: { groupId: string; code: string }[],
  parentGroups: readonly string[],
  f: { unitId?: string | undefined; code?: string | undefined },
): Promise<QueueSqlRow[]> {
  if (leaves.length === 0) return [];
  const groupIds = [...new Set(leaves.map((l) => l.groupId))];
  const reached = unitsReachedCondition(actor, PARENT_ROLES);
  // Under the parent-unit rule only the units whose parent the caller's roles reach are theirs.
  const parentFilter: SQL =
    parentGroups.length === 0
      ? sql``
      : sql`and (a.campaign_group_id <> all(${uuidArray([...parentGroups])}) or u.parent_id in (select org_units.id from org_units where ${reached ?? sql`true`}))`;
  const only = (alias: string) => (f.code ? sql`and ${sql.raw(alias)}.code = ${f.code}` : sql``);
  const units = rowsOf<UnitRow>(
    await db.execute(sql`select a.id as assessment_id, a.unit_id, u.code as unit_code, u.name as unit_name, u.path as unit_path, u.parent_id,
        pu.path as parent_path, a.campaign_group_id as group_id, a.info,
        (select jsonb_object_agg(i.code, jsonb_build_array(i.self_score, i.inputs, i.explanation <> '')) from assessment_items i where i.assessment_id = a.id ${only('i')}) as items,
        (select jsonb_object_agg(r.code, jsonb_build_array(r.proposed_score, r.final_score, r.not_applicable, r.replacement_code, r.version)) from item_reviews r where r.assessment_id = a.id ${only('r')}) as reviews,
        (select jsonb_object_agg(e.code, e.n) from (select ie.code, count(*) as n from item_evidence ie where ie.assessment_id = a.id ${only('ie')} group by ie.code) e) as evidence,
        (select jsonb_object_agg(q.code, jsonb_build_array(q.id, q.deadline)) from (select distinct on (rq.code) rq.code, rq.id, rq.deadline::text as deadline from item_requests rq
           where rq.assessment_id = a.id and rq.status <> 'closed' ${only('rq')} order by rq.code, rq.requested_at desc) q) as requests,
        (select jsonb_object_agg(s.code, jsonb_build_array(s.n, s.last_at)) from (select sp.code, count(*) as n, max(sp.supplied_at) as last_at from item_supplements sp
           left join item_looks lk on lk.assessment_id = sp.assessment_id and lk.code = sp.code and lk.user_id = ${memberKey(actor.userId)}::uuid
           where sp.assessment_id = a.id ${only('sp')} and (lk.looked_at is null or sp.supplied_at > lk.looked_at) group by sp.code) s) as supplements,
        (select jsonb_object_agg(f.code, jsonb_build_array(f.inputs, f.source, f.supplied_at)) from (select distinct on (sf.code) sf.code, sf.inputs, sf.source, sf.supplied_at from supplied_figures sf
           where sf.campaign_id = a.campaign_id and sf.unit_id = a.unit_id ${only('sf')} order by sf.code, sf.supplied_at desc) f) as supplied
      from assessments a
      join org_units u on u.id = a.unit_id
      left join org_units pu on pu.id = u.parent_id
      where a.campaign_group_id = any(${uuidArray(groupIds)}) and a.status = 'submitted' ${parentFilter}
        ${f.unitId ? sql`and a.unit_id = ${f.unitId}::uuid` : sql``}`),
  );
  const codesOf = new Map<string, string[]>();
  for (const l of leaves)
    if (!f.code || l.code === f.code)
      (codesOf.get(l.groupId) ?? codesOf.set(l.groupId, []).get(l.groupId)!).push(l.code);
  const out: QueueSqlRow[] = [];
  for (const u of units) {
    for (const code of codesOf.get(u.group_id) ?? []) {
      const item = u.items?.[code];
      const review = u.reviews?.[code];
      const request = u.requests?.[code];
      const supplements = u.supplements?.[code];
      const supplied = u.supplied?.[code];
      out.push({
        assessment_id: u.assessment_id,
        unit_id: u.unit_id,
        unit_code: u.unit_code,
        unit_name: u.unit_name,
        unit_path: u.unit_path,
        parent_id: u.parent_id,
        parent_path: u.parent_path,
        group_id: u.group_id,
        info: u.info,
        code,
        inputs: item?.[1] ?? null,
        self_score: item?.[0] ?? null,
        proposed_score: review?.[0] ?? null,
        final_score: review?.[1] ?? null,
        not_applicable: review?.[2] ?? null,
        replacement_code: review?.[3] ?? null,
        version: review?.[4] ?? 0,
        evidence_count: Number(u.evidence?.[code] ?? 0),
        explained: item?.[2] === true,
        request_id: request?.[0] ?? null,
        request_deadline: request?.[1] ?? null,
        supplements_since_look: supplements
          ? { count: Number(supplements[0]), lastAt: new Date(supplements[1]).toISOString() }
          : null,
        supplied: supplied
          ? { inputs: supplied[0], source: supplied[1], suppliedAt: new Date(supplied[2]).toISOString() }
          : null,
      });
    }
  }
  return out;
}

/** (assessment, code) → other units holding a document with the same bytes as one of the item's. */
export async function loadDuplicates(
  db: Db,
  groupIds: readonly string[],
): Promise<Map<string, { unitId: string; unitName: string }[]>> {
  const out = new Map<string, { unitId: string; unitName: string }[]>();
  if (groupIds.length === 0) return out;
  const rows = rowsOf<{ assessment_id: string; code: string; unit_id: string; unit_name: string }>(
    await db.execute(sql`select distinct ie.assessment_id, ie.code, d2.unit_id, ou.name as unit_name
      from item_evidence ie
      join assessments a on a.id = ie.assessment_id and a.campaign_group_id = any(${uuidArray([...groupIds])}) and a.status = 'submitted'
      join evidence_documents d on d.id = ie.evidence_id and d.sha256 is not null
      join evidence_documents d2 on d2.sha256 = d.sha256 and d2.unit_id <> a.unit_id
      join org_units ou on ou.id = d2.unit_id`),
  );
  for (const r of rows) {
    const key = `${r.assessment_id} ${r.code}`;
    const list = out.get(key) ?? [];
    list.push({ unitId: r.unit_id, unitName: r.unit_name });
    out.set(key, list);
  }
  return out;
}

export async function loadGroupNotApplicable(
  db: Db,
  groupIds: readonly string[],
): Promise<Map<string, { reason: string; replacementCode: string | null }>> {
  if (groupIds.length === 0) return new Map();
  const rows = rowsOf<{ campaign_group_id: string; code: string; reason: string; replacement_code: string | null }>(
    await db.execute(
      sql`select campaign_group_id, code, reason, replacement_code from group_not_applicable where campaign_group_id = any(${uuidArray([...groupIds])})`,
    ),
  );
  return new Map(
    rows.map((r) => [`${r.campaign_group_id} ${r.code}`, { reason: r.reason, replacementCode: r.replacement_code }]),
  );
}
