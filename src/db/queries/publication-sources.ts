// What a publication reads besides the snapshots themselves: a campaign's heading and approvals (the
// working draft of the official exports: app/publication/export-source.ts), the council's reasons per item
// (the scorecard), and the confirmed node mappings between index-set versions (year-over-year figures).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { rowsOf } from './assessments.ts';
import type { CampaignRow } from './campaigns.ts';
import { uuidArray } from './sql-arrays.ts';

/** A campaign with its owner unit's code and name, unscoped (the caller has checked access). */
export async function campaignWithOwner(
  db: Db,
  campaignId: string,
): Promise<{ campaign: CampaignRow; ownerCode: string; ownerName: string } | undefined> {
  const [c] = await db
    .select({ campaign: campaigns, ownerCode: orgUnits.code, ownerName: orgUnits.name })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId))
    .where(eq(campaigns.id, campaignId));
  return c;
}

/** Every approval decision of the campaign's groups. */
export { approvalsOfCampaign } from './appraisal-publication.ts';

export interface CouncilReasonRow {
  code: string;
  final_reason: string | null;
  final_comment: string | null;
  not_applicable: boolean;
  not_applicable_reason: string | null;
}

/** The council's decision reasons (and N/A reasons) on one unit's items in one campaign. */
export async function councilReasonRows(db: Db, campaignId: string, unitId: string): Promise<CouncilReasonRow[]> {
  return rowsOf<CouncilReasonRow>(
    await db.execute(sql`select r.code, r.final_reason, r.final_comment, r.not_applicable, r.not_applicable_reason from item_reviews r join assessments a on a.id = r.assessment_id
      where a.campaign_id = ${campaignId}::uuid and a.unit_id = ${unitId}::uuid`),
  );
}

/** The owner unit of a campaign (the unit an audit entry about its publication is filed under). */
export async function campaignOwnerUnitId(db: Db, campaignId: string): Promise<string | undefined> {
  return rowsOf<{ owner_unit_id: string }>(
    await db.execute(sql`select owner_unit_id from campaigns where id = ${campaignId}::uuid`),
  )[0]?.owner_unit_id;
}

/** Name, year, kind and owner of campaigns from their rows: the heading of a publication that failed verification. */
export async function campaignHeadings(
  db: Db,
  ids: readonly string[],
): Promise<
  Map<string, { id: string; name: string; year: number; kind: string; owner: { code: string; name: string } }>
> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{
    id: string;
    name: string;
    year: number | string;
    kind: string;
    owner_code: string;
    owner_name: string;
  }>(
    await db.execute(sql`select c.id, c.name, c.year, c.kind, o.code as owner_code, o.name as owner_name
      from campaigns c join org_units o on o.id = c.owner_unit_id where c.id = any(${uuidArray(ids)})`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, year: Number(r.year), kind: r.kind, owner: { code: r.owner_code, name: r.owner_name } },
    ]),
  );
}

/** Confirmed node mapping between two index-set versions, as {fromCode, toCode} pairs; null when none. */
export async function confirmedMapping(
  db: Db,
  fromId: string,
  toId: string,
): Promise<{ fromCode: string; toCode: string }[] | null> {
  const rows = rowsOf<{ pairs: { fromCode: string; toCode: string }[] }>(
    await db.execute(
      sql`select pairs from framework_mappings where from_id = ${fromId}::uuid and to_id = ${toId}::uuid`,
    ),
  );
  return rows[0]?.pairs ?? null;
}

/** Changes whenever a node mapping is confirmed or replaced: part of the unit page's ETag (its trend uses them). */
export async function mappingsStamp(db: Db): Promise<string> {
  const rows = rowsOf<{ n: number | string; last: string | Date | null }>(
    await db.execute(sql`select count(*) as n, max(confirmed_at) as last from framework_mappings`),
  );
  const r = rows[0];
  return `${Number(r?.n ?? 0)}:${r?.last ? new Date(r.last).toISOString() : ''}`;
}
