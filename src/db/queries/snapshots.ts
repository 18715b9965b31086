// Signed publications (snapshots) and the signing keys as staff read them.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signingKeys, snapshots } from '../schema/appraisal.ts';

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
