// What each job kind does, and the schedule (the daily reminder scan from REMINDER_HOUR, the hourly purge
// of ended sessions, the daily purge of finished jobs, the hourly audit checkpoint, data-source pulls due,
// and on an embedded database the nightly VACUUM (ANALYZE) — also run after each finished pull). Built from the server's dependencies so tests can
// fix the clock and point SMTP at an in-process server.
import { vietnamDateOf } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { writeAuditCheckpoint } from '../audit/checkpoints.ts';
import type { AppConfig } from '../../infra/config.ts';
import { createFileStore } from '../../infra/storage/create-file-store.ts';
import type { FileStore } from '../../infra/storage/file-store.ts';
import { type KeySecrets, keySecrets as resolveKeySecrets } from '../publication/key-secret.ts';
import { DATA_SOURCE_PULL_JOB, type PullPayload } from '../data-sources/request-run.ts';
import { runPull } from '../data-sources/run-pull.ts';
import { scheduleDataSourcePulls } from '../data-sources/schedule-pulls.ts';
import { DEFAULT_RETRY } from '../../core/data-sources/index.ts';
import { AUDIT_CHECKPOINT_JOB, scheduleAuditCheckpoint } from './audit-checkpoint-job.ts';
import { EXPORT_JOB, type ExportPayload, runExportJob } from './export-job.ts';
import { DEFAULT_JOB_RETENTION_DAYS, PURGE_JOBS_JOB, purgeFinishedJobs } from './purge-jobs.ts';
import { enqueueJob } from './queue.ts';
import { REMINDER_SCAN_JOB, type ReminderScanPayload, runReminderScan } from './reminder-scan.ts';
import { EMAIL_JOB, type EmailPayload, sendEmail } from './send-email.ts';
import { DEFAULT_IDLE_MINUTES, PURGE_SESSIONS_JOB, runSessionPurge, scheduleSessionPurge } from './purge-sessions.ts';
import {
  VACUUM_JOB,
  nextVacuumNight,
  runVacuum,
  scheduleNightlyVacuum,
  scheduleVacuumAfterPull,
} from './vacuum-embedded.ts';
import type { JobHandler } from './worker.ts';

export interface JobContext {
  db: Db;
  /** Which database `db` is: 'pglite' (no autovacuum) adds the vacuum job; absent counts as PostgreSQL. */
  databaseKind?: 'pglite' | 'postgres';
  config: Pick<AppConfig, 'publicBaseUrl' | 'smtp' | 'reminderHour'> &
    Partial<
      Pick<
        AppConfig,
        | 'sessionIdleMinutes'
        | 'jobRetentionDays'
        | 'dataDir'
        | 'evidenceStore'
        | 'evidenceQuotaBytes'
        | 'dataSources'
        | 'sessionSecret'
        | 'env'
      >
    >;
  /** The business clock (the server's `clock`; tests fix it): due dates, reminders, job runs, exports. */
  clock: () => Date;
  /**
   * Real time, for what authentication stamps with it (sessions, guessing counters: their hourly purge).
   * The entry point passes the system clock, also in tests that fix `clock` (docs/decisions/0016).
   */
  realClock: () => Date;
  /** Where export files live (default: the configured store). */
  fileStore?: FileStore;
  /** The key-encryption secrets: when given, the hourly audit checkpoint is scheduled and signed. */
  keySecrets?: KeySecrets;
  /** Waits between a data source's retries (tests shorten them). */
  pullSleep?: (ms: number) => Promise<void>;
}

/** The data-source pull's context: limits from the configuration, the secrets that open source tokens. */
function pullContextOf(ctx: JobContext) {
  const ds = ctx.config.dataSources ?? {
    timeoutMs: 30_000,
    maxBytes: 32 * 1024 * 1024,
    retries: 3,
    retryBaseMs: 2000,
    allowLoopbackHttp: false,
  };
  const secrets =
    ctx.keySecrets ??
    resolveKeySecrets({
      dataDir: ctx.config.dataDir ?? 'data',
      sessionSecret: ctx.config.sessionSecret,
      env: ctx.config.env ?? 'development',
    });
  return {
    db: ctx.db,
    secrets,
    clock: ctx.clock,
    limits: {
      timeoutMs: ds.timeoutMs,
      maxBytes: ds.maxBytes,
      allowLoopbackHttp: ds.allowLoopbackHttp,
      retry: { ...DEFAULT_RETRY, attempts: ds.retries + 1, baseMs: ds.retryBaseMs },
    },
    ...(ctx.pullSleep ? { sleep: ctx.pullSleep } : {}),
  };
}

/** The store holding export files: the given one, else the configured one (null if it is not configured). */
function exportStoreOf(ctx: JobContext): FileStore | null {
  if (ctx.fileStore) return ctx.fileStore;
  return ctx.config.dataDir && ctx.config.evidenceStore ? createFileStore(ctx.config as AppConfig) : null;
}

export function createJobHandlers(ctx: JobContext): Record<string, JobHandler> {
  return {
    [REMINDER_SCAN_JOB]: (payload) =>
      runReminderScan(ctx.db, {
        config: ctx.config,
        now: ctx.clock(),
        payload: (payload ?? {}) as ReminderScanPayload,
      }),
    [EMAIL_JOB]: (payload) => sendEmail(ctx.config, payload as EmailPayload),
    [EXPORT_JOB]: (payload, job) =>
      runExportJob(ctx as JobContext & { config: AppConfig }, payload as ExportPayload, job),
    // Real time, not ctx.clock(): sessions and counters are stamped with it (purge-sessions.ts).
    [PURGE_SESSIONS_JOB]: () =>
      runSessionPurge(ctx.db, {
        idleMinutes: ctx.config.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES,
        now: ctx.realClock(),
      }),
    [PURGE_JOBS_JOB]: () =>
      purgeFinishedJobs(ctx.db, {
        now: ctx.clock(),
        retentionDays: ctx.config.jobRetentionDays ?? DEFAULT_JOB_RETENTION_DAYS,
        store: exportStoreOf(ctx),
      }),
    [DATA_SOURCE_PULL_JOB]: async (payload) => {
      const result = await runPull(pullContextOf(ctx), payload as PullPayload);
      // A pull rewrites thousands of item rows: on PGlite their dead versions are reclaimed right after.
      if (ctx.databaseKind === 'pglite' && result.status !== 'skipped')
        await scheduleVacuumAfterPull(ctx.db, result.runId, ctx.clock());
      return result;
    },
    ...(ctx.databaseKind === 'pglite' ? { [VACUUM_JOB]: () => runVacuum(ctx.db) } : {}),
    ...(ctx.keySecrets
      ? { [AUDIT_CHECKPOINT_JOB]: () => writeAuditCheckpoint(ctx.db, ctx.keySecrets!, ctx.clock()) }
      : {}),
  };
}

/**
 * Enqueues the hourly session purge (real time: sessions are stamped with it), the day's purge of finished
 * jobs (at the first tick of the date) and the day's reminder scan once the Vietnamese clock reaches
 * REMINDER_HOUR, (given the key secrets) this hour's audit checkpoint and (on PGlite) the coming night's
 * vacuum — each once per hour, date or night across processes (the job id is the key).
 */
export function createScheduler(ctx: JobContext): (now: Date) => Promise<void> {
  let scanFor = '';
  let jobsPurgeFor = '';
  let purgeHour = '';
  let checkpointHour = '';
  let pullsMinute = '';
  let vacuumNight = 0;
  return async (now) => {
    if (ctx.databaseKind === 'pglite' && now.getTime() >= vacuumNight) {
      await scheduleNightlyVacuum(ctx.db, now);
      vacuumNight = nextVacuumNight(now).getTime();
    }
    // Scheduled data-source pulls: looked at once a minute (each run is keyed, so once per date or month).
    if (now.toISOString().slice(0, 16) !== pullsMinute) {
      await scheduleDataSourcePulls(ctx.db, now);
      pullsMinute = now.toISOString().slice(0, 16);
    }
    const realNow = ctx.realClock(); // the session purge runs on real time (sessions are stamped with it)
    const hour = realNow.toISOString().slice(0, 13);
    if (hour !== purgeHour) {
      await scheduleSessionPurge(ctx.db, { now: realNow });
      purgeHour = hour;
    }
    if (ctx.keySecrets && now.toISOString().slice(0, 13) !== checkpointHour) {
      await scheduleAuditCheckpoint(ctx.db, now);
      checkpointHour = now.toISOString().slice(0, 13);
    }
    const vietnam = new Date(now.getTime() + 7 * 3600_000);
    const date = vietnamDateOf(now);
    if (date !== jobsPurgeFor) {
      await enqueueJob(ctx.db, {
        kind: PURGE_JOBS_JOB,
        payload: { date },
        key: `${PURGE_JOBS_JOB}:${date}`,
        runAt: now,
      });
      jobsPurgeFor = date;
    }
    if (date === scanFor || vietnam.getUTCHours() < ctx.config.reminderHour) return;
    await enqueueJob(ctx.db, {
      kind: REMINDER_SCAN_JOB,
      payload: { date },
      key: `${REMINDER_SCAN_JOB}:${date}`,
      runAt: now,
    });
    scanFor = date;
  };
}
