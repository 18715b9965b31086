// Organisation tree: units (any depth, parent links + a materialised path for subtree queries),
// lineage of mergers, and unit groups (the sets of units assessed and ranked together).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Name folded (no diacritics, lower case) for accent-insensitive search. */
    nameFolded: text('name_folded').notNull(),
    type: text('type').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    /** '/<root id>/…/<own id>/': ancestors are a prefix, so a subtree is `path LIKE prefix || '%'`. */
    path: text('path').notNull(),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);

export const orgUnitLineage = pgTable(
  'org_unit_lineage',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    note: text('note'),
    /** merger | split | rename (core/org/lineage-rules.ts); rows recorded before 0017 are mergers. */
    kind: text('kind').notNull().default('merger'),
    /** The legal basis: document number (e.g. "1665/NQ-UBTVQH15") and date; null on rows recorded before 0017. */
    legalBasis: text('legal_basis'),
    legalBasisDate: date('legal_basis_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.predecessorId] }), index('org_unit_lineage_pred_idx').on(t.predecessorId)],
);

export const unitGroups = pgTable('unit_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  /** Unit whose DX office owns the group (null: system-wide). */
  ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const unitGroupMembers = pgTable(
  'unit_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => unitGroups.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index('unit_group_members_unit_idx').on(t.unitId)],
);
