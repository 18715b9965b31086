// What the policy needs beside a framework row: the unit that issued the set (with its ancestry) and the
// campaigns still running on the version (core/policy/framework-policy.ts). Loaded for a page of rows at
// once — two set-based statements, whatever the number of rows.
import { and, eq, inArray } from 'drizzle-orm';
import { CAMPAIGN_STATUSES } from '../../core/campaign/index.ts';
import type { FrameworkStatus } from '../../core/framework/index.ts';
import { type FrameworkRef, campaignKeepsFrameworkInUse } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { campaignGroups, campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { ancestryOf } from './unit-path.ts';

export interface FrameworkOwnerUnit {
  id: string;
  code: string;
  name: string;
  path: string;
}

export interface FrameworkContext {
  owner: FrameworkOwnerUnit;
  /** Campaigns that have not published their results yet, pinned on this version. */
  openCampaigns: { id: string; name: string }[];
}

/** The campaign statuses that keep a version in use, as the policy decides. */
const RUNNING: string[] = CAMPAIGN_STATUSES.filter(campaignKeepsFrameworkInUse);

type Contextual = { id: string; ownerUnitId: string; status: string };

export async function withFrameworkContext<T extends Contextual>(
  db: Db,
  rows: readonly T[],
): Promise<(T & FrameworkContext)[]> {
  if (rows.length === 0) return [];
  const ownerIds = [...new Set(rows.map((r) => r.ownerUnitId))];
  const owners = new Map(
    (
      await db
        .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
        .from(orgUnits)
        .where(inArray(orgUnits.id, ownerIds))
    ).map((u) => [u.id, u]),
  );
  const published = rows.filter((r) => r.status === 'published').map((r) => r.id);
  const using = new Map<string, { id: string; name: string }[]>();
  if (published.length > 0) {
    const pinned = await db
      .selectDistinct({
        frameworkId: campaignGroups.frameworkId,
        id: campaigns.id,
        name: campaigns.name,
        createdAt: campaigns.createdAt,
      })
      .from(campaignGroups)
      .innerJoin(campaigns, eq(campaigns.id, campaignGroups.campaignId))
      .where(and(inArray(campaignGroups.frameworkId, published), inArray(campaigns.status, RUNNING)))
      .orderBy(campaigns.createdAt);
    for (const p of pinned) using.set(p.frameworkId, [...(using.get(p.frameworkId) ?? []), { id: p.id, name: p.name }]);
  }
  return rows.map((r) => {
    const owner = owners.get(r.ownerUnitId);
    // The foreign key guarantees the owner exists; a missing one would be a broken database, not a 404.
    if (!owner) throw new Error(`owner unit ${r.ownerUnitId} of framework ${r.id} not found`);
    return { ...r, owner, openCampaigns: using.get(r.id) ?? [] };
  });
}

export function frameworkRefOf(row: { status: string } & FrameworkContext): FrameworkRef {
  return {
    status: row.status as FrameworkStatus,
    owner: { id: row.owner.id, ancestry: ancestryOf(row.owner.path) },
    openCampaigns: row.openCampaigns,
  };
}
