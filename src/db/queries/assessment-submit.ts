// The submission's hot path (POST /assessments/{id}/submit, deadline day). First WITHOUT a transaction
// (decision 0024): the unlocked read, then the write, which takes the locks itself — two round trips after
// the session's. When the write's guard does not hold (or the hints cannot be used), the locked transaction
// of before: BEGIN, the locking read, the guarded write, COMMIT.
//  1. read (submit_context[_unlocked], assessment-submit-context.ts): the assessment with what the decision
//     needs — locked: its row FOR UPDATE, then the unit's audit chain lock (the order item saves take them
//     in, so no new deadlock) — and, as of the statement's snapshot (taken BEFORE it waited for those locks,
//     if it took them), the codes of reopened items and either the stored progress (assessment_progress,
//     decision 0014) when it is fresh, or the items themselves. These are hints: a save committed after the
//     snapshot is not in them.
//  2. write (submit_write…, one statement per guard and re-lock): the status (and, at a first submission,
//     the timing), the re-lock of reopened items and the audit entry (appendAuditSql) in one statement,
//     written only if what the check was run on still holds once every lock is held: the form's revision
//     (assessment_progress.rev) is still the one the read saw beside the items or the stored progress
//     (alone, also the assessment's row_version).
//     The triggers of migrations 0016/0021 move the revision, in the writer's own transaction, with every
//     write to the form's items, their evidence links or its group — everything the check reads — so an
//     unchanged revision means unchanged inputs, for one index lookup instead of aggregating and hashing the
//     items again (a third of the write's time on deadline day). In the transaction the write's snapshot is
//     taken after the locks; alone, the locked rows are re-read when their locks are granted (writeSql).
//     Otherwise nothing is written: alone, the transaction follows; in it, the caller reads the state again
//     (submit_read_state, now under the locks) and writes without a guard.
// A fresh progress row with complete = the set's item count says no item has a submission problem (the
// same isItemComplete as submissionProblems, over the same items and evidence links).
import {
  type AuditActor,
  type AuditEntryInput,
  appendAuditSql,
  auditSqlParams,
  chainLockSql,
} from '../audit/write-audit.ts';
import type { Db } from '../client.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import type { SubmissionTiming } from './assessment-writes.ts';

/** An item as the submission check reads it. */
export interface SubmitItem {
  code: string;
  inputs: Record<string, number | boolean | string | null>;
  selfScore: number | null;
  explanation: string;
  evidenceCount: number;
}

export interface SubmitState {
  reopened: string[];
  /** The stored progress is fresh and every item of the set is complete: nothing to check. */
  completeStored: boolean;
  /** The items, when completeStored is false. */
  items: SubmitItem[] | null;
}

/** The items as the check reads them, as one jsonb array (null: none), in code order. */
export function submitItemsSql(assessment: string): string {
  return `(select jsonb_agg(jsonb_build_object('code', i.code, 'inputs', i.inputs, 's', i.self_score, 'x', i.explanation,
      'n', (select count(*) from item_evidence e where e.assessment_id = i.assessment_id and e.code = i.code)) order by i.code)
    from assessment_items i where i.assessment_id = ${assessment})`;
}

/** The form's revision (null: no item ever written), as of the statement's snapshot: the submit guard's token. */
export const formRevisionSql = (assessment: string): string =>
  `(select p.rev from assessment_progress p where p.assessment_id = ${assessment})`;

/** The items as the aggregate returns them (jsonb, or its text on a driver that does not parse it). */
export type SubmitItemsJson =
  | { code: string; inputs: SubmitItem['inputs']; s: number | null; x: string; n: number }[]
  | string
  | null;

export function submitItemsOf(json: SubmitItemsJson): SubmitItem[] {
  const raw = typeof json === 'string' ? (JSON.parse(json) as Exclude<SubmitItemsJson, string>) : json;
  return (raw ?? []).map((i) => ({
    code: i.code,
    inputs: i.inputs,
    selfScore: i.s === null ? null : Number(i.s),
    explanation: i.x,
    evidenceCount: Number(i.n),
  }));
}

type StateRow = {
  reopened: string[] | null;
  complete_stored: boolean;
  items: SubmitItemsJson;
};

// $1 assessment, $2 the set's item count (-1: do not trust the stored progress), $3 the chain (unit id text).
const readState = namedStatement<StateRow>(
  'submit_read_state',
  `with lock as materialized (select ${chainLockSql('$3::text')}),
   st as materialized (
     select coalesce((select p.computed_rev = p.rev and p.complete = $2::int from assessment_progress p
       where p.assessment_id = $1::uuid), false) as complete_stored
     from lock)
   select
     (select array_agg(i.code order by i.code) from assessment_items i where i.assessment_id = $1::uuid and i.reopened) as reopened,
     st.complete_stored,
     case when st.complete_stored then null else
       ${submitItemsSql('$1::uuid')} end as items
   from st`,
);

/** Takes the unit's audit chain lock and reads what the submission check needs, as of now. */
export async function readSubmitState(tx: Db, id: string, unitId: string, itemCount: number): Promise<SubmitState> {
  const [r] = await runNamed(tx, readState, [id, itemCount, unitId]);
  return {
    reopened: r!.reopened ?? [],
    completeStored: r!.complete_stored,
    items: r!.complete_stored ? null : submitItemsOf(r!.items),
  };
}

/**
 * What the check was run on, for the write to verify: the form's revision the read saw beside the items or
 * the stored progress (null: no item ever written), or nothing (read under the locks already: cannot have
 * changed). `alone`: the write runs without a transaction (decision 0024) and takes the locks itself — the
 * assessment row only if its row_version is still the one read, then the unit's chain lock, then the
 * form's progress row only if its revision is still the one read.
 */
export type SubmitGuard =
  | { kind: 'revision'; revision: number | null }
  | { kind: 'none' }
  | { kind: 'alone'; revision: number; rowVersion: number; unitId: string };

// $1 assessment, $2 whether the timing is set (first submission), $3..$9 the timing, $10 updated_at, $11 and
// $12 the audit entry; then by the guard: a revision, $13 the revision the check was run on; alone, $13 that
// revision, $14 the row version read and $15 the unit (chain); none, nothing.
// Whether reopened items are re-locked, and which guard, make separate statements rather than switch
// parameters: a plan for a switch's one value drops steps, so PostgreSQL would plan the statement on every
// submission instead of keeping one plan (item-save.ts tells the measure).
// Alone, `gate` locks the assessment row FOR UPDATE if its row_version is still the one read and `chain`
// takes the chain lock (the order of the locked transaction); `guard` then share-locks the progress row if
// its revision is still the one read. A row updated after the statement's snapshot is re-read when its lock
// is granted and the condition checked again on what was committed (PostgreSQL's READ COMMITTED re-check of
// locked rows), so a save or a reopening that committed before the locks is seen; none can commit after
// them (a save needs the assessment row's key-share lock first).
const writeSql = (guard: SubmitGuard['kind'], relock: boolean) => {
  const steps: string[] = [];
  if (guard === 'alone')
    steps.push(
      `gate as materialized (select 1 from assessments a where a.id = $1::uuid and a.row_version = $14::int for update of a)`,
      `chain as materialized (select ${chainLockSql('$15::text')} from gate)`,
      `guard as materialized (
     select 1 from assessment_progress p
     where p.assessment_id = $1::uuid and p.rev = $13::int and exists (select 1 from chain)
     for share of p)`,
    );
  else if (guard === 'revision')
    steps.push(`guard as materialized (select 1 where ${formRevisionSql('$1::uuid')} is not distinct from $13::int)`);
  steps.push(`upd as (
     update assessments set status = 'submitted',
       submitted_at = case when $2::boolean then $3::timestamptz else submitted_at end,
       submitted_by = case when $2::boolean then $4::uuid else submitted_by end,
       submission_channel = case when $2::boolean then $5::text else submission_channel end,
       external_reference = case when $2::boolean then $6::text else external_reference end,
       days_late = case when $2::boolean then $7::int else days_late end,
       penalty_points = case when $2::boolean then $8::float8 else penalty_points end,
       lowest_band = case when $2::boolean then $9::boolean else lowest_band end,
       row_version = row_version + 1, updated_at = $10::timestamptz
     where id = $1::uuid${guard === 'none' ? '' : ' and exists (select 1 from guard)'}
     returning row_version)`);
  if (relock)
    steps.push(`relock as (
     update assessment_items set reopened = false
     where exists (select 1 from upd) and assessment_id = $1::uuid and reopened)`);
  steps.push(`audit as (${appendAuditSql(11, 'exists (select 1 from upd)')})`);
  return `with ${steps.join(',\n   ')}\n   select row_version from upd`;
};

/** The six writes: by the guard, with the re-lock of reopened items or without. */
const writes = new Map(
  (['none', 'revision', 'alone'] as const).flatMap((guard) =>
    [false, true].map((relock) => {
      const name = `submit_write${guard === 'none' ? '' : `_${guard}`}${relock ? '_relock' : ''}`;
      return [`${guard}/${relock}`, namedStatement<{ row_version: number }>(name, writeSql(guard, relock))] as const;
    }),
  ),
);

/**
 * Marks the assessment submitted, re-locks its reopened items and appends the audit entry, in one
 * statement, if the guard still holds. Inside the transaction the row and chain locks must have been taken
 * before (the context read or readSubmitState); `alone`, the statement takes them. Returns the new row
 * version, or null when the guard no longer held (nothing written).
 */
export async function writeSubmission(
  tx: Db,
  w: {
    id: string;
    timing: SubmissionTiming | null;
    now: Date;
    relock: boolean;
    guard: SubmitGuard;
  },
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<number | null> {
  const t = w.timing;
  const g = w.guard;
  const params: unknown[] = [
    w.id,
    t !== null,
    t?.submittedAt ? t.submittedAt.toISOString() : null,
    t?.submittedBy ?? null,
    t?.submissionChannel ?? null,
    t?.externalReference ?? null,
    t?.daysLate ?? null,
    t?.penaltyPoints ?? null,
    t?.lowestBand ?? false,
    w.now.toISOString(),
    ...auditSqlParams(actor, entry, new Date()),
  ];
  if (g.kind !== 'none') params.push(g.revision);
  if (g.kind === 'alone') params.push(g.rowVersion, g.unitId);
  const [r] = await runNamed(tx, writes.get(`${g.kind}/${w.relock}`)!, params);
  return r ? Number(r.row_version) : null;
}

type CheckItemRow = {
  code: string;
  inputs: SubmitItem['inputs'];
  self_score: number | null;
  explanation: string;
  evidence_count: number;
  reopened: boolean;
};

const checkItems = namedStatement<CheckItemRow>(
  'submit_check_items',
  `select i.code, i.inputs, i.self_score, i.explanation, i.reopened,
     (select count(*)::int from item_evidence e where e.assessment_id = i.assessment_id and e.code = i.code) as evidence_count
   from assessment_items i where i.assessment_id = $1::uuid`,
);

/** The items as the pre-submission check reads them (GET …/check), and how many are reopened. */
export async function loadCheckItems(db: Db, id: string): Promise<{ items: SubmitItem[]; reopened: number }> {
  const rows = await runNamed(db, checkItems, [id]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      inputs: typeof r.inputs === 'string' ? (JSON.parse(r.inputs) as SubmitItem['inputs']) : r.inputs,
      selfScore: r.self_score === null ? null : Number(r.self_score),
      explanation: r.explanation,
      evidenceCount: Number(r.evidence_count),
    })),
    reopened: rows.filter((r) => r.reopened).length,
  };
}
