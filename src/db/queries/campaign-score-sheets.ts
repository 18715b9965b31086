// A campaign's scores for the results, set-based and compact: the sheets of the assessments whose rows
// changed since (marked by the triggers of migration 0006) are rebuilt first, then ONE statement returns
// one row per assessment with its score sheet (assessment_score_sheets), so a national campaign of
// 4,000 units × 100 items crosses the wire as 4,000 rows of ~0.9 KB and the database aggregates only
// what changed. The slots of a sheet are the set's leaves in framework_leaves order — the engine's own
// leaf order (sheetLeafCodes in src/core), written here before the marks are folded in. The group-wide
// N/A decisions come separately.
import { sql } from 'drizzle-orm';
import type { FrameworkDefinition } from '../../core/framework/types.ts';
import { sheetLeafCodes } from '../../core/results/index.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import { textArray } from './sql-arrays.ts';

export interface AssessmentSheetRow {
  id: string;
  groupId: string;
  unit: { id: string; code: string; name: string };
  status: string;
  submittedAt: Date | null;
  daysLate: number | null;
  penaltyPoints: number | null;
  lowestBand: boolean;
  /** The sheet: null only if it is missing (never after migration 0006); the caller then takes the per-item path. */
  sheet: { frameworkId: string; leafCount: number; data: Uint8Array; irregular: boolean } | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function loadCampaignScoreSheets(db: Db, campaignId: string): Promise<AssessmentSheetRow[]> {
  type R = {
    id: string;
    group_id: string;
    unit_id: string;
    code: string;
    name: string;
    status: string;
    submitted_ms: number | string | null;
    days_late: number | null;
    penalty_points: number | string | null;
    lowest_band: boolean;
    framework_id: string | null;
    leaf_count: number | null;
    data: string | null;
    irregular: boolean | null;
  };
  await refreshScoreSheets(db, campaignId);
  // The sheet as base64 text, decoded natively (Buffer): the drivers' own bytea parsers are per byte in
  // JavaScript on PGlite (~1 s for 4,000 sheets), and base64 is a third smaller on the wire than hex.
  const rows = rowsOf<R>(
    await db.execute(sql`select a.id, a.campaign_group_id as group_id, a.unit_id, u.code, u.name, a.status,
        (extract(epoch from a.submitted_at) * 1000)::float8 as submitted_ms, a.days_late, a.penalty_points, a.lowest_band,
        s.framework_id, s.leaf_count, encode(s.data, 'base64') as data, s.irregular
      from assessments a join org_units u on u.id = a.unit_id left join assessment_score_sheets s on s.assessment_id = a.id
      where a.campaign_id = ${campaignId}::uuid`),
  );
  return rows.map((a) => ({
    id: a.id,
    groupId: a.group_id,
    unit: { id: a.unit_id, code: a.code, name: a.name },
    status: a.status,
    // Milliseconds since the epoch rather than a timestamp text: 4,000 date parses fewer.
    submittedAt: a.submitted_ms === null ? null : new Date(Number(a.submitted_ms)),
    daysLate: num(a.days_late),
    penaltyPoints: num(a.penalty_points),
    lowestBand: Boolean(a.lowest_band),
    sheet:
      a.framework_id && a.data !== null
        ? {
            frameworkId: a.framework_id,
            leafCount: Number(a.leaf_count),
            data: Buffer.from(a.data, 'base64'),
            irregular: Boolean(a.irregular),
          }
        : null,
  }));
}

/**
 * Writes the leaf list (slot order) of every set of the campaign that has none — a set new to the
 * results, one whose draft definition changed (migration 0010's trigger dropped its list), a restored
 * database — from src/core, and marks the sheets of its assessments for the rebuild that follows.
 */
export async function ensureSheetLeaves(db: Db, campaignId: string): Promise<number> {
  const missing = rowsOf<{ id: string; definition: FrameworkDefinition | string }>(
    await db.execute(sql`select f.id, f.definition from frameworks f
      where f.id in (select g.framework_id from campaign_groups g where g.campaign_id = ${campaignId}::uuid)
        and not exists (select 1 from framework_leaves l where l.framework_id = f.id)`),
  );
  let written = 0;
  for (const f of missing) {
    const definition =
      typeof f.definition === 'string' ? (JSON.parse(f.definition) as FrameworkDefinition) : f.definition;
    const codes = sheetLeafCodes(definition);
    if (codes.length === 0) continue;
    await db.execute(sql`insert into framework_leaves (framework_id, code, "position")
      select ${f.id}::uuid, c, (o - 1)::int from unnest(${textArray(codes)}) with ordinality as t(c, o)
      on conflict do nothing`);
    await db.execute(
      sql`select thuocdo_mark_score_sheets(array(select a.id from assessments a join campaign_groups g on g.id = a.campaign_group_id where g.framework_id = ${f.id}::uuid))`,
    );
    written++;
  }
  return written;
}

/** Rebuilds the campaign's sheets whose rows changed since they were built; how many were. */
export async function refreshScoreSheets(db: Db, campaignId: string): Promise<number> {
  await ensureSheetLeaves(db, campaignId);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select thuocdo_refresh_score_sheets(${campaignId}::uuid) as n`),
  );
  return Number(row?.n ?? 0);
}

/** The slot codes of each set's sheets, in slot order. */
export async function loadSheetSlots(db: Db, frameworkIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ framework_id: string; code: string }>(
    await db.execute(
      sql`select framework_id, code from framework_leaves where framework_id = any(${`{${frameworkIds.join(',')}}`}::uuid[]) order by framework_id, position`,
    ),
  );
  const out = new Map<string, string[]>(frameworkIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.framework_id)!.push(r.code);
  return out;
}

export async function loadGroupNotApplicable(db: Db, campaignId: string) {
  const rows = rowsOf<{ campaign_group_id: string; code: string; reason: string; replacement_code: string | null }>(
    await db.execute(
      sql`select n.campaign_group_id, n.code, n.reason, n.replacement_code from group_not_applicable n join campaign_groups g on g.id = n.campaign_group_id where g.campaign_id = ${campaignId}::uuid order by n.code`,
    ),
  );
  return rows.map((n) => ({
    groupId: n.campaign_group_id,
    code: n.code,
    reason: n.reason,
    replacementCode: n.replacement_code,
  }));
}
