// The statements of the demo seed (src/seed): look-ups by the demo's natural keys (unit and group codes,
// usernames, index-set codes) and the district officers' accounts. Unscoped: the seed acts as the
// operator of an installation it fills. The writes that are use cases (campaigns, appraisal, publication)
// go through src/app; the bulk writes of the published years are in seed-demo-published.ts.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { roleAssignments, users } from '../schema/accounts.ts';
import { appraisalBodies } from '../schema/appraisal.ts';
import { assessments, campaignGroups, campaigns } from '../schema/campaigns.ts';
import { frameworks } from '../schema/frameworks.ts';
import { orgUnits, unitGroups } from '../schema/org.ts';

/** How many organisation units exist (the demo fills only an empty installation). */
export async function countOrgUnits(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orgUnits);
  return Number(row?.n ?? 0);
}

/** How many campaigns exist (this year's demo campaign is created only when there is none). */
export async function countCampaigns(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaigns);
  return Number(row?.n ?? 0);
}

/** A demo account by username (usernames are unique). */
export async function demoAccount(db: Db, username: string): Promise<{ id: string; fullName: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(eq(users.username, username));
  return row;
}

/** The accounts holding these usernames (unordered; absent ones are simply missing). */
export async function accountsWithUsernames(
  db: Db,
  usernames: readonly string[],
): Promise<{ id: string; username: string }[]> {
  return db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, [...usernames]));
}

/** Id and code of every published index-set version (unordered). */
export async function publishedFrameworkCodes(db: Db): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: frameworks.id, code: frameworks.code })
    .from(frameworks)
    .where(eq(frameworks.status, 'published'));
}

/** The id of some version of the index set with this code, if any (a preset already loaded). */
export async function frameworkIdWithCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, code)).limit(1);
  return row?.id;
}

/** Id and code of the unit groups with these codes, or of every group when no codes are given (unordered). */
export async function unitGroupCodes(db: Db, codes?: readonly string[]): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: unitGroups.id, code: unitGroups.code })
    .from(unitGroups)
    .where(codes ? inArray(unitGroups.code, [...codes]) : undefined);
}

/** The campaign the unit with this code created last, if any. */
export async function latestCampaignOwnedBy(db: Db, unitCode: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId))
    .where(eq(orgUnits.code, unitCode))
    .orderBy(desc(campaigns.createdAt))
    .limit(1);
  return row;
}

/** The ids of the campaign's groups (unordered: the order the database returns them in). */
export async function campaignGroupIds(db: Db, campaignId: string): Promise<{ id: string }[]> {
  return db.select({ id: campaignGroups.id }).from(campaignGroups).where(eq(campaignGroups.campaignId, campaignId));
}

/** The appraisal bodies already set up for any of these campaign groups. */
export async function bodyIdsOfGroups(db: Db, groupIds: readonly string[]): Promise<{ id: string }[]> {
  if (groupIds.length === 0) return [];
  return db
    .select({ id: appraisalBodies.id })
    .from(appraisalBodies)
    .where(inArray(appraisalBodies.campaignGroupId, [...groupIds]));
}

/**
 * The assessments of the units with these codes, whatever their campaign: this year's demo campaign is
 * the only one when it is filled (seed-demo-campaign.ts runs only when no campaign exists).
 */
export async function assessmentsOfUnitCodes(db: Db, codes: readonly string[]) {
  return db
    .select({
      id: assessments.id,
      unitId: assessments.unitId,
      code: orgUnits.code,
      groupId: assessments.campaignGroupId,
      rowVersion: assessments.rowVersion,
    })
    .from(assessments)
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .where(inArray(orgUnits.code, [...codes]));
}

/** Id, code and name of these units (unordered). */
export async function unitNamesByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; code: string; name: string }[]> {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...ids]));
}

/** Someone holding the DX-office role on this very unit, if any. */
export async function dxOfficeHolder(db: Db, unitId: string): Promise<{ id: string; fullName: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.unitId, unitId), eq(roleAssignments.role, 'dx_office')))
    .limit(1);
  return row;
}
