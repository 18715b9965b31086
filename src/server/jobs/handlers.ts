// What each job kind does, and the daily schedule. Built from the server's dependencies so tests can
// fix the clock and point SMTP at an in-process server.
import { vietnamDateOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import type { AppConfig } from '../config.ts';
import { EXPORT_JOB, type ExportPayload, runExportJob } from './export-job.ts';
import { enqueueJob } from './queue.ts';
import { REMINDER_SCAN_JOB, type ReminderScanPayload, runReminderScan } from './reminder-scan.ts';
import { EMAIL_JOB, type EmailPayload, sendEmail } from './send-email.ts';
import { DEFAULT_IDLE_MINUTES, PURGE_SESSIONS_JOB, runSessionPurge, scheduleSessionPurge } from './purge-sessions.ts';
import type { JobHandler } from './worker.ts';

export interface JobContext {
  db: Db;
  config: Pick<AppConfig, 'publicBaseUrl' | 'smtp' | 'reminderHour'> & Partial<Pick<AppConfig, 'sessionIdleMinutes'>>;
  clock: () => Date;
}

export function createJobHandlers(ctx: JobContext): Record<string, JobHandler> {
  return {
    [REMINDER_SCAN_JOB]: (payload) => runReminderScan(ctx.db, ctx.config, ctx.clock(), (payload ?? {}) as ReminderScanPayload),
    [EMAIL_JOB]: (payload) => sendEmail(ctx.config, payload as EmailPayload),
    [EXPORT_JOB]: (payload, job) => runExportJob(ctx as JobContext & { config: AppConfig }, payload as ExportPayload, job),
    [PURGE_SESSIONS_JOB]: () => runSessionPurge(ctx.db, ctx.config.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES),
  };
}

/**
 * Enqueues the day's reminder scan once the Vietnamese clock reaches REMINDER_HOUR (once per date, across
 * processes), and the hourly session purge (real time: sessions are stamped with it).
 */
export function createScheduler(ctx: JobContext): (now: Date) => Promise<void> {
  let scheduledFor = '';
  let purgeHour = '';
  return async (now) => {
    const hour = new Date().toISOString().slice(0, 13);
    if (hour !== purgeHour) {
      await scheduleSessionPurge(ctx.db);
      purgeHour = hour;
    }
    const vietnam = new Date(now.getTime() + 7 * 3600_000);
    const date = vietnamDateOf(now);
    if (date === scheduledFor || vietnam.getUTCHours() < ctx.config.reminderHour) return;
    await enqueueJob(ctx.db, { kind: REMINDER_SCAN_JOB, payload: { date }, key: `${REMINDER_SCAN_JOB}:${date}`, runAt: now });
    scheduledFor = date;
  };
}
