// Reading campaigns within an actor's scope, set-based: a campaign is readable when the actor's DX
// office or overseer roles reach its owner unit, or when one of its participating units is reached by
// any of the actor's grants. Everything else is absent (404, never 403).
import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Role, ROLES } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { campaignGroups, campaignUnits, campaigns } from '../schema/campaigns.ts';
import { frameworks } from '../schema/frameworks.ts';
import { orgUnits } from '../schema/org.ts';
import { type ScopedActor, isUuid, unitsReachedCondition } from './org-units.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignGroupRow = typeof campaignGroups.$inferSelect;

/** Roles that read a campaign through its owner unit (campaign-policy: managers and READERS). */
const OWNER_READERS: readonly Role[] = ['dx_office', 'support_team', 'council_member', 'council_chair', 'viewer'];

/** `org_units.id in (units reached by these roles)`, or true for everything. */
function unitIdsReached(actor: ScopedActor, roles: readonly Role[], column: SQL | typeof campaigns.ownerUnitId): SQL {
  const reached = unitsReachedCondition(actor, roles);
  if (!reached) return sql`true`;
  return sql`${column} in (select ${orgUnits.id} from ${orgUnits} where ${reached})`;
}

/** SQL: one of the campaign's participating units is reached by any of the actor's grants. A draft is
 * still the DX office's working copy: units take part once it opens. */
export function participatesCondition(actor: ScopedActor): SQL {
  const reached = unitsReachedCondition(actor, ROLES);
  return sql`${campaigns.status} <> 'draft' and exists (select 1 from ${campaignUnits} cu join ${campaignGroups} cg on cg.id = cu.campaign_group_id
    join ${orgUnits} on ${orgUnits.id} = cu.unit_id
    where cg.campaign_id = ${campaigns.id} and ${reached ?? sql`true`})`;
}

/** SQL condition on `campaigns`: readable by the actor (undefined = everything). */
export function readableCampaignsCondition(actor: ScopedActor): SQL | undefined {
  if (!unitsReachedCondition(actor, ROLES)) return undefined; // system administrator
  return sql`(${unitIdsReached(actor, OWNER_READERS, campaigns.ownerUnitId)} or ${participatesCondition(actor)})`;
}

const campaignColumns = {
  campaign: campaigns,
  ownerCode: orgUnits.code,
  ownerName: orgUnits.name,
  ownerPath: orgUnits.path,
};

export interface CampaignWithOwner {
  campaign: CampaignRow;
  ownerCode: string;
  ownerName: string;
  ownerPath: string;
  participates: boolean;
}

function selectCampaigns(db: Db, actor: ScopedActor) {
  return db
    .select({ ...campaignColumns, participates: sql<boolean>`${participatesCondition(actor)}`.as('participates') })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId));
}

/** The campaign if it exists and the actor may read it (`lock` row-locks it for a change). */
export async function findReadableCampaign(
  db: Db,
  actor: ScopedActor,
  id: string,
  lock = false,
): Promise<CampaignWithOwner | null> {
  if (!isUuid(id)) return null;
  const query = selectCampaigns(db, actor)
    .where(and(eq(campaigns.id, id), readableCampaignsCondition(actor)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: campaigns }) : await query;
  return row ?? null;
}

export interface CampaignFilter {
  year?: number;
  status?: string;
  page: number;
  pageSize: number;
}

export async function listReadableCampaigns(
  db: Db,
  actor: ScopedActor,
  f: CampaignFilter,
): Promise<{ rows: CampaignWithOwner[]; total: number }> {
  const where = and(
    readableCampaignsCondition(actor),
    f.year ? eq(campaigns.year, f.year) : undefined,
    f.status ? eq(campaigns.status, f.status) : undefined,
  );
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaigns)
    .where(where);
  const rows = await selectCampaigns(db, actor)
    .where(where)
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt), asc(campaigns.progressMonths))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total: Number(count?.n ?? 0) };
}

export interface GroupWithFramework extends CampaignGroupRow {
  frameworkName: string;
  frameworkCode: string;
  frameworkVersion: number;
  frameworkStatus: string;
  unitCount: number;
}

/** The groups of these campaigns with their framework summary and unit count, in position order. */
export async function loadCampaignGroups(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, GroupWithFramework[]>> {
  const out = new Map<string, GroupWithFramework[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return out;
  const rows = await db
    .select({
      group: campaignGroups,
      frameworkName: frameworks.name,
      frameworkCode: frameworks.code,
      frameworkVersion: frameworks.version,
      frameworkStatus: frameworks.status,
      unitCount: sql<number>`(select count(*)::int from ${campaignUnits} where ${campaignUnits.campaignGroupId} = ${campaignGroups.id})`,
    })
    .from(campaignGroups)
    .innerJoin(frameworks, eq(frameworks.id, campaignGroups.frameworkId))
    .where(inArray(campaignGroups.campaignId, [...campaignIds]))
    .orderBy(asc(campaignGroups.position), asc(campaignGroups.name));
  for (const r of rows) {
    out.get(r.group.campaignId)?.push({
      ...r.group,
      frameworkName: r.frameworkName,
      frameworkCode: r.frameworkCode,
      frameworkVersion: r.frameworkVersion,
      frameworkStatus: r.frameworkStatus,
      unitCount: Number(r.unitCount),
    });
  }
  return out;
}
