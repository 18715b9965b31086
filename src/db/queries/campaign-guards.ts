// What the guardrails of a campaign's transitions read (app/campaigns/transition-guards.ts judges it with
// src/core/campaign/guardrails.ts): each group's deadline and submissions, and the other campaigns sharing
// units with this one.
import { sql } from 'drizzle-orm';
import type { CampaignKind, CampaignOverlap, GroupSubmissions } from '../../core/campaign/index.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

/** Per group, in position order: its self-assessment deadline, its units and how many have submitted. */
export async function groupSubmissions(tx: Db, campaignId: string): Promise<GroupSubmissions[]> {
  const rows = rowsOf<{
    id: string;
    name: string;
    deadline: string;
    units: number | string;
    submitted: number | string;
  }>(
    await tx.execute(sql`select g.id, g.name, g.deadline_self_assessment::text as deadline,
        count(cu.unit_id)::int as units, count(a.id) filter (where a.status = 'submitted')::int as submitted
      from campaign_groups g
      left join campaign_units cu on cu.campaign_group_id = g.id
      left join assessments a on a.campaign_group_id = g.id and a.unit_id = cu.unit_id
      where g.campaign_id = ${campaignId}::uuid
      group by g.id, g.name, g.deadline_self_assessment, g.position order by g.position`),
  );
  return rows.map((r) => ({
    groupId: r.id,
    name: r.name,
    selfAssessment: r.deadline,
    units: Number(r.units),
    submitted: Number(r.submitted),
  }));
}

/**
 * Other campaigns (not drafts) sharing units with this one: same kind, and the same year or an
 * overlapping reporting period. Rounds of the same annual campaign are meant to coexist.
 */
export async function campaignOverlaps(
  tx: Db,
  c: { id: string; kind: string; year: number; parentCampaignId: string | null },
): Promise<CampaignOverlap[]> {
  const rows = rowsOf<{ id: string; name: string; year: number; kind: CampaignKind; units: number | string }>(
    await tx.execute(sql`select o.id, o.name, o.year, o.kind, count(distinct cu.unit_id)::int as units
      from campaign_groups g
      join campaign_units cu on cu.campaign_group_id = g.id
      join campaign_units cu2 on cu2.unit_id = cu.unit_id
      join campaign_groups g2 on g2.id = cu2.campaign_group_id and g2.campaign_id <> ${c.id}::uuid
      join campaigns o on o.id = g2.campaign_id
      where g.campaign_id = ${c.id}::uuid and o.status <> 'draft' and o.kind = ${c.kind}
        and (o.year = ${c.year} or (g2.reporting_from <= g.reporting_to and g.reporting_from <= g2.reporting_to))
        and (${c.parentCampaignId}::uuid is null or o.parent_campaign_id is distinct from ${c.parentCampaignId}::uuid)
      group by o.id, o.name, o.year, o.kind order by o.year desc, o.name`),
  );
  return rows.map((r) => ({
    campaignId: r.id,
    name: r.name,
    year: Number(r.year),
    kind: r.kind,
    units: Number(r.units),
  }));
}
