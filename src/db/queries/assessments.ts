// Reading assessments within an actor's scope, set-based (assessment-policy): the unit's reporters and
// leader, overseers whose roles reach the unit, and the DX office running the campaign. One query loads
// an assessment with everything a decision needs (campaign, group, unit, owner). The item-save hot path
// has its own static statements (item-save.ts).
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import { type assessmentItems, assessments, campaignGroups, campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { suppliedFigures } from '../schema/supply.ts';
import { type ScopedActor, isUuid, unitsReachedCondition } from './org-units.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type ItemRow = typeof assessmentItems.$inferSelect;

export const UNIT_READERS: readonly Role[] = [
  'unit_reporter',
  'unit_leader',
  'dx_office',
  'support_team',
  'council_member',
  'council_chair',
  'viewer',
];

function reachedIds(actor: ScopedActor, roles: readonly Role[], column: AnyPgColumn): SQL {
  const reached = unitsReachedCondition(actor, roles);
  if (!reached) return sql`true`;
  return sql`${column} in (select ${orgUnits.id} from ${orgUnits} where ${reached})`;
}

/**
 * SQL condition on assessments joined with campaigns: readable by the actor (undefined = everything).
 * The form load states the same condition with the scope as array parameters (assessment-form-read.ts):
 * change both together.
 */
export function readableAssessmentsCondition(actor: ScopedActor): SQL | undefined {
  if (!unitsReachedCondition(actor, ['dx_office'])) return undefined; // system administrator
  return sql`(${reachedIds(actor, UNIT_READERS, assessments.unitId)} or ${reachedIds(actor, ['dx_office'], campaigns.ownerUnitId)})`;
}

const owner = alias(orgUnits, 'owner_unit');

const contextColumns = {
  assessment: assessments,
  campaign: {
    id: campaigns.id,
    name: campaigns.name,
    year: campaigns.year,
    kind: campaigns.kind,
    status: campaigns.status,
    rules: campaigns.rules,
    ownerUnitId: campaigns.ownerUnitId,
    parentCampaignId: campaigns.parentCampaignId,
    progressMonths: campaigns.progressMonths,
  },
  group: {
    id: campaignGroups.id,
    name: campaignGroups.name,
    frameworkId: campaignGroups.frameworkId,
    reportingFrom: campaignGroups.reportingFrom,
    reportingTo: campaignGroups.reportingTo,
    deadlineSelfAssessment: campaignGroups.deadlineSelfAssessment,
    deadlinePreReview: campaignGroups.deadlinePreReview,
    deadlineAppraisal: campaignGroups.deadlineAppraisal,
    deadlinePublication: campaignGroups.deadlinePublication,
  },
  unit: { id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, path: orgUnits.path },
  ownerPath: owner.path,
};

export type AssessmentContext = {
  assessment: AssessmentRow;
  campaign: {
    id: string;
    name: string;
    year: number;
    kind: string;
    status: string;
    rules: typeof campaigns.$inferSelect.rules;
    ownerUnitId: string;
    parentCampaignId: string | null;
    progressMonths: number | null;
  };
  group: {
    id: string;
    name: string;
    frameworkId: string;
    reportingFrom: string;
    reportingTo: string;
    deadlineSelfAssessment: string;
    deadlinePreReview: string | null;
    deadlineAppraisal: string | null;
    deadlinePublication: string | null;
  };
  unit: { id: string; code: string; name: string; path: string };
  ownerPath: string;
};

function selectContext(db: Db) {
  return db
    .select(contextColumns)
    .from(assessments)
    .innerJoin(campaigns, eq(campaigns.id, assessments.campaignId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, assessments.campaignGroupId))
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .innerJoin(owner, eq(owner.id, campaigns.ownerUnitId));
}

/** The assessment with its context if the actor may read it. `lock`: 'update' for status changes. */
export async function findReadableAssessment(
  db: Db,
  actor: ScopedActor,
  id: string,
  lock?: 'update',
): Promise<AssessmentContext | null> {
  if (!isUuid(id)) return null;
  const q = selectContext(db)
    .where(and(eq(assessments.id, id), readableAssessmentsCondition(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: assessments }) : await q;
  return row ?? null;
}

/** A row read through to_jsonb has snake_case keys and ISO strings. */
export function itemFromJson(j: Record<string, unknown>): ItemRow {
  return {
    assessmentId: String(j.assessment_id),
    code: String(j.code),
    inputs: (j.inputs ?? {}) as ItemRow['inputs'],
    selfScore: j.self_score === null || j.self_score === undefined ? null : Number(j.self_score),
    explanation: String(j.explanation ?? ''),
    version: Number(j.version),
    reopened: Boolean(j.reopened),
    updatedBy: (j.updated_by as string | null) ?? null,
    updatedAt: new Date(String(j.updated_at)),
  };
}

export interface ItemWithExtras extends ItemRow {
  evidenceIds: string[];
  updatedByName: string | null;
}

/** Every saved item of an assessment with its evidence ids and who last saved it. */
export async function loadItems(db: Db, assessmentId: string): Promise<ItemWithExtras[]> {
  const [row] = await runNamed(db, itemsOf, [assessmentId]);
  return (row?.items ?? []).map(itemWithExtras);
}

/**
 * Every saved item of an assessment with its evidence ids (one grouped scan of item_evidence, not a
 * subquery per item) and who last saved it, as one JSON value: parsed once by the driver rather than field
 * by field (PGlite decodes a 100-row answer slowly). `assessment`: the SQL of the assessment's id.
 * Who saved: a lookup per item by primary key, never a join — a prepared statement's generic plan estimates
 * the rows of "one assessment's items" from the table's statistics, which undercount the assessments when
 * items lie clustered by form (the national fixture: 5,327 estimated for 70 real), and then hashes the
 * whole users table on every form load: 276 pages, 1.9 of 2.3 ms; the lookups take 0.2 (EXPLAIN ANALYZE,
 * 8,000 users).
 */
export const itemsJson = (assessment: string) => `(select coalesce(json_agg(json_build_object(
     'assessment_id', i.assessment_id, 'code', i.code, 'inputs', i.inputs, 'self_score', i.self_score,
     'explanation', i.explanation, 'version', i.version, 'reopened', i.reopened, 'updated_by', i.updated_by,
     'updated_at', i.updated_at, 'updated_by_name', (select u.full_name from users u where u.id = i.updated_by),
     'evidence_ids', coalesce(ev.ids, '{}'))), '[]')
   from assessment_items i
   left join (select e.code, array_agg(e.evidence_id::text order by e.evidence_id) as ids
              from item_evidence e where e.assessment_id = ${assessment} group by e.code) ev on ev.code = i.code
   where i.assessment_id = ${assessment})`;

const itemsOf = namedStatement<{ items: Record<string, unknown>[] }>(
  'assessment_items_of',
  `select ${itemsJson('$1::uuid')} as items`,
);

/** The latest supplied figures per code of one unit in one campaign as a JSON array (SQL expressions given). */
export const suppliedJson = (campaignId: string, unitId: string) =>
  `(select coalesce(json_agg(json_build_object('code', s.code, 'inputs', s.inputs, 'source', s.source,
         'supplied_at', s.supplied_at)), '[]')
       from (select distinct on (code) code, inputs, source, supplied_at from supplied_figures
             where campaign_id = ${campaignId} and unit_id = ${unitId} order by code, supplied_at desc) s)`;

/** What the form shows of one assessment in one round trip: its items, and the latest supplied figures
 * per code for the unit in the campaign ($2, $3). */
const formRows = namedStatement<{ items: Record<string, unknown>[]; supplied: Record<string, unknown>[] }>(
  'assessment_form_rows',
  `select ${itemsJson('$1::uuid')} as items, ${suppliedJson('$2::uuid', '$3::uuid')} as supplied`,
);

/**
 * itemFromJson's row with the extras assigned after it, not spread into a copy: this runs for every item
 * of every form load.
 */
export function itemWithExtras(j: Record<string, unknown>): ItemWithExtras {
  const item = itemFromJson(j) as ItemWithExtras;
  item.evidenceIds = (j.evidence_ids as string[] | null) ?? [];
  item.updatedByName = (j.updated_by_name as string | null) ?? null;
  return item;
}

export interface FormRows {
  items: ItemWithExtras[];
  supplied: SuppliedMap;
}

/** The items and supplied figures of a form as the statements answer them (JSON arrays, snake_case). */
export function formRowsOf(
  row: { items?: Record<string, unknown>[]; supplied?: Record<string, unknown>[] } | undefined,
): FormRows {
  const items = (row?.items ?? []).map(itemWithExtras);
  const supplied: SuppliedMap = new Map(
    (row?.supplied ?? []).map((r) => [
      String(r.code),
      {
        inputs: r.inputs as Record<string, unknown>,
        source: String(r.source),
        suppliedAt: new Date(String(r.supplied_at)).toISOString(),
      },
    ]),
  );
  return { items, supplied };
}

/** The saved items (as loadItems) and the supplied figures (as loadSupplied) of a form, in one statement. */
export async function loadFormRows(
  db: Db,
  ids: { assessmentId: string; campaignId: string; unitId: string },
): Promise<FormRows> {
  const [row] = await runNamed(db, formRows, [ids.assessmentId, ids.campaignId, ids.unitId]);
  return formRowsOf(row);
}

export async function loadItem(db: Db, assessmentId: string, code: string): Promise<ItemWithExtras | null> {
  return (await loadItems(db, assessmentId)).find((i) => i.code === code) ?? null;
}

export type SuppliedMap = Map<string, { inputs: Record<string, unknown>; source: string; suppliedAt: string }>;

/** The latest supplied figures per item code for one unit in one campaign. */
export async function loadSupplied(db: Db, campaignId: string, unitId: string): Promise<SuppliedMap> {
  type Row = { code: string; inputs: Record<string, unknown>; source: string; supplied_at: string | Date };
  const rows = await db.execute(
    sql`select distinct on (code) code, inputs, source, supplied_at from ${suppliedFigures}
        where campaign_id = ${campaignId} and unit_id = ${unitId} order by code, supplied_at desc`,
  );
  return new Map(
    rowsOf<Row>(rows).map((r) => [
      r.code,
      { inputs: r.inputs, source: r.source, suppliedAt: new Date(r.supplied_at).toISOString() },
    ]),
  );
}

/** node-postgres answers {rows}, PGlite answers {rows} too, but typed differently: read both. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
