// Figures supplied by other systems and specialised agencies (000 Điều 8.3.d, 12.4; 002 Điều 7.2.b),
// notifications, API tokens for machine clients, and the database-backed job queue (reminders, exports)
// that any app process may run.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { campaigns } from './campaigns.ts';
import { dataSourceRuns } from './data-sources.ts';
import { orgUnits } from './org.ts';

export const suppliedFigures = pgTable(
  'supplied_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    inputs: jsonb('inputs').$type<Record<string, number | boolean | string | null>>().notNull(),
    /** Named source, e.g. "Hệ thống thông tin giải quyết TTHC tỉnh". */
    source: text('source').notNull(),
    suppliedBy: uuid('supplied_by').references(() => users.id),
    suppliedAt: timestamp('supplied_at', { withTimezone: true }).notNull().defaultNow(),
    /** The pull that brought it, when a data source did (data-sources.ts): its URL, time and raw values. */
    dataSourceRunId: uuid('data_source_run_id').references(() => dataSourceRuns.id, { onDelete: 'set null' }),
  },
  (t) => [index('supplied_figures_lookup_idx').on(t.campaignId, t.unitId, t.code)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The kind's parameters (contract/notifications.ts), worded by the staff app; null on older rows. */
    params: jsonb('params').$type<Record<string, string | number>>(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /** De-duplication key: one reminder per (campaign, unit, days-before) per user. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_dedupe_idx').on(t.dedupeKey)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once. */
    tokenHash: text('token_hash').notNull().unique(),
    /** What the token may do (core/policy/token-scopes.ts), e.g. 'figures:write'. */
    scope: text('scope').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Why it was revoked: 'manual', 'password_changed', 'password_reset', 'role_lost', 'account_disabled'. */
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    doneAt: timestamp('done_at', { withTimezone: true }),
    lastError: text('last_error'),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('jobs_due_idx').on(t.doneAt, t.runAt)],
);
