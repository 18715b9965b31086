// Index sets (bộ chỉ số): one row per version of a set. The FrameworkDefinition is stored whole as a
// JSON document (frozen once published); the few columns beside it are what lists, filters and
// summaries need without loading the nodes. Confirmed node mappings between two versions are kept
// separately, so scores and evidence can be carried over by a person's decision, never a guess.
// A set belongs to the unit that issued it (owner_unit_id, the same on every version of a code): only
// the DX offices whose role reaches that unit change it (core/policy/framework-policy.ts).
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrameworkDefinition } from '../../core/framework/types.ts';
import { users } from './accounts.ts';
import { orgUnits } from './org.ts';

export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code across versions (FrameworkDefinition.code). */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** Name folded (no diacritics, lower case) for accent-insensitive search. */
    nameFolded: text('name_folded').notNull(),
    /** 'draft' | 'published' | 'archived'. */
    status: text('status').notNull().default('draft'),
    definition: jsonb('definition').$type<FrameworkDefinition>().notNull(),
    decisionNumber: text('decision_number').notNull(),
    unitTypes: jsonb('unit_types').$type<string[]>().notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    /** The unit whose decision issued the set (the province for province-wide sets, a district for its own). */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    totalPoints: doublePrecision('total_points').notNull(),
    mainIndicators: integer('main_indicators').notNull(),
    subIndicators: integer('sub_indicators').notNull(),
    leafCount: integer('leaf_count').notNull(),
    /** The version this one was copied from (new version of a set). */
    basedOnId: uuid('based_on_id').references((): AnyPgColumn => frameworks.id, { onDelete: 'set null' }),
    /** Optimistic concurrency: every change increments it; a stale write is refused. */
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('frameworks_code_version_unique').on(t.code, t.version),
    index('frameworks_code_idx').on(t.code),
    index('frameworks_owner_idx').on(t.ownerUnitId),
  ],
);

export interface MappingPair {
  fromCode: string;
  toCode: string;
}

export const frameworkMappings = pgTable(
  'framework_mappings',
  {
    fromId: uuid('from_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    pairs: jsonb('pairs').$type<MappingPair[]>().notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId] }), index('framework_mappings_to_idx').on(t.toId)],
);
