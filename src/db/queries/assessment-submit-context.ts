// The first statement of a submission (assessment-submit.ts tells the whole path): the assessment with what
// a status change decides on, by id (no query builder per request) — inside the locked transaction, its row
// locked FOR UPDATE, then the unit's audit chain lock — and the hints the check may run on, so the
// submission's check and write need no other read in the usual case. Whether the caller may read the
// assessment is asked of the policy in Node (assessmentAbilities().read), as the item save does.
import { chainLockSql } from '../audit/write-audit.ts';
import type { Db } from '../client.ts';
import { ASSESSMENT_CONTEXT_FROM } from './assessment-context-join.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import {
  type SubmitItem,
  type SubmitItemsJson,
  formRevisionSql,
  submitItemsOf,
  submitItemsSql,
} from './assessment-submit.ts';
import type { AssessmentContext, AssessmentRow } from './assessments.ts';
import { isUuid } from './org-units.ts';
import { type MadeWithSession, type ReadWithSession, sessionWithStatement, valueMadeBy } from './session-with.ts';

/**
 * What the check may run on, read as of the statement's snapshot — before it waited for the locks, if it
 * took them. Only `current` hints may be used: the row has not changed since the snapshot (a reopen or
 * submission, which alone change the reopened flags, moves row_version; unlocked, always current as of the
 * read, and the write checks row_version). Item saves do not move it: the write's guard checks that the
 * form's revision is still the one read here, in the same snapshot as the progress and items.
 */
export interface SubmitHint {
  current: boolean;
  reopened: string[];
  /** The stored progress's count of complete items when it is fresh; null when stale or never computed. */
  freshComplete: number | null;
  /** The items, when the stored progress is not fresh. */
  items: SubmitItem[] | null;
  /** The form's revision in the same snapshot (null: no item ever written): the write's guard. */
  revision: number | null;
}

type ContextRow = {
  a: Record<string, unknown>;
  campaign: AssessmentContext['campaign'];
  grp: AssessmentContext['group'];
  unit: AssessmentContext['unit'];
  owner_path: string;
  current: boolean;
  reopened: string[] | null;
  fresh_complete: number | null;
  items: SubmitItemsJson;
  revision: number | null;
};

// Locked (inside the transaction), the row lock is taken in the materialized CTE, the chain lock after it
// (lateral on its row). Unlocked (the first attempt, decision 0024), neither: the write takes them itself.
// `id` is the parameter carrying the assessment's id ($1 on its own, $2 after the session's hash).
const contextSql = (locked: boolean, id = '$1') =>
  `with ctx as materialized (
     select to_jsonb(a) as a, a.unit_id, a.row_version,
       jsonb_build_object('id', c.id, 'name', c.name, 'year', c.year, 'kind', c.kind, 'status', c.status, 'rules', c.rules,
         'ownerUnitId', c.owner_unit_id, 'parentCampaignId', c.parent_campaign_id, 'progressMonths', c.progress_months) as campaign,
       jsonb_build_object('id', g.id, 'name', g.name, 'frameworkId', g.framework_id, 'reportingFrom', g.reporting_from,
         'reportingTo', g.reporting_to, 'deadlineSelfAssessment', g.deadline_self_assessment, 'deadlinePreReview', g.deadline_pre_review,
         'deadlineAppraisal', g.deadline_appraisal, 'deadlinePublication', g.deadline_publication) as grp,
       jsonb_build_object('id', u.id, 'code', u.code, 'name', u.name, 'path', u.path) as unit,
       o.path as owner_path
     ${ASSESSMENT_CONTEXT_FROM}
     where a.id = ${id}::uuid
     ${locked ? 'for update of a' : ''})
   select ctx.a, ctx.campaign, ctx.grp, ctx.unit, ctx.owner_path,
     ${locked ? `coalesce((select s.row_version from assessments s where s.id = ${id}::uuid) = ctx.row_version, false)` : 'true'} as current,
     (select array_agg(i.code order by i.code) from assessment_items i where i.assessment_id = ${id}::uuid and i.reopened) as reopened,
     p.complete as fresh_complete, it.items, ${formRevisionSql(`${id}::uuid`)} as revision
   from ctx
   ${locked ? `cross join lateral (select ${chainLockSql('ctx.unit_id::text')}) chain_lock` : ''}
   left join lateral (select p.complete from assessment_progress p
     where p.assessment_id = ${id}::uuid and p.computed_rev = p.rev) p on true
   cross join lateral (select case when p.complete is null then ${submitItemsSql(`${id}::uuid`)} end as items) it`;

const readContextLocked = namedStatement<ContextRow>('submit_context', contextSql(true));
const readContextUnlocked = namedStatement<ContextRow>('submit_context_unlocked', contextSql(false));
const readContextWithSession = sessionWithStatement('session_with_submit_context', contextSql(false, '$2'));

export type SubmitContextRead = { id: string; context: { ctx: AssessmentContext; hint: SubmitHint } | null };

/** The unlocked read, made with the session's (session-with.ts); undefined for a path that names no form. */
export function submitContextWithSession(id: string): ReadWithSession<SubmitContextRead> | undefined {
  if (!isUuid(id)) return undefined;
  return {
    statement: readContextWithSession,
    params: [id],
    parse: (row) => ({ id, context: row === null ? null : contextOf(row as unknown as ContextRow) }),
  };
}

/** The read a request made with its session, when it is this one (the auth plugin keeps it untyped). */
export const submitContextMade = (made: MadeWithSession | undefined) =>
  valueMadeBy<SubmitContextRead>(made, readContextWithSession);

const at = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(String(v)));

/**
 * The assessment's context with the check's hints; null when there is none. `locked` (inside the
 * submission's transaction): its row locked FOR UPDATE and its unit's audit chain lock taken; otherwise as
 * of now, for a write that takes the locks and checks the hints still hold. Readability is the caller's to
 * check.
 */
export async function readSubmitContext(
  tx: Db,
  id: string,
  locked: boolean,
): Promise<{ ctx: AssessmentContext; hint: SubmitHint } | null> {
  if (!isUuid(id)) return null;
  const [r] = await runNamed(tx, locked ? readContextLocked : readContextUnlocked, [id]);
  return r ? contextOf(r) : null;
}

function contextOf(r: ContextRow): { ctx: AssessmentContext; hint: SubmitHint } {
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
  const fresh = r.fresh_complete === null ? null : Number(r.fresh_complete);
  return {
    ctx: { assessment, campaign: r.campaign, group: r.grp, unit: r.unit, ownerPath: r.owner_path },
    hint: {
      current: r.current,
      reopened: r.reopened ?? [],
      freshComplete: fresh,
      items: fresh === null ? submitItemsOf(r.items) : null,
      revision: r.revision === null ? null : Number(r.revision),
    },
  };
}
