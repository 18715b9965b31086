// Campaigns (kỳ đánh giá), their unit groups (each on a pinned index-set version with its own period and
// deadlines), the participating units, and one assessment per unit with its items.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
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
import type { CampaignRules } from '../../core/campaign/types.ts';
import { users } from './accounts.ts';
import { frameworks } from './frameworks.ts';
import { orgUnits, unitGroups } from './org.ts';

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // annual | progress
    /** A progress round generated from an annual campaign points to it. */
    parentCampaignId: uuid('parent_campaign_id').references((): AnyPgColumn => campaigns.id),
    progressMonths: integer('progress_months'),
    status: text('status').notNull().default('draft'),
    /** The unit whose DX office runs the campaign (province; or a district for its communes). */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    rules: jsonb('rules').$type<CampaignRules>().notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_owner_idx').on(t.ownerUnitId), index('campaigns_year_idx').on(t.year)],
);

export const campaignGroups = pgTable(
  'campaign_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The unit group it was set up from (membership is copied into campaign_units and then frozen). */
    unitGroupId: uuid('unit_group_id').references(() => unitGroups.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    reportingFrom: date('reporting_from', { mode: 'string' }).notNull(),
    reportingTo: date('reporting_to', { mode: 'string' }).notNull(),
    deadlineSelfAssessment: date('deadline_self_assessment', { mode: 'string' }).notNull(),
    deadlinePreReview: date('deadline_pre_review', { mode: 'string' }),
    deadlineAppraisal: date('deadline_appraisal', { mode: 'string' }),
    deadlinePublication: date('deadline_publication', { mode: 'string' }),
    appraiser: text('appraiser').notNull().default('council'), // council | parent_unit
    position: integer('position').notNull().default(0),
  },
  (t) => [index('campaign_groups_campaign_idx').on(t.campaignId)],
);

export const campaignUnits = pgTable(
  'campaign_units',
  {
    campaignGroupId: uuid('campaign_group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.campaignGroupId, t.unitId] }), index('campaign_units_unit_idx').on(t.unitId)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    campaignGroupId: uuid('campaign_group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').notNull().default('draft'), // draft | submitted
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** 'system' (submitted here) or 'external' (received by the DX office through another channel). */
    submissionChannel: text('submission_channel'),
    externalReference: text('external_reference'),
    daysLate: integer('days_late'),
    penaltyPoints: doublePrecision('penalty_points'),
    lowestBand: boolean('lowest_band').notNull().default(false),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
    /** Informational fields (thông tin chung) by InfoField.key: collected, not scored, used by formulas. */
    info: jsonb('info')
      .$type<Record<string, number | null>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('assessments_campaign_unit').on(t.campaignId, t.unitId),
    index('assessments_unit_idx').on(t.unitId),
    index('assessments_group_idx').on(t.campaignGroupId),
  ],
);

export const assessmentItems = pgTable(
  'assessment_items',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    inputs: jsonb('inputs')
      .$type<Record<string, number | boolean | string | null>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    selfScore: doublePrecision('self_score'),
    explanation: text('explanation').notNull().default(''),
    /** Optimistic concurrency per item: a save names the version it started from. */
    version: integer('version').notNull().default(1),
    /** Reopened by the DX office after submission: editable again. */
    reopened: boolean('reopened').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

/**
 * A form's progress as src/core computes it (core/campaign/assessment-progress.ts: items answered, items
 * complete, the self total over its applicable max), kept so the lists and the 4,000-unit progress page read
 * it in their one statement (docs/decisions/0014). Triggers on assessment_items, item_evidence and a change of
 * group bump `rev`; a read first recomputes the rows whose `computed_rev` lags (app/assessments/progress.ts).
 * A missing row is stale too.
 */
export const assessmentProgress = pgTable('assessment_progress', {
  assessmentId: uuid('assessment_id')
    .primaryKey()
    .references(() => assessments.id, { onDelete: 'cascade' }),
  rev: integer('rev').notNull().default(1),
  computedRev: integer('computed_rev').notNull().default(0),
  /** The form's revision (migration 0020, docs/decisions/0018): moves with anything the form's items show. */
  formRev: bigint('form_rev', { mode: 'number' }).notNull().default(1),
  answered: integer('answered').notNull().default(0),
  complete: integer('complete').notNull().default(0),
  selfTotal: doublePrecision('self_total').notNull().default(0),
  selfApplicableMax: doublePrecision('self_applicable_max').notNull().default(0),
});
