// The fixture's campaigns (`thuocdo fixture national`) once created and opened by the real use cases: the
// assessments they made, then every unit's items, evidence links and submission written set-wise (thousands
// of units: one statement per chunk, not one per row, and no audit entry per row).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { rowsOf } from './assessments.ts';
import { type Cell, bulkInsert, columnArray, columnsOf } from './fixture-bulk.ts';

/** The campaign's assessments with their unit's code (unordered). */
export async function fixtureAssessmentsOf(db: Db, campaignId: string) {
  return db
    .select({
      id: assessments.id,
      unitId: assessments.unitId,
      code: orgUnits.code,
      groupId: assessments.campaignGroupId,
    })
    .from(assessments)
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .where(eq(assessments.campaignId, campaignId));
}

/** campaign group id → the unit group it assesses, for the campaign's groups. */
export async function campaignGroupUnitGroups(db: Db, campaignId: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; unit_group_id: string }>(
    await db.execute(sql`select id, unit_group_id from campaign_groups where campaign_id = ${campaignId}`),
  );
  return new Map(rows.map((r) => [r.id, r.unit_group_id]));
}

export type FixtureItemRow = [
  assessmentId: string,
  code: string,
  inputs: string,
  selfScore: number | null,
  explanation: string,
  version: number,
  updatedBy: string,
  updatedAt: string,
];

export async function insertFixtureItems(db: Db, rows: readonly FixtureItemRow[]): Promise<void> {
  await bulkInsert(
    db,
    'assessment_items',
    columnsOf(
      'assessment_id:uuid,code:text,inputs:jsonb,self_score:float8,explanation:text,version:int4,updated_by:uuid,updated_at:timestamptz',
    ),
    rows,
  );
}

export type FixtureLinkRow = [assessmentId: string, code: string, evidenceId: string];

export async function insertFixtureItemEvidence(db: Db, rows: readonly FixtureLinkRow[]): Promise<void> {
  await bulkInsert(db, 'item_evidence', columnsOf('assessment_id:uuid,code:text,evidence_id:uuid'), rows);
}

export type FixtureSubmissionRow = [
  id: string,
  status: string,
  submittedAt: string | null,
  submittedBy: string | null,
  channel: string | null,
  daysLate: number | null,
  penalty: number | null,
  lowest: boolean,
  info: string,
];

/** Every assessment's status, submission and figures, 5,000 assessments per statement. */
export async function setFixtureSubmissions(db: Db, rows: readonly FixtureSubmissionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const u: readonly (readonly Cell[])[] = rows.slice(i, i + 5000);
    const arr = (k: number, type: string) => columnArray(u, k, type);
    await db.execute(sql`update assessments a set status = v.status, submitted_at = v.submitted_at, submitted_by = v.submitted_by, submission_channel = v.channel,
        days_late = v.days_late, penalty_points = v.penalty, lowest_band = v.lowest, info = v.info
      from unnest(${arr(0, 'uuid')}, ${arr(1, 'text')}, ${arr(2, 'timestamptz')}, ${arr(3, 'uuid')}, ${arr(4, 'text')}, ${arr(5, 'int4')}, ${arr(6, 'float8')}, ${arr(7, 'bool')}, ${arr(8, 'jsonb')})
        as v(id, status, submitted_at, submitted_by, channel, days_late, penalty, lowest, info)
      where a.id = v.id`);
  }
}
