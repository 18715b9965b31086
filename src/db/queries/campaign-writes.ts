// The campaign's own row: created as a draft, its settings and status changed, deleted while a draft, and the
// assessments it opens. Every change bumps row_version (optimistic concurrency of the campaign form).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { campaigns } from '../schema/campaigns.ts';
import { rowsOf } from './assessments.ts';
import type { CampaignRow } from './campaigns.ts';

export type NewCampaignRow = typeof campaigns.$inferInsert;

export async function insertCampaignRow(tx: Db, values: NewCampaignRow): Promise<CampaignRow> {
  const [row] = await tx.insert(campaigns).values(values).returning();
  return row!;
}

/** Name and rules, one version up. */
export async function updateCampaignSettings(
  tx: Db,
  id: string,
  values: { name: string; rules: CampaignRow['rules']; updatedAt: Date },
): Promise<CampaignRow> {
  const [after] = await tx
    .update(campaigns)
    .set({
      name: values.name,
      rules: values.rules,
      rowVersion: sql`${campaigns.rowVersion} + 1`,
      updatedAt: values.updatedAt,
    })
    .where(eq(campaigns.id, id))
    .returning();
  return after!;
}

/** A change to the campaign's groups or units is a change of the campaign: one version up. */
export async function bumpCampaignVersion(tx: Db, id: string, updatedAt: Date): Promise<void> {
  await tx
    .update(campaigns)
    .set({ rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt })
    .where(eq(campaigns.id, id));
}

export async function setCampaignStatus(tx: Db, id: string, status: string, updatedAt: Date): Promise<void> {
  await tx
    .update(campaigns)
    .set({ status, rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt })
    .where(eq(campaigns.id, id));
}

/** Groups and their units go with it (on delete cascade). */
export async function deleteCampaignRow(tx: Db, id: string): Promise<void> {
  await tx.delete(campaigns).where(eq(campaigns.id, id));
}

/** The months of the progress rounds already generated from an annual campaign. */
export async function progressRoundMonths(tx: Db, parentCampaignId: string): Promise<(number | null)[]> {
  const rows = await tx
    .select({ m: campaigns.progressMonths })
    .from(campaigns)
    .where(and(eq(campaigns.parentCampaignId, parentCampaignId), eq(campaigns.kind, 'progress')));
  return rows.map((r) => r.m);
}

/**
 * One empty assessment per participating unit, in one set-based INSERT … SELECT (4,000 units in one
 * statement); units that already have one are skipped. Returns how many were created.
 */
export async function createCampaignAssessments(tx: Db, campaignId: string): Promise<number> {
  const [created] = rowsOf<{ n: number }>(
    await tx.execute(sql`with created as (
      insert into assessments (campaign_id, campaign_group_id, unit_id)
      select ${campaignId}::uuid, cu.campaign_group_id, cu.unit_id
      from campaign_units cu join campaign_groups g on g.id = cu.campaign_group_id
      where g.campaign_id = ${campaignId}
      on conflict do nothing returning 1)
      select count(*)::int as n from created`),
  );
  return Number(created?.n ?? 0);
}
