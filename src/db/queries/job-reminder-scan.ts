// The statements of the reminder scan job (app/jobs/reminder-scan.ts): the per-campaign lock, the
// reminders already sent (by dedupe key) and the insert of new ones. Who to remind is read by
// findReminderTargets (reminders.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { notifications } from '../schema/supply.ts';
import { rowsOf } from './assessments.ts';
import { textArray, uuidArray } from './sql-arrays.ts';
import { LOCK_CLASS } from '../lock-classes.ts';

const CAMPAIGN_LOCK_SPACE = LOCK_CLASS.campaignReminders;

/** Transaction-scoped lock per campaign: two processes scanning at once never both insert. */
export async function lockCampaignReminders(tx: Db, campaignId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CAMPAIGN_LOCK_SPACE}, hashtext(${campaignId}))`);
}

/** The notifications among these users and dedupe keys that exist already, as "userId dedupeKey". */
export async function sentReminderKeys(tx: Db, userIds: string[], dedupeKeys: string[]): Promise<Set<string>> {
  const existing = await tx.execute(sql`select user_id, dedupe_key from notifications
        where user_id = any(${uuidArray(userIds)}) and dedupe_key = any(${textArray(dedupeKeys)})`);
  return new Set(rowsOf<{ user_id: string; dedupe_key: string }>(existing).map((r) => `${r.user_id} ${r.dedupe_key}`));
}

export async function insertReminderNotifications(
  tx: Db,
  values: (typeof notifications.$inferInsert)[],
): Promise<void> {
  await tx.insert(notifications).values(values);
}
