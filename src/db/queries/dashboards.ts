// Reads behind the dashboards: the campaigns a dashboard looks at (those its reached units take part in),
// the campaign of a unit's page, the latest publication snapshot of campaigns, the previous year's
// published campaign of the same owner, confirmed node mappings and the snapshots of a unit's published
// history. Every read is one statement whatever the number of units.
import { type SQL, sql } from 'drizzle-orm';
import type { CampaignRules } from '../../core/campaign/index.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import { isUuid } from './org-units.ts';
import { uuidArray } from './sql-arrays.ts';

export interface DashboardCampaign {
  id: string;
  name: string;
  year: number;
  kind: string;
  status: string;
  ownerUnitId: string;
  ownerPath: string;
  rules: CampaignRules;
}

type Raw = {
  id: string;
  name: string;
  year: number | string;
  kind: string;
  status: string;
  owner_unit_id: string;
  owner_path: string;
  rules: CampaignRules;
  created_at?: unknown;
};
const toCampaign = (r: Raw): DashboardCampaign => ({
  id: r.id,
  name: r.name,
  year: Number(r.year),
  kind: r.kind,
  status: r.status,
  ownerUnitId: r.owner_unit_id,
  ownerPath: r.owner_path,
  rules: r.rules,
});

const COLUMNS = sql`c.id, c.name, c.year, c.kind, c.status, c.owner_unit_id, o.path as owner_path, c.rules, c.created_at`;

/** Campaigns in these statuses in which at least one unit matching `unitCondition` (SQL on `a.unit_id`) takes part. */
export async function campaignsWithUnits(
  db: Db,
  statuses: readonly string[],
  unitCondition: SQL,
  limit = 20,
): Promise<DashboardCampaign[]> {
  const rows = rowsOf<Raw>(
    await db.execute(sql`select ${COLUMNS} from campaigns c join org_units o on o.id = c.owner_unit_id
      where c.status = any(${`{${statuses.join(',')}}`}::text[])
        and exists (select 1 from assessments a where a.campaign_id = c.id and ${unitCondition})
      order by c.year desc, c.created_at desc limit ${limit}`),
  );
  return rows.map(toCampaign);
}

/** The campaign (given, or the latest not in draft) in which this unit — or, `children`, one of its children — takes part. */
export async function campaignOfUnit(
  db: Db,
  unitId: string,
  campaignId: string | undefined,
  children = false,
): Promise<DashboardCampaign | null> {
  if (campaignId !== undefined && !isUuid(campaignId)) return null;
  const who = children
    ? sql`a.unit_id in (select id from org_units where parent_id = ${unitId}::uuid)`
    : sql`a.unit_id = ${unitId}::uuid`;
  const rows = rowsOf<Raw>(
    await db.execute(sql`select ${COLUMNS} from campaigns c join org_units o on o.id = c.owner_unit_id
      where c.status <> 'draft' ${campaignId ? sql`and c.id = ${campaignId}::uuid` : sql``}
        and exists (select 1 from assessments a where a.campaign_id = c.id and ${who})
      order by (c.status in ('published', 'archived')) desc, c.year desc, c.created_at desc limit 1`),
  );
  return rows[0] ? toCampaign(rows[0]) : null;
}

export interface SnapshotRef {
  id: string;
  campaignId: string;
  version: number;
  createdAt: string;
  digest: string;
  signature: string;
  keyId: string;
}

type SnapshotRaw = {
  id: string;
  campaign_id: string;
  version: number | string;
  created_at: string | Date;
  digest: string;
  signature: string;
  key_id: string;
};
const toRef = (r: SnapshotRaw): SnapshotRef => ({
  id: r.id,
  campaignId: r.campaign_id,
  version: Number(r.version),
  createdAt: new Date(r.created_at).toISOString(),
  digest: r.digest,
  signature: r.signature,
  keyId: r.key_id,
});

/** The latest snapshot of each campaign (metadata only: payloads are loaded, verified and cached by public-snapshots.ts). */
export async function latestSnapshots(db: Db, campaignIds: readonly string[]): Promise<Map<string, SnapshotRef>> {
  if (campaignIds.length === 0) return new Map();
  const rows = rowsOf<SnapshotRaw>(
    await db.execute(sql`select distinct on (campaign_id) id, campaign_id, version, created_at, digest, signature, key_id from snapshots
      where campaign_id = any(${uuidArray(campaignIds)}) order by campaign_id, version desc`),
  );
  return new Map(rows.map((r) => [r.campaign_id, toRef(r)]));
}

/** The same owner's latest published annual campaign of an earlier year (001 I.1.2: year over year). */
export async function previousPublished(
  db: Db,
  c: Pick<DashboardCampaign, 'ownerUnitId' | 'year'>,
): Promise<DashboardCampaign | null> {
  const rows = rowsOf<Raw>(
    await db.execute(sql`select ${COLUMNS} from campaigns c join org_units o on o.id = c.owner_unit_id
      where c.owner_unit_id = ${c.ownerUnitId}::uuid and c.kind = 'annual' and c.year < ${c.year} and c.status in ('published', 'archived')
        and exists (select 1 from snapshots s where s.campaign_id = c.id)
      order by c.year desc, c.created_at desc limit 1`),
  );
  return rows[0] ? toCampaign(rows[0]) : null;
}

/** Confirmed pairs from one version to another; null when nobody confirmed a mapping. */
export async function confirmedMapping(
  db: Db,
  fromId: string,
  toId: string,
): Promise<{ fromCode: string; toCode: string }[] | null> {
  const rows = rowsOf<{ pairs: { fromCode: string; toCode: string }[] | string }>(
    await db.execute(
      sql`select pairs from framework_mappings where from_id = ${fromId}::uuid and to_id = ${toId}::uuid`,
    ),
  );
  if (!rows[0]) return null;
  const pairs = rows[0].pairs;
  return typeof pairs === 'string' ? JSON.parse(pairs) : pairs;
}

/** The latest snapshot of every campaign the unit took part in, with the campaign's heading, newest year first. */
export async function snapshotsOfUnit(
  db: Db,
  unitId: string,
): Promise<{ ref: SnapshotRef; name: string; year: number; kind: string }[]> {
  type R = SnapshotRaw & { name: string; year: number | string; kind: string };
  const rows = rowsOf<R>(
    await db.execute(sql`select l.*, c.name, c.year, c.kind from (
        select distinct on (s.campaign_id) s.id, s.campaign_id, s.version, s.created_at, s.digest, s.signature, s.key_id from snapshots s
        where exists (select 1 from assessments a where a.campaign_id = s.campaign_id and a.unit_id = ${unitId}::uuid)
        order by s.campaign_id, s.version desc) l
      join campaigns c on c.id = l.campaign_id
      order by c.year desc, c.created_at desc`),
  );
  return rows.map((r) => ({ ref: toRef(r), name: r.name, year: Number(r.year), kind: r.kind }));
}
