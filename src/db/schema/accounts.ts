// Accounts, role assignments on units, database-backed sessions (so several app processes share them)
// and the login throttle (failures per account and per address, also shared through the database).
import { type AnyPgColumn, boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower case; unique. */
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  fullNameFolded: text('full_name_folded').notNull(),
  email: text('email'),
  phone: text('phone'),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  /**
   * Who created the account (null: the command line, the seed, or before this was recorded). While the
   * account reaches no unit, only its creator and system administrators manage it (core/policy/user-policy).
   */
  createdBy: uuid('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** The unit the role is held on (the province unit for system-wide roles). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    /** The role applies to the unit's whole subtree. */
    subtree: boolean('subtree').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_assignments_unique').on(t.userId, t.role, t.unitId),
    index('role_assignments_unit_idx').on(t.unitId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie token: a leaked table does not give usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Attempt counters for password checks (login, password change), shared by all app processes; see
 * db/queries/attempt-throttle.ts and core/auth/attempt-throttle.ts for the rules.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    /** '<purpose>:pair:<account>|<address>', '<purpose>:account:<account>' or '<purpose>:address:<address>'. */
    key: text('key').primaryKey(),
    /** Attempts counted in the current window (counted before the password is checked). */
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    /** Locked until (pairs, addresses); for an account key: when the next slowed attempt may run. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** How many times this key has been locked: each lock lasts twice as long as the one before. */
    strikes: integer('strikes').notNull().default(0),
    /** Last successful password check for this account from this address (pairs): a known address. */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_throttle_updated_idx').on(t.updatedAt)],
);
