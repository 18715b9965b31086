// Data sources (issue 15 §3): other systems the platform pulls figures from on a schedule or on demand —
// the 766 index of the national public-service portal, or any JSON/CSV endpoint — and the record of every
// pull: what was asked (URLs, period), when, the SHA-256 of what came back, the outcome with its reason,
// and per unit the raw values as the source gave them (provenance). Pulled values become supplied figures
// (supply.ts) through the same write path as pushed ones.
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { campaigns } from './campaigns.ts';
import { orgUnits } from './org.ts';

/** One mapped field: a dotted path in a record → the item and input it fills, with its range. */
export interface StoredFieldMapping {
  field: string;
  itemCode: string;
  input: string;
  label?: string;
  min?: number | null;
  max?: number | null;
}

/** The source's identifier of a unit → our unit, or null: known, not assessed here (ignored). */
export type StoredUnitMapping = Record<string, string | null>;

export const dataSources = pgTable(
  'data_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit whose DX office owns the source (and whose campaigns it supplies). */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    owningSystem: text('owning_system').notNull(),
    /** '766' | 'generic' (core/data-sources/profiles.ts). */
    profile: text('profile').notNull(),
    method: text('method').notNull().default('GET'),
    urlTemplate: text('url_template').notNull(),
    bodyTemplate: text('body_template'),
    /** Name of the header carrying the token (e.g. "Authorization"); null → no authentication. */
    authHeader: text('auth_header'),
    /** The token, AES-256-GCM under the key-encryption secret (never returned by the API). */
    authTokenEncrypted: text('auth_token_encrypted'),
    /** 'manual' | 'daily' | 'monthly'. */
    schedule: text('schedule').notNull().default('manual'),
    /** 'year' | 'quarter' | 'month': the period a scheduled run pulls (the current one). */
    periodKind: text('period_kind').notNull().default('month'),
    format: text('format').notNull().default('json'),
    recordsPath: text('records_path').notNull().default(''),
    unitIdField: text('unit_id_field').notNull(),
    unitNameField: text('unit_name_field'),
    /** Identifiers equal to one of our unit codes map to that unit without an entry. */
    matchByCode: boolean('match_by_code').notNull().default(false),
    unitMapping: jsonb('unit_mapping').$type<StoredUnitMapping>().notNull().default({}),
    fieldMapping: jsonb('field_mapping').$type<StoredFieldMapping[]>().notNull().default([]),
    /** The campaign scheduled runs supply (run now may name another). */
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('data_sources_owner_idx').on(t.ownerUnitId)],
);

export const dataSourceRuns = pgTable(
  'data_source_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of creation (runs created within one clock tick still have one order); an identity, so a restore resets it. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => dataSources.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /** "2026", "2026-Q3", "2026-09". */
    period: text('period').notNull(),
    /** 'manual' | 'schedule'. */
    trigger: text('trigger').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    jobId: uuid('job_id'),
    /** 'queued' | 'running' | 'ok' | 'partial' | 'failed'. */
    status: text('status').notNull().default('queued'),
    urls: jsonb('urls').$type<string[]>().notNull().default([]),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    /** SHA-256 (hex) of the response body (of every body in order, for a per-unit source). */
    responseSha256: text('response_sha256'),
    responseBytes: integer('response_bytes'),
    attempts: integer('attempts').notNull().default(0),
    reasonCode: text('reason_code'),
    reasonParams: jsonb('reason_params').$type<Record<string, string | number>>(),
    /** Every problem found (capped), for the DX office's review. */
    problems: jsonb('problems').$type<{ code: string; params: Record<string, string | number> }[]>(),
    /** records, units, unknown, ignored, figures, prefilled, kept, unchanged, locked. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('data_source_runs_source_idx').on(t.sourceId, t.seq)],
);

/** Per unit of a run, the record as the source gave it (provenance; unknown identifiers have no unit). */
export const dataSourceValues = pgTable(
  'data_source_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => dataSourceRuns.id, { onDelete: 'cascade' }),
    sourceUnitId: text('source_unit_id').notNull(),
    sourceUnitName: text('source_unit_name'),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    /** false: the identifier was neither mapped nor ignored when the run read it. */
    known: boolean('known').notNull(),
    raw: jsonb('raw').notNull(),
  },
  (t) => [index('data_source_values_run_idx').on(t.runId), index('data_source_values_unit_idx').on(t.unitId)],
);
