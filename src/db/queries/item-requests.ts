// Requests to a unit for more evidence or an explanation on one item (001 II.3.b: during appraisal the
// unit may add evidence or explanations), with their replies and the documents each reply brought.
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { itemReplies, itemRequests } from '../schema/appraisal.ts';
import { evidenceDocuments } from '../schema/evidence.ts';
import { isUuid } from './org-units.ts';

export type RequestRow = typeof itemRequests.$inferSelect;

export type ReplyView = {
  id: string;
  text: string;
  evidence: {
    id: string;
    fileName: string | null;
    url: string | null;
    sha256: string | null;
    docNumber: string | null;
    summary: string | null;
  }[];
  repliedBy: { id: string; fullName: string };
  repliedAt: string;
};

export interface RequestWithThread extends RequestRow {
  requestedByName: string;
  replies: ReplyView[];
}

const replier = alias(users, 'replier');

export async function findRequest(db: Db, id: string): Promise<RequestRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(itemRequests).where(eq(itemRequests.id, id)).limit(1);
  return row ?? null;
}

/** Every request of these assessments with its thread, oldest first. */
export async function loadRequests(db: Db, assessmentIds: readonly string[]): Promise<RequestWithThread[]> {
  if (assessmentIds.length === 0) return [];
  const requests = await db
    .select({ r: itemRequests, name: users.fullName })
    .from(itemRequests)
    .innerJoin(users, eq(users.id, itemRequests.requestedBy))
    .where(inArray(itemRequests.assessmentId, [...assessmentIds]))
    .orderBy(asc(itemRequests.requestedAt), asc(itemRequests.code));
  const ids = requests.map((r) => r.r.id);
  const replies = ids.length
    ? await db
        .select({ p: itemReplies, name: replier.fullName })
        .from(itemReplies)
        .innerJoin(replier, eq(replier.id, itemReplies.repliedBy))
        .where(inArray(itemReplies.requestId, ids))
        .orderBy(asc(itemReplies.repliedAt))
    : [];
  const docIds = [...new Set(replies.flatMap((r) => r.p.evidenceIds))].filter(isUuid);
  const docs = docIds.length
    ? await db.select().from(evidenceDocuments).where(inArray(evidenceDocuments.id, docIds))
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const thread = new Map<string, ReplyView[]>();
  for (const { p, name } of replies) {
    const list = thread.get(p.requestId) ?? [];
    list.push({
      id: p.id,
      text: p.text,
      evidence: p.evidenceIds.flatMap((id) => {
        const d = byId.get(id);
        return d
          ? [
              {
                id: d.id,
                fileName: d.fileName,
                url: d.url,
                sha256: d.sha256,
                docNumber: d.docNumber,
                summary: d.summary,
              },
            ]
          : [];
      }),
      repliedBy: { id: p.repliedBy, fullName: name },
      repliedAt: new Date(p.repliedAt).toISOString(),
    });
    thread.set(p.requestId, list);
  }
  return requests.map(({ r, name }) => ({ ...r, requestedByName: name, replies: thread.get(r.id) ?? [] }));
}

export type RequestValues = Omit<typeof itemRequests.$inferInsert, 'id' | 'status' | 'closedAt'>;

export async function insertRequest(db: Db, values: RequestValues): Promise<RequestRow> {
  const [created] = await db.insert(itemRequests).values(values).returning();
  return created!;
}

/** The unit's reply to a request. */
export async function insertReply(
  db: Db,
  values: Omit<typeof itemReplies.$inferInsert, 'id'>,
): Promise<typeof itemReplies.$inferSelect> {
  const [reply] = await db.insert(itemReplies).values(values).returning();
  return reply!;
}

/** The request answered by the unit (it stays open to more replies until the appraiser closes it). */
export async function markRequestAnswered(db: Db, id: string): Promise<RequestRow> {
  const [updated] = await db
    .update(itemRequests)
    .set({ status: 'answered' })
    .where(eq(itemRequests.id, id))
    .returning();
  return updated!;
}

export async function closeRequestRow(db: Db, id: string, at: Date): Promise<RequestRow> {
  const [updated] = await db
    .update(itemRequests)
    .set({ status: 'closed', closedAt: at })
    .where(eq(itemRequests.id, id))
    .returning();
  return updated!;
}
