// In-app notifications for the appraisal: a request reaches every active reporter and leader of the unit
// (a grant on the unit itself, or on an ancestor with subtree); a reply reaches whoever asked. Inserted
// directly in the caller's transaction (no shared helper exists for creating notifications yet).
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { notifications } from '../schema/supply.ts';
import { rowsOf } from './assessments.ts';

export interface NotificationInput {
  kind: string;
  /** The kind's parameters (contract/notifications.ts): the staff app words the notification from them. */
  params: Record<string, string | number>;
  /** Vietnamese title and body, kept for e-mail and as the record of what was said. */
  title: string;
  body: string;
  link: string;
}

export async function unitStaffIds(db: Db, unitId: string): Promise<string[]> {
  const rows = rowsOf<{ user_id: string }>(
    await db.execute(sql`select distinct ra.user_id from role_assignments ra
      join users u on u.id = ra.user_id and u.active
      join org_units g on g.id = ra.unit_id
      join org_units target on target.id = ${unitId}::uuid
      where ra.role in ('unit_reporter', 'unit_leader')
        and (ra.unit_id = target.id or (ra.subtree and target.path like g.path || '%'))`),
  );
  return rows.map((r) => r.user_id);
}

export async function notifyUsers(
  db: Db,
  userIds: readonly string[],
  n: NotificationInput,
  now: Date,
): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  await db.insert(notifications).values(ids.map((userId) => ({ userId, ...n, createdAt: now })));
  return ids.length;
}
