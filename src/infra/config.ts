// Configuration, read once at boot from the environment and validated. A wrong value stops the process
// with one clear line naming the variable (see formatConfigError).
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../exchange/spreadsheet/limits.ts';

const port = z.coerce.number().int().min(0).max(65535);

/** An address or a CIDR block (10.0.0.0/8, 2001:db8::/32): the first entry that is neither is named. */
function badProxyEntry(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return true;
  if (prefix === undefined) return false;
  return !/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128);
}
const trustedProxies = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    const bad = entries.find(badProxyEntry);
    if (bad !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `"${bad}" không phải địa chỉ IP hay khối CIDR (ví dụ 127.0.0.1, 10.0.0.0/8)`,
      });
  });

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  // No default here: whether HOST was given decides the demo's address (loopback unless given).
  HOST: z.string().min(1).optional(),
  THUOCDO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải là một URL postgres:// hoặc postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự').optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(2)
    .max(24 * 60)
    .default(30),
  TRUSTED_PROXIES: trustedProxies,
  API_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: port.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  JOB_WORKER: z.enum(['true', 'false', '1', '0']).default('true'),
  JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_DOCS: z.enum(['true', 'false', '1', '0']).optional(),
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  EVIDENCE_QUOTA_BYTES: z.coerce.number().int().positive().optional(),
  EVIDENCE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).default('true'),
  S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  S3_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  S3_ORPHAN_SWEEP: z.enum(['true', 'false', '1', '0']).default('true'),
  S3_ORPHAN_GRACE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(60),
  IMPORT_MAX_INFLATED_MB: z.coerce.number().int().min(1).max(4096).default(64),
  IMPORT_MAX_CELLS: z.coerce.number().int().min(1000).default(300_000),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(100).default(100_000),
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(128).max(16_384).default(512),
  // The forms' items kept per process at their current revision (docs/decisions/0018); 0 turns it off.
  FORM_CACHE_MB: z.coerce.number().int().min(0).max(4_096).default(128),
  DATA_SOURCE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  DATA_SOURCE_MAX_MB: z.coerce.number().int().min(1).max(512).default(32),
  DATA_SOURCE_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  DATA_SOURCE_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(2000),
  DATA_SOURCE_ALLOW_LOOPBACK_HTTP: z.enum(['true', 'false', '1', '0']).default('false'),
});

/** Where evidence files live: the local disk (default) or an S3-compatible bucket. */
export type EvidenceStoreConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
      /** Longest wait for the bucket to make progress, and extra attempts (all its requests are idempotent). */
      timeoutMs: number;
      retries: number;
      /** Start-up sweep of unrecorded objects (needs s3:ListBucket), sparing those younger than the grace age. */
      orphanSweep: boolean;
      orphanGraceMs: number;
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** HOST was set in the environment (the demo listens on loopback unless it was). */
  hostGiven: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string | undefined;
  publicBaseUrl: string | undefined;
  sessionTtlHours: number;
  /** A session unused for this long ends (beside the absolute SESSION_TTL_HOURS). */
  sessionIdleMinutes: number;
  /** Proxies whose X-Forwarded-For / -Proto are believed (Fastify trustProxy); empty → none. */
  trustedProxies: string[];
  /** API token lifetime: default when issuing, and the longest allowed. */
  apiTokenDays: { defaultDays: number; maxDays: number };
  smtp: { host: string; port: number; user?: string; password?: string; from?: string } | undefined;
  /** Hour (Vietnam time) from which the daily reminder scan runs. */
  reminderHour: number;
  /** Whether this process runs the job worker (reminders, e-mails); several processes may. */
  jobWorker: boolean;
  /** Finished jobs (and the files of finished exports) are deleted this many days after they finished. */
  jobRetentionDays: number;
  logLevel: string;
  /** Serve the API documentation (/api/docs): always in development and test, in production only with API_DOCS=true. */
  apiDocs: boolean;
  evidenceMaxBytes: number;
  evidenceQuotaBytes: number | undefined;
  evidenceStore: EvidenceStoreConfig;
  /** Uploaded spreadsheets (imports): what one file may cost, and the worker threads that read them. */
  imports: ImportsConfig;
  /** Pulls from data sources: time and size limits, retries; plain HTTP to loopback only for tests. */
  dataSources: DataSourcesConfig;
  /** Bytes of presented form items a process keeps (FORM_CACHE_MB; form-items-cache.ts). */
  formItemsCacheBytes: number;
}

export interface DataSourcesConfig {
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  retryBaseMs: number;
  allowLoopbackHttp: boolean;
}

export interface ImportsConfig {
  limits: SpreadsheetLimits;
  workers: number;
  workerMemoryMb: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Cấu hình không hợp lệ: ${variable} — ${problem}`);
  }
}

/** Parses the environment; throws ConfigError naming the first wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'bắt buộc khi NODE_ENV=production (ít nhất 32 ký tự)');
  }
  if (c.API_TOKEN_DAYS > c.API_TOKEN_MAX_DAYS) {
    throw new ConfigError('API_TOKEN_DAYS', `không được lớn hơn API_TOKEN_MAX_DAYS (${c.API_TOKEN_MAX_DAYS})`);
  }
  const allowLoopbackHttp = c.DATA_SOURCE_ALLOW_LOOPBACK_HTTP === 'true' || c.DATA_SOURCE_ALLOW_LOOPBACK_HTTP === '1';
  if (c.NODE_ENV === 'production' && allowLoopbackHttp) {
    throw new ConfigError(
      'DATA_SOURCE_ALLOW_LOOPBACK_HTTP',
      'chỉ dùng cho kiểm thử, không dùng khi NODE_ENV=production',
    );
  }
  if (c.SMTP_HOST && !c.SMTP_FROM) {
    throw new ConfigError('SMTP_FROM', 'bắt buộc khi đã đặt SMTP_HOST');
  }
  const evidenceStore = evidenceStoreConfig(c);
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST ?? '0.0.0.0',
    hostGiven: c.HOST !== undefined,
    dataDir: path.resolve(c.THUOCDO_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    sessionSecret: c.SESSION_SECRET,
    publicBaseUrl: c.PUBLIC_BASE_URL,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    trustedProxies: c.TRUSTED_PROXIES,
    apiTokenDays: { defaultDays: c.API_TOKEN_DAYS, maxDays: c.API_TOKEN_MAX_DAYS },
    smtp: c.SMTP_HOST
      ? { host: c.SMTP_HOST, port: c.SMTP_PORT ?? 587, user: c.SMTP_USER, password: c.SMTP_PASSWORD, from: c.SMTP_FROM }
      : undefined,
    reminderHour: c.REMINDER_HOUR,
    jobWorker: c.JOB_WORKER === 'true' || c.JOB_WORKER === '1',
    jobRetentionDays: c.JOB_RETENTION_DAYS,
    logLevel: c.LOG_LEVEL,
    apiDocs: c.NODE_ENV !== 'production' || c.API_DOCS === 'true' || c.API_DOCS === '1',
    evidenceMaxBytes: c.EVIDENCE_MAX_BYTES,
    evidenceQuotaBytes: c.EVIDENCE_QUOTA_BYTES,
    evidenceStore,
    imports: {
      limits: {
        ...DEFAULT_SPREADSHEET_LIMITS,
        maxInflatedBytes: c.IMPORT_MAX_INFLATED_MB * 1024 * 1024,
        maxEntryBytes: Math.floor((c.IMPORT_MAX_INFLATED_MB * 1024 * 1024 * 3) / 4),
        maxCells: c.IMPORT_MAX_CELLS,
        maxRows: c.IMPORT_MAX_ROWS,
      },
      workers: c.IMPORT_WORKERS,
      workerMemoryMb: c.IMPORT_WORKER_MEMORY_MB,
    },
    dataSources: {
      timeoutMs: c.DATA_SOURCE_TIMEOUT_MS,
      maxBytes: c.DATA_SOURCE_MAX_MB * 1024 * 1024,
      retries: c.DATA_SOURCE_RETRIES,
      retryBaseMs: c.DATA_SOURCE_RETRY_BASE_MS,
      allowLoopbackHttp,
    },
    formItemsCacheBytes: c.FORM_CACHE_MB * 1024 * 1024,
  };
}

function evidenceStoreConfig(c: z.infer<typeof configSchema>): EvidenceStoreConfig {
  if (c.EVIDENCE_STORE === 'local') return { kind: 'local' };
  const required = {
    S3_ENDPOINT: c.S3_ENDPOINT,
    S3_BUCKET: c.S3_BUCKET,
    S3_ACCESS_KEY_ID: c.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: c.S3_SECRET_ACCESS_KEY,
  };
  for (const [name, value] of Object.entries(required)) {
    if (!value) throw new ConfigError(name, 'bắt buộc khi EVIDENCE_STORE=s3');
  }
  return {
    kind: 's3',
    endpoint: c.S3_ENDPOINT!,
    bucket: c.S3_BUCKET!,
    region: c.S3_REGION,
    accessKeyId: c.S3_ACCESS_KEY_ID!,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: c.S3_FORCE_PATH_STYLE === 'true' || c.S3_FORCE_PATH_STYLE === '1',
    timeoutMs: c.S3_TIMEOUT_MS,
    retries: c.S3_RETRIES,
    orphanSweep: c.S3_ORPHAN_SWEEP === 'true' || c.S3_ORPHAN_SWEEP === '1',
    orphanGraceMs: c.S3_ORPHAN_GRACE_MINUTES * 60_000,
  };
}
