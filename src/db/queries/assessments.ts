// Reading assessments within an actor's scope, set-based (assessment-policy): the unit's reporters and
// leader, overseers whose roles reach the unit, and the DX office running the campaign. One query loads
// an assessment with everything a decision needs (campaign, group, unit, owner). The item-save hot path
// has its own static statements (item-save.ts).
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { assessmentItems, assessments, campaignGroups, campaigns } from '../schema/campaigns.ts';
import { itemEvidence } from '../schema/evidence.ts';
import { orgUnits } from '../schema/org.ts';
import { suppliedFigures } from '../schema/supply.ts';
import { type ScopedActor, isUuid, unitsReachedCondition } from './org-units.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type ItemRow = typeof assessmentItems.$inferSelect;

const UNIT_READERS: readonly Role[] = [
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

/** SQL condition on assessments joined with campaigns: readable by the actor (undefined = everything). */
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
  const rows = await db
    .select({
      item: assessmentItems,
      updatedByName: users.fullName,
      evidenceIds: sql<
        string[]
      >`coalesce((select array_agg(e.evidence_id::text order by e.evidence_id) from ${itemEvidence} e where e.assessment_id = ${assessmentItems.assessmentId} and e.code = ${assessmentItems.code}), '{}')`,
    })
    .from(assessmentItems)
    .leftJoin(users, eq(users.id, assessmentItems.updatedBy))
    .where(eq(assessmentItems.assessmentId, assessmentId));
  return rows.map((r) => ({ ...r.item, evidenceIds: r.evidenceIds ?? [], updatedByName: r.updatedByName ?? null }));
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
