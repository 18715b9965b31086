// A unit's own supplements during appraisal (001 II.3.b) with the documents each brought, and, per
// reviewer, the supplements made after their last look at (or decision on) an item.
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { itemLooks, itemSupplements } from '../schema/appraisal.ts';
import { evidenceDocuments } from '../schema/evidence.ts';
import { memberKey } from './appraisal-bodies.ts';
import { isUuid } from './org-units.ts';

export interface SupplementView {
  id: string;
  assessmentId: string;
  code: string;
  text: string;
  evidence: {
    id: string;
    fileName: string | null;
    url: string | null;
    sha256: string | null;
    docNumber: string | null;
    summary: string | null;
  }[];
  suppliedBy: { id: string; fullName: string };
  suppliedAt: string;
}

/** Every supplement of these assessments, oldest first, with its documents. */
export async function loadSupplements(db: Db, assessmentIds: readonly string[]): Promise<SupplementView[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .select({ s: itemSupplements, name: users.fullName })
    .from(itemSupplements)
    .innerJoin(users, eq(users.id, itemSupplements.suppliedBy))
    .where(inArray(itemSupplements.assessmentId, [...assessmentIds]))
    .orderBy(asc(itemSupplements.suppliedAt), asc(itemSupplements.code));
  const docIds = [...new Set(rows.flatMap((r) => r.s.evidenceIds))].filter(isUuid);
  const docs = docIds.length
    ? await db.select().from(evidenceDocuments).where(inArray(evidenceDocuments.id, docIds))
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return rows.map(({ s, name }) => ({
    id: s.id,
    assessmentId: s.assessmentId,
    code: s.code,
    text: s.text,
    evidence: s.evidenceIds.flatMap((id) => {
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
    suppliedBy: { id: s.suppliedBy, fullName: name },
    suppliedAt: new Date(s.suppliedAt).toISOString(),
  }));
}

/** code → the supplements of one assessment made after this reviewer's last look at the item. */
export async function supplementsSinceLook(
  db: Db,
  userId: string,
  assessmentId: string,
): Promise<Map<string, { count: number; lastAt: string }>> {
  const rows = await db
    .select({
      code: itemSupplements.code,
      count: sql<number>`count(*)::int`,
      lastAt: sql<string>`max(${itemSupplements.suppliedAt})`,
    })
    .from(itemSupplements)
    .leftJoin(
      itemLooks,
      and(
        eq(itemLooks.assessmentId, itemSupplements.assessmentId),
        eq(itemLooks.code, itemSupplements.code),
        eq(itemLooks.userId, memberKey(userId)),
      ),
    )
    .where(
      and(
        eq(itemSupplements.assessmentId, assessmentId),
        or(isNull(itemLooks.lookedAt), gt(itemSupplements.suppliedAt, itemLooks.lookedAt)),
      ),
    )
    .groupBy(itemSupplements.code);
  return new Map(rows.map((r) => [r.code, { count: Number(r.count), lastAt: new Date(r.lastAt).toISOString() }]));
}

/** The reviewer looked at (or decided) these items now: later supplements only raise the flag again. */
export async function markLooked(
  db: Db,
  userId: string,
  items: readonly { assessmentId: string; code: string }[],
  at: Date,
): Promise<void> {
  if (!isUuid(userId) || items.length === 0) return;
  await db
    .insert(itemLooks)
    .values(items.map((i) => ({ userId, assessmentId: i.assessmentId, code: i.code, lookedAt: at })))
    .onConflictDoUpdate({
      target: [itemLooks.userId, itemLooks.assessmentId, itemLooks.code],
      set: { lookedAt: sql`greatest(${itemLooks.lookedAt}, excluded.looked_at)` },
    });
}

/** A unit's supplement on one item: its id. */
export async function insertSupplement(
  db: Db,
  values: Omit<typeof itemSupplements.$inferInsert, 'id'>,
): Promise<string> {
  const [created] = await db.insert(itemSupplements).values(values).returning({ id: itemSupplements.id });
  return created!.id;
}
