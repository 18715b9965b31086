// Reads for supplied figures: the campaign's participating units by code (with their assessment), the
// item rows a batch touches, and the latest supplied value of every input — set-based, one query each,
// whatever the batch size.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { ItemRow } from './assessments.ts';
import { itemFromJson, rowsOf } from './assessments.ts';
import { textArray, uuidArray } from './sql-arrays.ts';

export interface Participant {
  unitId: string;
  unitCode: string;
  unitName: string;
  assessmentId: string;
  assessmentStatus: string;
  frameworkId: string;
  info: Record<string, number | null>;
}

/** Participating units of the campaign among these codes (one assessment each once the campaign is open). */
export async function findParticipants(
  db: Db,
  campaignId: string,
  unitCodes: readonly string[],
): Promise<Map<string, Participant>> {
  if (unitCodes.length === 0) return new Map();
  type Row = {
    unit_id: string;
    code: string;
    name: string;
    assessment_id: string;
    status: string;
    framework_id: string;
    info: Record<string, number | null> | null;
  };
  const res =
    await db.execute(sql`select u.id as unit_id, u.code, u.name, a.id as assessment_id, a.status, g.framework_id, a.info
    from assessments a join org_units u on u.id = a.unit_id join campaign_groups g on g.id = a.campaign_group_id
    where a.campaign_id = ${campaignId} and u.code = any(${textArray([...new Set(unitCodes)])})`);
  return new Map(
    rowsOf<Row>(res).map((r) => [
      r.code,
      {
        unitId: r.unit_id,
        unitCode: r.code,
        unitName: r.name,
        assessmentId: r.assessment_id,
        assessmentStatus: r.status,
        frameworkId: r.framework_id,
        info: r.info ?? {},
      },
    ]),
  );
}

/** Row-locks the assessments (FOR UPDATE, in id order so two batches never deadlock): item saves wait. */
export async function lockAssessments(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`select id from assessments where id = any(${uuidArray([...new Set(ids)].sort())}) order by id for update`,
  );
}

/** Saved item rows of these assessments, keyed `${assessmentId} ${code}`. */
export async function loadItemRows(db: Db, assessmentIds: readonly string[]): Promise<Map<string, ItemRow>> {
  if (assessmentIds.length === 0) return new Map();
  const res = await db.execute(
    sql`select to_jsonb(i) as j from assessment_items i where i.assessment_id = any(${uuidArray([...new Set(assessmentIds)])})`,
  );
  const out = new Map<string, ItemRow>();
  for (const { j } of rowsOf<{ j: Record<string, unknown> }>(res)) {
    const item = itemFromJson(j);
    out.set(`${item.assessmentId} ${item.code}`, item);
  }
  return out;
}

/**
 * The latest supplied value of each input, keyed `${unitId} ${code}` → input → value. A figure may carry some of
 * an item's inputs only (two sources, one input each), so an input's latest value can sit in an older row: the
 * rows come newest first per (unit, item) — supplied_at, then id, the tie-break of two figures of one batch — and
 * the first value met for an input is its latest. Each row is read as it is stored: expanding every row's inputs
 * (jsonb_each) and sorting those by input made the read grow with the supply history (34 → 338 → 827 ms over
 * three pulls on PGlite); no index orders a unit's rows by time (supplied_figures_lookup_idx stops at the code),
 * so the history is still read, but only sorted within each (unit, item).
 */
export async function latestSuppliedValues(
  db: Db,
  campaignId: string,
  unitIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (unitIds.length === 0) return out;
  type Row = { unit_id: string; code: string; inputs: Record<string, unknown> };
  const res = await db.execute(sql`select s.unit_id, s.code, s.inputs from supplied_figures s
    where s.campaign_id = ${campaignId} and s.unit_id = any(${uuidArray([...new Set(unitIds)])})
    order by s.unit_id, s.code, s.supplied_at desc, s.id desc`);
  for (const r of rowsOf<Row>(res)) {
    const k = `${r.unit_id} ${r.code}`;
    let values = out.get(k);
    if (values === undefined) {
      values = {};
      out.set(k, values);
    }
    for (const key of Object.keys(r.inputs)) if (!Object.hasOwn(values, key)) values[key] = r.inputs[key];
  }
  return out;
}

/** The first unit (by code) still assessing in the campaign, with its index set: the example row of the figures template. */
export async function firstOpenParticipant(
  db: Db,
  campaignId: string,
): Promise<{ code: string; frameworkId: string } | null> {
  const rows = rowsOf<{ code: string; framework_id: string }>(
    await db.execute(sql`select u.code, g.framework_id from assessments a join org_units u on u.id = a.unit_id
    join campaign_groups g on g.id = a.campaign_group_id where a.campaign_id = ${campaignId} and a.status <> 'submitted' order by u.code limit 1`),
  );
  return rows[0] ? { code: rows[0].code, frameworkId: rows[0].framework_id } : null;
}

/**
 * Writes item rows set-wise (new rows inserted, existing ones given these inputs, score and version): one JSON
 * parameter per 2,000 rows, so a batch of thousands of units stays a few statements. Each row is a positional
 * array, not an object: the keys were a third of the text the driver encodes and the database parses.
 */
export async function upsertItemRows(db: Db, rows: readonly ItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows
      .slice(i, i + 2000)
      .map((r) => [r.assessmentId, r.code, r.inputs, r.selfScore, r.version, r.updatedBy, r.updatedAt.toISOString()]);
    await db.execute(sql`insert into assessment_items (assessment_id, code, inputs, self_score, version, updated_by, updated_at)
      select (j->>0)::uuid, j->>1, j->2, (j->>3)::double precision, (j->>4)::integer, (j->>5)::uuid, (j->>6)::timestamptz
      from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) as e(j)
      on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
        version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  }
}

/** What every figure of one supply shares: its campaign, who supplied it and when, and the pull it came from. */
export interface SupplyBatch {
  campaignId: string;
  suppliedBy: string;
  suppliedAt: Date;
  dataSourceRunId: string | null;
}

export interface SuppliedFigureRow {
  unitId: string;
  code: string;
  inputs: Record<string, unknown>;
  source: string;
}

/**
 * Records supplied figures, one JSON parameter per 2,000 rows, in their order. The batch's shared columns are
 * parameters of their own and each row a positional array: a pull's 24,000 rows carried the same campaign,
 * account, time and run in every row, two thirds of the text the driver encoded and the database parsed.
 */
export async function insertSuppliedFigures(
  db: Db,
  batch: SupplyBatch,
  rows: readonly SuppliedFigureRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => [r.unitId, r.code, r.inputs, r.source]);
    await db.execute(sql`insert into supplied_figures (campaign_id, unit_id, code, inputs, source, supplied_by, supplied_at,
        data_source_run_id)
      select ${batch.campaignId}::uuid, (j->>0)::uuid, j->>1, j->2, j->>3, ${batch.suppliedBy}::uuid,
        ${batch.suppliedAt.toISOString()}::timestamptz, ${batch.dataSourceRunId}::uuid
      from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) with ordinality as e(j, ord)
      order by ord`);
  }
}
