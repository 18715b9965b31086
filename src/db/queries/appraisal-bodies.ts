// Appraisal bodies of a campaign's groups, their members, and the caller's memberships — the campaign-
// level reads of the appraisal routes. A campaign is reachable by whoever may read it (campaign policy)
// or sits on one of its bodies. Also the writes of a body: set up, created on the way, closed.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { CouncilPosition, MemberAssignment } from '../../core/appraisal/types.ts';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { appraisalBodies, appraisalMembers } from '../schema/appraisal.ts';
import { campaignGroups, campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { type CampaignGroupRow, type CampaignWithOwner, findReadableCampaign } from './campaigns.ts';
import { type ScopedActor, isUuid } from './org-units.ts';

export type BodyRow = typeof appraisalBodies.$inferSelect;

/** The caller's id for membership lookups; the command line and the seed act without an account. */
export const memberKey = (userId: string): string => (isUuid(userId) ? userId : '00000000-0000-0000-0000-000000000000');

export interface MemberView {
  id: string;
  bodyId: string;
  user: { id: string; fullName: string; username: string };
  position: CouncilPosition;
  title: string | null;
  assignment: MemberAssignment;
}

/** The campaign if readable, or if the caller sits on one of its bodies (then `viaMembership`). */
export async function findAppraisalCampaign(
  db: Db,
  actor: ScopedActor,
  id: string,
  lock = false,
): Promise<(CampaignWithOwner & { viaMembership: boolean }) | null> {
  const readable = await findReadableCampaign(db, actor, id, lock);
  if (readable) return { ...readable, viaMembership: false };
  if (!isUuid(id)) return null;
  const [member] = await db
    .select({ id: appraisalMembers.id })
    .from(appraisalMembers)
    .innerJoin(appraisalBodies, eq(appraisalBodies.id, appraisalMembers.bodyId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, appraisalBodies.campaignGroupId))
    .where(and(eq(campaignGroups.campaignId, id), eq(appraisalMembers.userId, memberKey(actor.userId))))
    .limit(1);
  if (!member) return null;
  const q = db
    .select({
      campaign: campaigns,
      ownerCode: orgUnits.code,
      ownerName: orgUnits.name,
      ownerPath: orgUnits.path,
      participates: sql<boolean>`false`,
    })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.ownerUnitId))
    .where(eq(campaigns.id, id))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: campaigns }) : await q;
  return row ? { ...row, viaMembership: true } : null;
}

export async function loadBodies(db: Db, groupIds: readonly string[]): Promise<Map<string, BodyRow>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(appraisalBodies)
    .where(inArray(appraisalBodies.campaignGroupId, [...groupIds]));
  return new Map(rows.map((b) => [b.campaignGroupId, b]));
}

export async function loadMembers(db: Db, bodyIds: readonly string[]): Promise<MemberView[]> {
  if (bodyIds.length === 0) return [];
  const rows = await db
    .select({ m: appraisalMembers, fullName: users.fullName, username: users.username })
    .from(appraisalMembers)
    .innerJoin(users, eq(users.id, appraisalMembers.userId))
    .where(inArray(appraisalMembers.bodyId, [...bodyIds]))
    .orderBy(
      asc(appraisalMembers.bodyId),
      sql`array_position(array['chair','vice_chair','member','secretary','support'], ${appraisalMembers.position})`,
      asc(users.fullName),
    );
  return rows.map((r) => ({
    id: r.m.id,
    bodyId: r.m.bodyId,
    user: { id: r.m.userId, fullName: r.fullName, username: r.username },
    position: r.m.position as CouncilPosition,
    title: r.m.title,
    assignment: r.m.assignment,
  }));
}

/** The caller's membership by group id (council bodies only carry members). */
export async function myMemberships(
  db: Db,
  userId: string,
  groupIds: readonly string[],
): Promise<Map<string, { position: CouncilPosition; assignment: MemberAssignment }>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select({
      groupId: appraisalBodies.campaignGroupId,
      position: appraisalMembers.position,
      assignment: appraisalMembers.assignment,
    })
    .from(appraisalMembers)
    .innerJoin(appraisalBodies, eq(appraisalBodies.id, appraisalMembers.bodyId))
    .where(
      and(eq(appraisalMembers.userId, memberKey(userId)), inArray(appraisalBodies.campaignGroupId, [...groupIds])),
    );
  return new Map(rows.map((r) => [r.groupId, { position: r.position as CouncilPosition, assignment: r.assignment }]));
}

export async function loadGroupsOf(db: Db, campaignId: string) {
  return db
    .select()
    .from(campaignGroups)
    .where(eq(campaignGroups.campaignId, campaignId))
    .orderBy(asc(campaignGroups.position), asc(campaignGroups.name));
}

/** One campaign group by id (the caller checks it belongs to the campaign it was reached through). */
export async function findCampaignGroup(db: Db, groupId: string): Promise<CampaignGroupRow | undefined> {
  const [g] = await db.select().from(campaignGroups).where(eq(campaignGroups.id, groupId)).limit(1);
  return g;
}

export type BodyValues = Pick<typeof appraisalBodies.$inferInsert, 'kind' | 'name' | 'decisionRef'>;

/** A group's body set up by the DX office (PUT …/body): the whole row back. */
export async function insertBody(db: Db, campaignGroupId: string, values: BodyValues): Promise<BodyRow> {
  const [saved] = await db
    .insert(appraisalBodies)
    .values({ campaignGroupId, ...values })
    .returning();
  return saved!;
}

export async function updateBody(db: Db, bodyId: string, values: BodyValues): Promise<BodyRow> {
  const [saved] = await db.update(appraisalBodies).set(values).where(eq(appraisalBodies.id, bodyId)).returning();
  return saved!;
}

/** A body created on the way (the first member seated in a council group): its id. */
export async function insertBodyId(db: Db, campaignGroupId: string, values: BodyValues): Promise<string> {
  const [b] = await db
    .insert(appraisalBodies)
    .values({ campaignGroupId, ...values })
    .returning({ id: appraisalBodies.id });
  return b!.id;
}

/**
 * A body created by the first decision of a parent-unit group: null when the group already has one (a
 * decision saved at the same moment created it; one body per group, the unique key decides).
 */
export async function insertBodyIfAbsent(db: Db, campaignGroupId: string, values: BodyValues): Promise<string | null> {
  const [created] = await db
    .insert(appraisalBodies)
    .values({ campaignGroupId, ...values })
    .onConflictDoNothing()
    .returning({ id: appraisalBodies.id });
  return created?.id ?? null;
}

/** The group's appraisal closed: its scores no longer change. */
export async function closeBody(db: Db, bodyId: string, closedBy: string, at: Date): Promise<void> {
  await db.update(appraisalBodies).set({ closedAt: at, closedBy }).where(eq(appraisalBodies.id, bodyId));
}

export async function countMembers(db: Db, bodyId: string): Promise<number> {
  const [n] = await db.select({ n: count() }).from(appraisalMembers).where(eq(appraisalMembers.bodyId, bodyId));
  return Number(n?.n ?? 0);
}
