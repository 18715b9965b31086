// The reminder scan job. Scheduled (daily): for each open campaign and each unit group whose days remaining
// to the self-assessment deadline (Vietnam calendar) is one of rules.reminderDaysBefore, every reporter
// and leader of each unit that has not submitted gets one notification. Manual ("Gửi nhắc nhở ngay"):
// the same for one campaign whatever the days remaining, at most once a day. A dedupe key per (assessment,
// occasion) and user means a re-run never duplicates; a transaction-scoped advisory lock per campaign
// keeps two processes scanning at once from both inserting. E-mails are enqueued as jobs in the same
// transaction (an outbox), so a mail server that is down delays them, with retries, and loses none.
import { daysRemaining, vietnamDateOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import {
  insertReminderNotifications,
  lockCampaignReminders,
  sentReminderKeys,
} from '../../db/queries/job-reminder-scan.ts';
import { type ReminderTarget, findReminderTargets } from '../../db/queries/reminders.ts';
import type { AppConfig } from '../../infra/config.ts';
import { EMAIL_JOB } from './send-email.ts';
import { enqueueJob } from './queue.ts';
import { reminderBody, reminderEmail, reminderTitle } from './reminder-text.ts';

export const REMINDER_SCAN_JOB = 'reminder.scan';

export interface ReminderScanPayload {
  campaignId?: string;
  manual?: boolean;
}

export interface ReminderScanResult {
  campaigns: number;
  notifications: number;
  emails: number;
}

export interface ReminderScanOptions {
  config: Pick<AppConfig, 'publicBaseUrl' | 'smtp'>;
  now: Date;
  payload: ReminderScanPayload;
}

export async function runReminderScan(
  db: Db,
  { config, now, payload }: ReminderScanOptions,
): Promise<ReminderScanResult> {
  const today = vietnamDateOf(now);
  const targets = await findReminderTargets(db, payload.campaignId);
  const byCampaign = new Map<string, { target: ReminderTarget; days: number; key: string }[]>();
  for (const t of targets) {
    const days = daysRemaining(now, t.deadline);
    const occasion = payload.manual
      ? `manual:${today}`
      : (t.rules.reminderDaysBefore ?? []).includes(days)
        ? `before:${days}`
        : null;
    if (!occasion) continue;
    const list = byCampaign.get(t.campaignId) ?? [];
    list.push({ target: t, days, key: `reminder:${t.assessmentId}:${occasion}` });
    byCampaign.set(t.campaignId, list);
  }
  const result: ReminderScanResult = { campaigns: byCampaign.size, notifications: 0, emails: 0 };
  for (const [campaignId, due] of byCampaign) {
    await db.transaction(async (tx) => {
      await lockCampaignReminders(tx, campaignId);
      const sent = await sentReminderKeys(
        tx,
        [...new Set(due.map((d) => d.target.userId))],
        [...new Set(due.map((d) => d.key))],
      );
      const fresh = due.filter((d) => !sent.has(`${d.target.userId} ${d.key}`));
      if (fresh.length === 0) return;
      const facts = (d: (typeof fresh)[number], link: string) => ({
        unitName: d.target.unitName,
        campaignName: d.target.campaignName,
        deadline: d.target.deadline,
        daysRemaining: d.days,
        link,
      });
      await insertReminderNotifications(
        tx,
        fresh.map((d) => {
          const f = facts(d, `/assessments/${d.target.assessmentId}`);
          return {
            userId: d.target.userId,
            kind: 'reminder',
            params: {
              unitName: f.unitName,
              campaignName: f.campaignName,
              deadline: f.deadline,
              daysRemaining: f.daysRemaining,
            },
            title: reminderTitle(f),
            body: reminderBody(f),
            link: f.link,
            dedupeKey: d.key,
            createdAt: now,
          };
        }),
      );
      result.notifications += fresh.length;
      if (!config.smtp) return;
      const base = (config.publicBaseUrl ?? '').replace(/\/+$/, '');
      for (const d of fresh) {
        if (!d.target.email) continue;
        const mail = reminderEmail(facts(d, `${base}/assessments/${d.target.assessmentId}`), d.target.fullName);
        await enqueueJob(tx, { kind: EMAIL_JOB, payload: { to: d.target.email, ...mail }, runAt: now });
        result.emails++;
      }
    });
  }
  return result;
}
