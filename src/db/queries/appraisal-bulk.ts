// Bulk decisions (POST /appraisal/bulk-accept): read every listed item's review and self score in ONE query
// (an unnest join), in the order of the list, and write every final score in ONE upsert statement.
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import type { ReviewRow } from './item-reviews.ts';
import { textArray, uuidArray } from './sql-arrays.ts';

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

export interface AcceptedFinal {
  assessmentId: string;
  code: string;
  /** The version the caller saw: the row is written only if it is still the current one. */
  version: number;
  score: number | null;
  reason: string | null;
  comment: string | null;
}

/**
 * Every final score in ONE upsert; N/A and replacement cleared. A row whose version moved since the caller
 * read it is not written (the `where` of the conflict update), so fewer rows come back than were sent: the
 * caller answers 409 and the transaction rolls back.
 */
export async function acceptFinalScores(
  db: Db,
  finalBy: string,
  at: Date,
  items: readonly AcceptedFinal[],
): Promise<(ReviewRow & { assessment_id: string })[]> {
  return rowsOf<ReviewRow & { assessment_id: string }>(
    await db.execute(sql`insert into item_reviews as r (assessment_id, code, final_score, final_reason, final_comment, final_by, final_at, not_applicable, not_applicable_reason, replacement_code, version)
        select x.aid, x.code, x.score, x.reason, x.comment, ${finalBy}::uuid, ${at.toISOString()}::timestamptz, false, null, null, x.version + 1
        from unnest(${uuidArray(items.map((i) => i.assessmentId))}, ${textArray(items.map((i) => i.code))},
          ${`{${items.map((d) => d.score).join(',')}}`}::float8[], ${nullableTextArray(items.map((d) => d.reason))}, ${nullableTextArray(items.map((d) => d.comment))},
          ${`{${items.map((i) => i.version).join(',')}}`}::int[]) as x(aid, code, score, reason, comment, version)
        on conflict (assessment_id, code) do update set final_score = excluded.final_score, final_reason = excluded.final_reason, final_comment = excluded.final_comment,
          final_by = excluded.final_by, final_at = excluded.final_at, not_applicable = false, not_applicable_reason = null, replacement_code = null, version = r.version + 1
        where r.version = excluded.version - 1
        returning r.assessment_id, r.code, r.version`),
  );
}
