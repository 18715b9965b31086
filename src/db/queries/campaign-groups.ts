// A campaign's groups and their participating units (campaign_units), as the DX office sets them up while
// the campaign is a draft, and the checks they need: the pinned index-set version, the unit group, the units
// under the owner unit and the units already in another group of the same campaign.
import { and, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { campaignGroups, campaignUnits } from '../schema/campaigns.ts';
import { frameworks } from '../schema/frameworks.ts';
import { orgUnits, unitGroups } from '../schema/org.ts';
import type { CampaignGroupRow } from './campaigns.ts';
import { uuidArray } from './sql-arrays.ts';
import { subtreePattern } from './unit-path.ts';

export type NewCampaignGroupRow = typeof campaignGroups.$inferInsert;

/**
 * The version with its definition, share-locked until the campaign's transaction ends, so an archive (which
 * locks it for update and refuses a version a running campaign uses) cannot slip in between the check and
 * the campaign's commit.
 */
export async function shareLockFramework(tx: Db, frameworkId: string) {
  const [fw] = await tx
    .select({
      id: frameworks.id,
      status: frameworks.status,
      code: frameworks.code,
      version: frameworks.version,
      definition: frameworks.definition,
    })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .limit(1)
    .for('share');
  return fw ?? null;
}

export async function unitGroupName(tx: Db, unitGroupId: string): Promise<{ id: string; name: string } | null> {
  const [g] = await tx
    .select({ id: unitGroups.id, name: unitGroups.name })
    .from(unitGroups)
    .where(eq(unitGroups.id, unitGroupId))
    .limit(1);
  return g ?? null;
}

/** Which of these units lie under the owner unit's path (read 5,000 ids at a time). */
export async function unitIdsInSubtree(tx: Db, ids: readonly string[], ownerPath: string): Promise<Set<string>> {
  const inside = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, ids.slice(i, i + 5000)), like(orgUnits.path, subtreePattern(ownerPath))));
    for (const r of rows) inside.add(r.id);
  }
  return inside;
}

/** The next position after the campaign's last group (0 for the first). */
export async function nextGroupPosition(tx: Db, campaignId: string): Promise<number> {
  const [pos] = await tx
    .select({ n: sql<number>`coalesce(max(${campaignGroups.position}) + 1, 0)::int` })
    .from(campaignGroups)
    .where(eq(campaignGroups.campaignId, campaignId));
  return Number(pos?.n ?? 0);
}

export async function insertCampaignGroup(tx: Db, values: NewCampaignGroupRow): Promise<string> {
  const [row] = await tx.insert(campaignGroups).values(values).returning({ id: campaignGroups.id });
  return row!.id;
}

/** The group of this campaign, row-locked for a change (null when it is not the campaign's). */
export async function lockCampaignGroup(tx: Db, campaignId: string, groupId: string): Promise<CampaignGroupRow | null> {
  const [row] = await tx
    .select()
    .from(campaignGroups)
    .where(and(eq(campaignGroups.id, groupId), eq(campaignGroups.campaignId, campaignId)))
    .for('update');
  return row ?? null;
}

export async function updateCampaignGroup(
  tx: Db,
  groupId: string,
  values: Omit<NewCampaignGroupRow, 'id' | 'campaignId' | 'unitGroupId' | 'position'>,
): Promise<CampaignGroupRow> {
  const [after] = await tx.update(campaignGroups).set(values).where(eq(campaignGroups.id, groupId)).returning();
  return after!;
}

export async function setGroupSelfAssessmentDeadline(tx: Db, groupId: string, date: string): Promise<void> {
  await tx.update(campaignGroups).set({ deadlineSelfAssessment: date }).where(eq(campaignGroups.id, groupId));
}

/** Deletes the group of this campaign (its units cascade); the removed row, or null when it is not the campaign's. */
export async function deleteCampaignGroup(
  tx: Db,
  campaignId: string,
  groupId: string,
): Promise<CampaignGroupRow | null> {
  const [removed] = await tx
    .delete(campaignGroups)
    .where(and(eq(campaignGroups.id, groupId), eq(campaignGroups.campaignId, campaignId)))
    .returning();
  return removed ?? null;
}

export async function campaignGroupUnitIds(tx: Db, groupId: string): Promise<string[]> {
  const units = await tx
    .select({ id: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignGroupId, groupId));
  return units.map((u) => u.id);
}

/** Units of the list that already take part in another group of the campaign, with that group's name. */
export async function unitsInOtherGroups(
  tx: Db,
  campaignId: string,
  groupId: string,
  unitIds: string[],
): Promise<{ unitId: string; groupName: string }[]> {
  return tx
    .select({ unitId: campaignUnits.unitId, groupName: campaignGroups.name })
    .from(campaignUnits)
    .innerJoin(campaignGroups, eq(campaignGroups.id, campaignUnits.campaignGroupId))
    .where(
      and(
        eq(campaignGroups.campaignId, campaignId),
        ne(campaignGroups.id, groupId),
        inArray(campaignUnits.unitId, unitIds),
      ),
    );
}

/** The group's units become exactly these (one unnest statement for thousands of units). */
export async function replaceGroupUnits(tx: Db, groupId: string, unitIds: readonly string[]): Promise<void> {
  await tx.delete(campaignUnits).where(eq(campaignUnits.campaignGroupId, groupId));
  if (unitIds.length > 0) {
    await tx.execute(
      sql`insert into campaign_units (campaign_group_id, unit_id) select ${groupId}::uuid, unnest(${uuidArray(unitIds)})`,
    );
  }
}
