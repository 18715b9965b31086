// Packed copies of the item scores, for the results engine. The rows of assessment_items (self scores)
// and item_reviews (the council's final scores, N/A, replacements) stay the source of truth; database
// triggers (migration 0006) keep, in the same transaction as every write to them, one row per assessment
// holding the same scores packed in the index set's leaf order. A full recompute of a national campaign
// then reads 4,000 rows of ~0.9 KB instead of aggregating 800,000 item rows (docs/decisions/0004).
// Writers only mark the assessments they touched (score_sheet_changes); readers fold the marks in.
import { bigint, boolean, customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { assessments } from './campaigns.ts';
import { frameworks } from './frameworks.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The leaves of each index-set version, in pre-order (the order of a score sheet's slots). */
export const frameworkLeaves = pgTable(
  'framework_leaves',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
);

/**
 * One assessment's scores, `leaf_count` slots: final scores as whole hundredths of a point (int4,
 * big-endian, -2147483648 = none) ‖ self scores (same) ‖ one flag byte per slot (1 = the council marked
 * it N/A, 2 = a review row exists). A score that is not a whole number of hundredths makes the sheet
 * irregular (see thuocdo_sheet_hundredths).
 */
export const assessmentScoreSheets = pgTable(
  'assessment_score_sheets',
  {
    assessmentId: uuid('assessment_id')
      .primaryKey()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    leafCount: integer('leaf_count').notNull(),
    data: bytea('data').notNull(),
    /** A review names a replacement indicator, or a row's code is not a leaf: the per-item path handles it. */
    irregular: boolean('irregular').notNull().default(false),
  },
  (t) => [index('assessment_score_sheets_framework_idx').on(t.frameworkId)],
);

/** Assessments whose rows changed since their sheet was built (several marks per assessment may exist). */
export const scoreSheetChanges = pgTable(
  'score_sheet_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assessmentId: uuid('assessment_id').notNull(),
  },
  (t) => [index('score_sheet_changes_assessment_idx').on(t.assessmentId)],
);
