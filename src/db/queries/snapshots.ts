// Signed publications (snapshots): the rows and signing keys as staff read them, the metadata and payload
// the portal reads (app/publication/public-snapshots.ts), and the audit of a snapshot that failed verification.
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signingKeys, snapshots } from '../schema/appraisal.ts';
import { auditLog } from '../schema/audit.ts';
import { rowsOf } from './assessments.ts';
import { LOCK_CLASS } from '../lock-classes.ts';
import { namedStatement, runNamed } from '../prepared.ts';

export type SnapshotRow = typeof snapshots.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** Every publication of a campaign, first version first. */
export async function snapshotsOfCampaign(db: Db, campaignId: string): Promise<SnapshotRow[]> {
  return db.select().from(snapshots).where(eq(snapshots.campaignId, campaignId)).orderBy(asc(snapshots.version));
}

export async function findSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const [s] = await db.select().from(snapshots).where(eq(snapshots.id, id)).limit(1);
  return s;
}

export async function findSigningKey(db: Db, id: string): Promise<SigningKeyRow | undefined> {
  const [k] = await db.select().from(signingKeys).where(eq(signingKeys.id, id));
  return k;
}

/** Every key in the table, newest first (callers keep only the deployment's own: trusted-keys.ts). */
export async function allSigningKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt));
}

/** The next snapshot by id after `afterId` (the restore check walks them one at a time: payloads are large). */
export async function snapshotAfter(db: Db, afterId: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(snapshots).where(gt(snapshots.id, afterId)).orderBy(asc(snapshots.id)).limit(1);
  return row;
}

// ── What the public portal reads (app/publication/public-snapshots.ts): metadata first, the payload once ──

export interface PublishedMeta {
  snapshotId: string;
  campaignId: string;
  version: number;
  digest: string;
  signature: string;
  keyId: string;
  createdAt: string;
}

type MetaRow = {
  id: string;
  campaign_id: string;
  version: number | string;
  digest: string;
  signature: string;
  key_id: string;
  created_at: string | Date;
};
const metaOf = (r: MetaRow): PublishedMeta => ({
  snapshotId: r.id,
  campaignId: r.campaign_id,
  version: Number(r.version),
  digest: r.digest,
  signature: r.signature,
  keyId: r.key_id,
  createdAt: new Date(r.created_at).toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Named statements: the portal asks these on every request it cannot answer from memory (PostgreSQL).
const latestPublishedStatement = namedStatement<MetaRow>(
  'public_latest_published',
  `select s.id, s.campaign_id, s.version, s.digest, s.signature, s.key_id, s.created_at
     from snapshots s join campaigns c on c.id = s.campaign_id
    where s.campaign_id = $1::uuid
    order by s.version desc limit 1`,
);
const allPublishedStatement = namedStatement<MetaRow>(
  'public_all_published',
  `select distinct on (s.campaign_id) s.id, s.campaign_id, s.version, s.digest, s.signature, s.key_id, s.created_at
     from snapshots s join campaigns c on c.id = s.campaign_id
    order by s.campaign_id, s.version desc`,
);

/** The latest snapshot of a published campaign; null for an unknown, unpublished or malformed id. */
export async function latestPublished(db: Db, campaignId: string): Promise<PublishedMeta | null> {
  if (!UUID.test(campaignId)) return null;
  const [row] = await runNamed(db, latestPublishedStatement, [campaignId]);
  return row ? metaOf(row) : null;
}

/** Latest snapshot of every campaign published, in whole or in part. */
export async function allPublished(db: Db): Promise<PublishedMeta[]> {
  return (await runNamed(db, allPublishedStatement, [])).map(metaOf);
}

/** Every version of a published campaign (corrections carry their reason). */
export async function publishedVersions(
  db: Db,
  campaignId: string,
): Promise<{ version: number; reason: string | null; publishedAt: string }[]> {
  const rows = rowsOf<{ version: number | string; reason: string | null; created_at: string | Date }>(
    await db.execute(
      sql`select version, reason, created_at from snapshots where campaign_id = ${campaignId}::uuid order by version`,
    ),
  );
  return rows.map((r) => ({
    version: Number(r.version),
    reason: r.reason,
    publishedAt: new Date(r.created_at).toISOString(),
  }));
}

/** The stored payload as the driver returns it (parsed jsonb, or its text); undefined when the row is gone. */
export async function snapshotPayload(db: Db, snapshotId: string): Promise<unknown> {
  const rows = rowsOf<{ payload: unknown }>(
    await db.execute(sql`select payload from snapshots where id = ${snapshotId}::uuid`),
  );
  return rows[0]?.payload;
}

/**
 * The latest snapshot of the latest earlier annual campaign of the same owner (the "last year" of the
 * large-change flag: app/publication/last-year-finals.ts); undefined when there is none.
 */
export async function lastYearSnapshot(
  db: Db,
  campaign: { ownerUnitId: string; year: number },
): Promise<{ snapshotId: string; campaignId: string; digest: string; signature: string; keyId: string } | undefined> {
  const [prev] = rowsOf<{ id: string; campaign_id: string; digest: string; signature: string; key_id: string }>(
    await db.execute(sql`select s.id, s.campaign_id, s.digest, s.signature, s.key_id from snapshots s join campaigns pc on pc.id = s.campaign_id
      where pc.owner_unit_id = ${campaign.ownerUnitId}::uuid and pc.kind = 'annual' and pc.year < ${campaign.year}
      order by pc.year desc, s.version desc limit 1`),
  );
  return prev
    ? {
        snapshotId: prev.id,
        campaignId: prev.campaign_id,
        digest: prev.digest,
        signature: prev.signature,
        keyId: prev.key_id,
      }
    : undefined;
}

// ── A snapshot that failed verification is audited once per stored content (snapshot-integrity.ts) ──

const REPORT_LOCK = LOCK_CLASS.verificationReport;

/** Serialises the reports of one stored content across requests and processes (transaction-scoped). */
export async function lockVerificationReport(tx: Db, reportId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REPORT_LOCK}, hashtext(${reportId}))`);
}

/** Whether the failure of this stored content (`reportId`: its fingerprint) is in the audit log already. */
export async function verificationFailureAudited(tx: Db, snapshotId: string, reportId: string): Promise<boolean> {
  const [seen] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, 'snapshot'),
        eq(auditLog.objectId, snapshotId),
        eq(auditLog.action, 'snapshot.verification_failed'),
        sql`${auditLog.after}->>'fingerprint' = ${reportId}`,
      ),
    )
    .limit(1);
  return seen !== undefined;
}
