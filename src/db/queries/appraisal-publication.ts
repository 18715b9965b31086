// Approval and publication (000 Điều 9.3–9.4): the competent authorities' approvals of a campaign's groups,
// the signed snapshots published from them, and the campaign's status moved on when every part is approved
// or published.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { approvals, snapshots } from '../schema/appraisal.ts';
import { campaignGroups } from '../schema/campaigns.ts';

export type ApprovalRow = typeof approvals.$inferSelect;
export type ApprovalValues = Omit<typeof approvals.$inferInsert, 'id' | 'publishedAt' | 'publishedBy'>;
export type SnapshotValues = Omit<typeof snapshots.$inferInsert, 'id'>;

export async function insertApproval(db: Db, values: ApprovalValues): Promise<ApprovalRow> {
  const [approval] = await db.insert(approvals).values(values).returning();
  return approval!;
}

/** Every approval of the campaign's groups, oldest first. */
export async function approvalsOfCampaign(db: Db, campaignId: string): Promise<ApprovalRow[]> {
  return (
    await db
      .select({ approvals })
      .from(approvals)
      .innerJoin(campaignGroups, eq(campaignGroups.id, approvals.campaignGroupId))
      .where(eq(campaignGroups.campaignId, campaignId))
      .orderBy(asc(approvals.approvedAt))
  ).map((r) => r.approvals);
}

/** These approved parts are now public: who published them and when. */
export async function markApprovalsPublished(
  db: Db,
  approvalIds: readonly string[],
  publishedBy: string,
  at: Date,
): Promise<void> {
  await db
    .update(approvals)
    .set({ publishedAt: at, publishedBy })
    .where(inArray(approvals.id, [...approvalIds]));
}

/** The version the next snapshot of the campaign gets (1 for the first). */
export async function nextSnapshotVersion(db: Db, campaignId: string): Promise<number> {
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${snapshots.version}), 0)::int` })
    .from(snapshots)
    .where(eq(snapshots.campaignId, campaignId));
  return Number(last?.version ?? 0) + 1;
}

export async function insertSnapshot(db: Db, values: SnapshotValues): Promise<typeof snapshots.$inferSelect> {
  const [snap] = await db.insert(snapshots).values(values).returning();
  return snap!;
}

// The campaign's status change is one statement wherever it happens (campaign-writes.ts).
export { setCampaignStatus } from './campaign-writes.ts';
