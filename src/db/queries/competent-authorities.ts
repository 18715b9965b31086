// Who is the competent authority of each unit of a campaign (src/core/policy/competent-authority.ts): the
// unit's parent (the district) in a parent-unit group, else the campaign owner. One SQL home for that rule,
// read by approval, publication and the published result.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

const AUTHORITY_OF_UNIT = sql.raw(
  `case when g.appraiser = 'parent_unit' and u.parent_id is not null then u.parent_id else c.owner_unit_id end`,
);

export type RequiredApproval = {
  group_id: string;
  authority_id: string;
  authority_path: string;
  authority_name: string;
  approved: boolean;
};

/** Every (group, authority) pair the campaign needs an approval from, and whether it has it. */
export async function requiredApprovals(tx: Db, campaignId: string): Promise<RequiredApproval[]> {
  return rowsOf<RequiredApproval>(
    await tx.execute(sql`with req as (
        select distinct g.id as group_id, g.position as group_position, ${AUTHORITY_OF_UNIT} as authority_id
        from campaign_groups g join campaigns c on c.id = g.campaign_id
        join campaign_units cu on cu.campaign_group_id = g.id join org_units u on u.id = cu.unit_id
        where g.campaign_id = ${campaignId}::uuid)
      select req.group_id, req.authority_id, o.path as authority_path, o.name as authority_name,
        exists (select 1 from approvals a where a.campaign_group_id = req.group_id and a.authority_unit_id = req.authority_id) as approved
      from req join org_units o on o.id = req.authority_id
      -- A stable order people recognise (the province, then its units by code; the campaign's group order), not ids:
      -- the demo's decision numbers and the approval lists come out the same on every run.
      order by length(o.path) - length(replace(o.path, '/', '')), o.code, req.group_position, req.group_id`),
  );
}

/** The authority of every unit of the campaign: unit id → (group, authority). */
export async function unitAuthorities(
  tx: Db,
  campaignId: string,
): Promise<Map<string, { groupId: string; authorityId: string }>> {
  const rows = rowsOf<{ unit_id: string; group_id: string; authority_id: string }>(
    await tx.execute(sql`select cu.unit_id, g.id as group_id, ${AUTHORITY_OF_UNIT} as authority_id
      from campaign_groups g join campaigns c on c.id = g.campaign_id
      join campaign_units cu on cu.campaign_group_id = g.id join org_units u on u.id = cu.unit_id
      where g.campaign_id = ${campaignId}::uuid`),
  );
  return new Map(rows.map((r) => [r.unit_id, { groupId: r.group_id, authorityId: r.authority_id }]));
}

/** The (group, authority) parts of the campaign already published, as "groupId|authorityId". */
export async function publishedParts(tx: Db, campaignId: string): Promise<Set<string>> {
  const rows = rowsOf<{ k: string }>(
    await tx.execute(sql`select a.campaign_group_id || '|' || a.authority_unit_id as k
      from approvals a join campaign_groups g on g.id = a.campaign_group_id
      where g.campaign_id = ${campaignId}::uuid and a.published_at is not null`),
  );
  return new Set(rows.map((r) => r.k));
}
