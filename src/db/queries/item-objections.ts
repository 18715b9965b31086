// Objections (kiến nghị, issue 14 §1): the reads behind filing, answering and listing — every objection
// of some assessments or of a campaign, with the unit, the documents and who filed and answered; what
// opens the objection window (the approval or the first publication of the campaign's results).
import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { approvals, itemObjections, snapshots } from '../schema/appraisal.ts';
import { assessments, campaignGroups } from '../schema/campaigns.ts';
import { evidenceDocuments } from '../schema/evidence.ts';
import { orgUnits } from '../schema/org.ts';
import { isUuid } from './org-units.ts';

export type ObjectionRow = typeof itemObjections.$inferSelect;
export type ObjectionStatus = 'open' | 'upheld' | 'rejected';

export interface ObjectionView {
  id: string;
  assessmentId: string;
  campaignId: string;
  unit: { id: string; code: string; name: string };
  code: string;
  text: string;
  evidence: { id: string; fileName: string | null; url: string | null; sha256: string | null }[];
  scoreBefore: number | null;
  status: ObjectionStatus;
  filedBy: { id: string; fullName: string };
  filedAt: string;
  answer: string | null;
  scoreAfter: number | null;
  answeredBy: { id: string; fullName: string } | null;
  answeredAt: string | null;
}

const answerer = alias(users, 'answerer');

async function load(db: Db, where: SQL): Promise<ObjectionView[]> {
  const rows = await db
    .select({
      o: itemObjections,
      campaignId: campaignGroups.campaignId,
      unit: { id: orgUnits.id, code: orgUnits.code, name: orgUnits.name },
      filer: users.fullName,
      answerer: answerer.fullName,
    })
    .from(itemObjections)
    .innerJoin(assessments, eq(assessments.id, itemObjections.assessmentId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, assessments.campaignGroupId))
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .innerJoin(users, eq(users.id, itemObjections.filedBy))
    .leftJoin(answerer, eq(answerer.id, itemObjections.answeredBy))
    .where(where)
    .orderBy(asc(itemObjections.filedAt), asc(orgUnits.code), asc(itemObjections.code));
  const docIds = [...new Set(rows.flatMap((r) => r.o.evidenceIds))].filter(isUuid);
  const docs = docIds.length
    ? await db.select().from(evidenceDocuments).where(inArray(evidenceDocuments.id, docIds))
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return rows.map(({ o, campaignId, unit, filer, answerer: answeredName }) => ({
    id: o.id,
    assessmentId: o.assessmentId,
    campaignId,
    unit,
    code: o.code,
    text: o.text,
    evidence: o.evidenceIds.flatMap((id) => {
      const d = byId.get(id);
      return d ? [{ id: d.id, fileName: d.fileName, url: d.url, sha256: d.sha256 }] : [];
    }),
    scoreBefore: o.scoreBefore,
    status: o.status as ObjectionStatus,
    filedBy: { id: o.filedBy, fullName: filer },
    filedAt: new Date(o.filedAt).toISOString(),
    answer: o.answer,
    scoreAfter: o.scoreAfter,
    answeredBy: o.answeredBy ? { id: o.answeredBy, fullName: answeredName ?? '' } : null,
    answeredAt: o.answeredAt ? new Date(o.answeredAt).toISOString() : null,
  }));
}

/** Every objection of these assessments, oldest first. */
export function loadObjectionsOf(db: Db, assessmentIds: readonly string[]): Promise<ObjectionView[]> {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return load(db, inArray(itemObjections.assessmentId, [...assessmentIds]));
}

/** Every objection of a campaign (the DX office's list), oldest first. */
export function loadCampaignObjections(db: Db, campaignId: string): Promise<ObjectionView[]> {
  return load(db, eq(campaignGroups.campaignId, campaignId));
}

/** Every objection of one unit in a campaign (its scorecard), oldest first. */
export function loadUnitObjections(db: Db, campaignId: string, unitId: string): Promise<ObjectionView[]> {
  if (!isUuid(campaignId) || !isUuid(unitId)) return Promise.resolve([]);
  return load(db, and(eq(campaignGroups.campaignId, campaignId), eq(assessments.unitId, unitId))!);
}

/** One objection, its row locked for the answer. */
export async function lockObjection(db: Db, id: string): Promise<ObjectionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(itemObjections).where(eq(itemObjections.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function hasOpenObjection(db: Db, assessmentId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: itemObjections.id })
    .from(itemObjections)
    .where(
      and(
        eq(itemObjections.assessmentId, assessmentId),
        eq(itemObjections.code, code),
        eq(itemObjections.status, 'open'),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * The instant that opens the objection window: the last approval of the campaign (when the campaign became
 * approved) or its first publication; null when it has not happened.
 */
export async function objectionOpenedAt(
  db: Db,
  campaignId: string,
  from: 'approval' | 'publication',
): Promise<Date | null> {
  const [row] =
    from === 'approval'
      ? await db
          .select({ at: sql<string | null>`max(${approvals.approvedAt})` })
          .from(approvals)
          .innerJoin(campaignGroups, eq(campaignGroups.id, approvals.campaignGroupId))
          .where(eq(campaignGroups.campaignId, campaignId))
      : await db
          .select({ at: sql<string | null>`min(${snapshots.createdAt})` })
          .from(snapshots)
          .where(eq(snapshots.campaignId, campaignId));
  return row?.at ? new Date(row.at) : null;
}

/** When the campaign's latest snapshot was published (null: never). */
export async function latestPublicationAt(db: Db, campaignId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${snapshots.createdAt})` })
    .from(snapshots)
    .where(eq(snapshots.campaignId, campaignId));
  return row?.at ? new Date(row.at) : null;
}

/**
 * A unit's objection: its id, or null when the item already has an open one (two people of the unit filing
 * at once: the partial unique index lets one through).
 */
export async function insertObjection(
  db: Db,
  values: Omit<
    typeof itemObjections.$inferInsert,
    'id' | 'status' | 'answer' | 'scoreAfter' | 'answeredBy' | 'answeredAt'
  >,
): Promise<string | null> {
  const [created] = await db
    .insert(itemObjections)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: itemObjections.id });
  return created?.id ?? null;
}

/** The body's answer to an objection. */
export async function recordObjectionAnswer(
  db: Db,
  id: string,
  answer: Pick<ObjectionRow, 'status' | 'answer' | 'scoreAfter' | 'answeredBy' | 'answeredAt'>,
): Promise<void> {
  await db.update(itemObjections).set(answer).where(eq(itemObjections.id, id));
}
