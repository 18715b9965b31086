// A user's own notifications (never anyone else's), newest first.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { notifications } from '../schema/supply.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function listNotifications(
  db: Db,
  userId: string,
  f: { unread: boolean; page: number; pageSize: number },
) {
  const mine = eq(notifications.userId, userId);
  const where = f.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

/** Marks one of the user's notifications read; null when it is not theirs (→ 404). */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<NotificationRow | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .limit(1);
  if (!row) return null;
  if (row.readAt) return row;
  const [updated] = await db.update(notifications).set({ readAt: at }).where(eq(notifications.id, id)).returning();
  return updated ?? null;
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
