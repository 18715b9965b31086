// Bulk decisions read every listed item's review and self score in ONE query (an unnest join), in the
// order of the list.
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/queries/assessments.ts';
import type { ReviewRow } from '../../db/queries/item-reviews.ts';
import { textArray, uuidArray } from '../../db/queries/sql-arrays.ts';

export interface BulkState {
  selfScore: number | null;
  review: ReviewRow | null;
}

/** A text[] literal where null stays NULL (textArray quotes every element). */
export function nullableTextArray(values: readonly (string | null)[]): SQL {
  const parts = values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
  return sql`${`{${parts.join(',')}}`}::text[]`;
}

type Row = { n: number; self_score: number | string | null; review: Record<string, unknown> | null };

export async function loadBulkStates(
  db: Db,
  items: readonly { assessmentId: string; code: string }[],
): Promise<BulkState[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`select x.n, i.self_score, to_jsonb(r) as review
      from unnest(${uuidArray(items.map((i) => i.assessmentId))}, ${textArray(items.map((i) => i.code))}) with ordinality as x(aid, code, n)
      left join assessment_items i on i.assessment_id = x.aid and i.code = x.code
      left join item_reviews r on r.assessment_id = x.aid and r.code = x.code`),
  );
  const out: BulkState[] = items.map(() => ({ selfScore: null, review: null }));
  for (const r of rows) {
    out[Number(r.n) - 1] = {
      selfScore: r.self_score === null ? null : Number(r.self_score),
      review: r.review ? reviewFromJson(r.review) : null,
    };
  }
  return out;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));

/** A row read through to_jsonb has snake_case keys. */
export function reviewFromJson(j: Record<string, unknown>): ReviewRow {
  return {
    assessmentId: String(j.assessment_id),
    code: String(j.code),
    proposedScore: num(j.proposed_score),
    proposedReason: str(j.proposed_reason),
    proposedComment: str(j.proposed_comment),
    proposedBy: str(j.proposed_by),
    proposedAt: date(j.proposed_at),
    finalScore: num(j.final_score),
    finalReason: str(j.final_reason),
    finalComment: str(j.final_comment),
    finalBy: str(j.final_by),
    finalAt: date(j.final_at),
    notApplicable: Boolean(j.not_applicable),
    notApplicableReason: str(j.not_applicable_reason),
    replacementCode: str(j.replacement_code),
    version: Number(j.version),
  };
}
