// The submission's hot path (POST /assessments/{id}/submit, deadline day), after the assessment row was
// locked FOR UPDATE (findReadableAssessment): two named prepared statements, so a submission takes four
// round trips in all (lock-and-read, this read, the write, commit) instead of nine.
//  1. read (submitReadState): the unit's audit chain lock — after the row lock, the order item saves
//     take them in, so no new deadlock —, the codes of reopened items and whether the stored progress
//     (assessment_progress, decision 0014) is fresh with every item complete. Only when it is not are the
//     items themselves returned (with evidence counts), for the check to run on them; a fresh progress row
//     with complete = the set's item count says no item has a submission problem (the same
//     isItemComplete as submissionProblems, over the same items and evidence links).
//  2. write (submitWrite): the status (and, at a first submission, the timing), the re-lock of reopened
//     items and the audit entry (appendAuditSql) in one statement.
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
import type { AssessmentContext, AssessmentRow } from './assessments.ts';
import { isUuid } from './org-units.ts';

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

type StateRow = {
  reopened: string[] | null;
  complete_stored: boolean;
  items: { code: string; inputs: SubmitItem['inputs']; s: number | null; x: string; n: number }[] | string | null;
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
       (select jsonb_agg(jsonb_build_object('code', i.code, 'inputs', i.inputs, 's', i.self_score, 'x', i.explanation,
          'n', (select count(*) from item_evidence e where e.assessment_id = i.assessment_id and e.code = i.code)))
        from assessment_items i where i.assessment_id = $1::uuid) end as items
   from st`,
);

/** Takes the unit's audit chain lock and reads what the submission check needs. */
export async function readSubmitState(tx: Db, id: string, unitId: string, itemCount: number): Promise<SubmitState> {
  const [r] = await runNamed(tx, readState, [id, itemCount, unitId]);
  const raw = typeof r!.items === 'string' ? (JSON.parse(r!.items) as Exclude<StateRow['items'], string>) : r!.items;
  return {
    reopened: r!.reopened ?? [],
    completeStored: r!.complete_stored,
    items: r!.complete_stored
      ? null
      : (raw ?? []).map((i) => ({
          code: i.code,
          inputs: i.inputs,
          selfScore: i.s === null ? null : Number(i.s),
          explanation: i.x,
          evidenceCount: Number(i.n),
        })),
  };
}

// $1 assessment, $2 whether the timing is set (first submission), $3..$9 the timing, $10 updated_at,
// $11 whether reopened items are re-locked, $12 and $13 the audit entry.
const write = namedStatement<{ row_version: number }>(
  'submit_write',
  `with upd as (
     update assessments set status = 'submitted',
       submitted_at = case when $2::boolean then $3::timestamptz else submitted_at end,
       submitted_by = case when $2::boolean then $4::uuid else submitted_by end,
       submission_channel = case when $2::boolean then $5::text else submission_channel end,
       external_reference = case when $2::boolean then $6::text else external_reference end,
       days_late = case when $2::boolean then $7::int else days_late end,
       penalty_points = case when $2::boolean then $8::float8 else penalty_points end,
       lowest_band = case when $2::boolean then $9::boolean else lowest_band end,
       row_version = row_version + 1, updated_at = $10::timestamptz
     where id = $1::uuid
     returning row_version),
   relock as (
     update assessment_items set reopened = false where $11::boolean and assessment_id = $1::uuid and reopened
   ),
   audit as (${appendAuditSql(12, 'exists (select 1 from upd)')})
   select row_version from upd`,
);

/**
 * Marks the (row-locked) assessment submitted, re-locks its reopened items and appends the audit entry,
 * in one statement. The chain lock must have been taken before (readSubmitState). Returns the new row version.
 */
export async function writeSubmission(
  tx: Db,
  w: {
    id: string;
    timing: SubmissionTiming | null;
    now: Date;
    relock: boolean;
  },
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<number> {
  const t = w.timing;
  const [r] = await runNamed(tx, write, [
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
    w.relock,
    ...auditSqlParams(actor, entry, new Date()),
  ]);
  return Number(r!.row_version);
}

type ContextRow = {
  a: Record<string, unknown>;
  campaign: AssessmentContext['campaign'];
  grp: AssessmentContext['group'];
  unit: AssessmentContext['unit'];
  owner_path: string;
};

// The assessment row locked FOR UPDATE with what a status change decides on, by id (no query builder per
// request): whether the caller may read it is asked of the policy in Node (assessmentAbilities().read),
// as the item save does.
const readContext = namedStatement<ContextRow>(
  'submit_context',
  `select to_jsonb(a) as a,
     jsonb_build_object('id', c.id, 'name', c.name, 'year', c.year, 'kind', c.kind, 'status', c.status, 'rules', c.rules,
       'ownerUnitId', c.owner_unit_id, 'parentCampaignId', c.parent_campaign_id, 'progressMonths', c.progress_months) as campaign,
     jsonb_build_object('id', g.id, 'name', g.name, 'frameworkId', g.framework_id, 'reportingFrom', g.reporting_from,
       'reportingTo', g.reporting_to, 'deadlineSelfAssessment', g.deadline_self_assessment, 'deadlinePreReview', g.deadline_pre_review,
       'deadlineAppraisal', g.deadline_appraisal, 'deadlinePublication', g.deadline_publication) as grp,
     jsonb_build_object('id', u.id, 'code', u.code, 'name', u.name, 'path', u.path) as unit,
     o.path as owner_path
   from assessments a
   join campaigns c on c.id = a.campaign_id
   join campaign_groups g on g.id = a.campaign_group_id
   join org_units u on u.id = a.unit_id
   join org_units o on o.id = c.owner_unit_id
   where a.id = $1::uuid
   for update of a`,
);

const at = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(String(v)));

/** The assessment's context, its row locked FOR UPDATE; null when there is none. Readability is the caller's to check. */
export async function lockAssessmentContext(tx: Db, id: string): Promise<AssessmentContext | null> {
  if (!isUuid(id)) return null;
  const [r] = await runNamed(tx, readContext, [id]);
  if (!r) return null;
  const a = r.a;
  const assessment: AssessmentRow = {
    id: String(a.id),
    campaignId: String(a.campaign_id),
    campaignGroupId: String(a.campaign_group_id),
    unitId: String(a.unit_id),
    status: String(a.status),
    submittedAt: at(a.submitted_at),
    submittedBy: (a.submitted_by as string | null) ?? null,
    submissionChannel: (a.submission_channel as string | null) ?? null,
    externalReference: (a.external_reference as string | null) ?? null,
    daysLate: a.days_late === null || a.days_late === undefined ? null : Number(a.days_late),
    penaltyPoints: a.penalty_points === null || a.penalty_points === undefined ? null : Number(a.penalty_points),
    lowestBand: Boolean(a.lowest_band),
    reopenedAt: at(a.reopened_at),
    reopenReason: (a.reopen_reason as string | null) ?? null,
    info: (a.info ?? {}) as AssessmentRow['info'],
    rowVersion: Number(a.row_version),
    createdAt: at(a.created_at)!,
    updatedAt: at(a.updated_at)!,
  };
  return { assessment, campaign: r.campaign, group: r.grp, unit: r.unit, ownerPath: r.owner_path };
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
