// Bulk decisions (POST /appraisal/bulk-accept): read every listed item's review and self score and write
// every final score in ONE statement (an unnest join feeding an upsert); loadBulkStates reads the current
// values of the ones refused for the 409 answer.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';
import type { ReviewRow } from './item-reviews.ts';
import { textArray, uuidArray } from './sql-arrays.ts';

export interface BulkState {
  selfScore: number | null;
  review: ReviewRow | null;
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

/** The part of a review an accept reads: what it may change (its audit entry: acceptedChange) and the version. */
export type AcceptedReview = Pick<
  ReviewRow,
  'finalScore' | 'finalReason' | 'finalComment' | 'notApplicable' | 'replacementCode' | 'version'
>;

/** One listed item as the accept statement found it, and what it decided. */
export interface AcceptState {
  review: AcceptedReview | null;
  /** The final score written (null: nothing to accept, nothing written). */
  score: number | null;
  reason: string | null;
  comment: string | null;
}

export interface AcceptFinalScoresOptions {
  finalBy: string;
  at: Date;
  /** Carry the support team's proposal (score, reason, comment) where there is one; else the self score. */
  useProposed: boolean;
  /** `version`: the one the caller saw; the row is written only if it is still the current one. */
  items: readonly { assessmentId: string; code: string; version: number }[];
}

type AcceptRow = {
  final_score: number | string | null;
  final_reason: string | null;
  final_comment: string | null;
  not_applicable: boolean | null;
  replacement_code: string | null;
  version: number | string | null;
  score: number | string | null;
  reason: string | null;
  comment: string | null;
  written: number | string | null;
};

/**
 * Reads every listed item (self score, review) and writes every final score in ONE statement: final =
 * the self score (or the proposal), N/A and replacement cleared. Only rows still at the version the
 * caller saw and with a score to accept are written — the select filters the ones already stale in the
 * statement's snapshot, the `where` of the conflict update the ones changed since — so `written` falls
 * short of the list whenever one was refused: the caller answers 409/400 and the transaction rolls back.
 * The states come back in the order of the list, as read before the write (the audit's "before").
 */
export async function acceptFinalScores(
  db: Db,
  { finalBy, at, useProposed, items }: AcceptFinalScoresOptions,
): Promise<{ states: AcceptState[]; written: number }> {
  const rows = rowsOf<AcceptRow>(
    await db.execute(sql`with x as materialized (
        select x.n, x.aid, x.code, x.seen, r.final_score, r.final_reason, r.final_comment,
          r.not_applicable, r.replacement_code, r.version,
          case when p.proposed then r.proposed_score else i.self_score end as score,
          case when p.proposed then r.proposed_reason end as reason,
          case when p.proposed then r.proposed_comment end as comment
        from unnest(${uuidArray(items.map((i) => i.assessmentId))}, ${textArray(items.map((i) => i.code))},
          ${`{${items.map((i) => i.version).join(',')}}`}::int[]) with ordinality as x(aid, code, seen, n)
        left join assessment_items i on i.assessment_id = x.aid and i.code = x.code
        left join item_reviews r on r.assessment_id = x.aid and r.code = x.code
        cross join lateral (select ${useProposed}::boolean and r.proposed_score is not null as proposed) p
      ), w as (
        insert into item_reviews as r (assessment_id, code, final_score, final_reason, final_comment, final_by, final_at, not_applicable, not_applicable_reason, replacement_code, version)
        select x.aid, x.code, x.score, x.reason, x.comment, ${finalBy}::uuid, ${at.toISOString()}::timestamptz, false, null, null, x.seen + 1
        from x where x.seen = coalesce(x.version, 0) and x.score is not null
        on conflict (assessment_id, code) do update set final_score = excluded.final_score, final_reason = excluded.final_reason, final_comment = excluded.final_comment,
          final_by = excluded.final_by, final_at = excluded.final_at, not_applicable = false, not_applicable_reason = null, replacement_code = null, version = r.version + 1
        where r.version = excluded.version - 1
        returning 1
      )
      select x.final_score, x.final_reason, x.final_comment, x.not_applicable, x.replacement_code, x.version,
        x.score, x.reason, x.comment, case when x.n = 1 then (select count(*) from w) end as written
      from x order by x.n`),
  );
  const states = rows.map(
    (r): AcceptState => ({
      // A review row has a version (not null): null means the item was never reviewed.
      review:
        r.version !== null
          ? {
              finalScore: num(r.final_score),
              finalReason: r.final_reason,
              finalComment: r.final_comment,
              notApplicable: Boolean(r.not_applicable),
              replacementCode: r.replacement_code,
              version: Number(r.version),
            }
          : null,
      score: num(r.score),
      reason: r.reason,
      comment: r.comment,
    }),
  );
  return { states, written: rows.length === 0 ? 0 : Number(rows[0]!.written) };
}
