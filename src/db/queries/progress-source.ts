// Where a progress round's figures come from (000 Điều 7.2): for each unit, the latest earlier round of
// the same annual campaign in which the unit has an assessment, else the annual campaign itself. The
// same rule pre-fills a round when it opens and shows "progress since" on the assessment page.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { CampaignRules } from '../../core/campaign/types.ts';
import { rowsOf } from './assessments.ts';

export interface ProgressSource {
  assessmentId: string;
  campaignId: string;
  campaignName: string;
}

/** SQL (lateral body): the source assessment id for the unit `unitId` of a round of `parentId` at `months`. */
function sourceFor(unitId: unknown, parentId: string, months: number) {
  return sql`select s.id, sc.id as campaign_id, sc.name as campaign_name from assessments s join campaigns sc on sc.id = s.campaign_id
    where s.unit_id = ${unitId} and (sc.id = ${parentId} or (sc.parent_campaign_id = ${parentId} and sc.progress_months < ${months}))
    order by coalesce(sc.progress_months, 0) desc limit 1`;
}

export async function findProgressSource(
  db: Db,
  unitId: string,
  parentId: string,
  months: number,
): Promise<ProgressSource | null> {
  const [row] = rowsOf<{ id: string; campaign_id: string; campaign_name: string }>(
    await db.execute(sourceFor(unitId, parentId, months)),
  );
  return row ? { assessmentId: row.id, campaignId: row.campaign_id, campaignName: row.campaign_name } : null;
}

/**
 * Copies every unit's latest item inputs, self-scores, explanations and evidence links into the new
 * round's (empty) assessments: two set-based statements whatever the number of units.
 */
export async function prefillFromSources(
  db: Db,
  campaignId: string,
  parentId: string,
  months: number,
): Promise<{ items: number }> {
  const items = rowsOf<{ n: number }>(
    await db.execute(sql`with copied as (
      insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_by, updated_at)
      select a.id, si.code, si.inputs, si.self_score, si.explanation, 1, si.updated_by, si.updated_at
      from assessments a
      join lateral (${sourceFor(sql`a.unit_id`, parentId, months)}) src on true
      join assessment_items si on si.assessment_id = src.id
      where a.campaign_id = ${campaignId}
      on conflict do nothing returning 1)
      select count(*)::int as n from copied`),
  );
  await db.execute(sql`insert into item_evidence (assessment_id, code, evidence_id)
    select a.id, e.code, e.evidence_id
    from assessments a
    join lateral (${sourceFor(sql`a.unit_id`, parentId, months)}) src on true
    join item_evidence e on e.assessment_id = src.id
    where a.campaign_id = ${campaignId}
    on conflict do nothing`);
  return { items: Number(items[0]?.n ?? 0) };
}

export interface ProgressRelative {
  id: string;
  name: string;
  kind: string;
  status: string;
  rules: CampaignRules;
  progressMonths: number | null;
}

/**
 * What a progress round is compared with: its annual (parent) campaign, and the earlier rounds of that
 * campaign, latest first. Null when the campaign is not a progress round of an annual campaign.
 */
export async function findProgressRelatives(
  db: Db,
  campaignId: string,
): Promise<{ annual: ProgressRelative; earlier: ProgressRelative[] } | null> {
  type Row = {
    id: string;
    name: string;
    kind: string;
    status: string;
    rules: CampaignRules;
    progress_months: number | null;
  };
  const rows = rowsOf<Row & { role: string }>(
    await db.execute(sql`with me as (select parent_campaign_id, progress_months from campaigns
        where id = ${campaignId}::uuid and kind = 'progress' and parent_campaign_id is not null)
      select 'annual' as role, p.id, p.name, p.kind, p.status, p.rules, p.progress_months from campaigns p join me on p.id = me.parent_campaign_id
      union all
      select 'earlier' as role, r.id, r.name, r.kind, r.status, r.rules, r.progress_months from campaigns r join me on r.parent_campaign_id = me.parent_campaign_id
        where r.kind = 'progress' and r.progress_months < me.progress_months`),
  );
  const of = (r: Row): ProgressRelative => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    rules: r.rules,
    progressMonths: r.progress_months === null ? null : Number(r.progress_months),
  });
  const annual = rows.find((r) => r.role === 'annual');
  if (!annual) return null;
  const earlier = rows
    .filter((r) => r.role === 'earlier')
    .map(of)
    .sort((a, b) => (b.progressMonths ?? 0) - (a.progressMonths ?? 0));
  return { annual: of(annual), earlier };
}
