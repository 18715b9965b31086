// The form load (GET /assessments/{id}) in ONE named statement: the assessment with its context (as
// findReadableAssessment answers it), only if the actor may read it, with its saved items and the unit's
// supplied figures. The form load is the deadline day's most frequent read; this replaces a Drizzle query
// built per request (~0.3 ms of CPU before the database sees it) plus a second round trip, and on PGlite
// every statement costs a fixed parse and plan. The actor's scope goes in as arrays (path prefixes, unit
// ids), so the text is the same for every caller and PostgreSQL plans it once per connection. It also
// reads the form's stored progress (assessment_progress, docs/decisions/0014) when it is up to date with
// the items read in the same statement (one snapshot), so the form load need not recompute it, and the
// form's revision (form_rev, migration 0020): a second statement, the same without the items and supplied
// figures, serves a process that holds the items presented at that revision (docs/decisions/0018). The
// five-table join is the one the item save and the submission start from (assessment-context-join.ts).
import { type Role, scopeOf } from '../../core/policy/index.ts';
import type { Db } from '../client.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import {
  type AssessmentContext,
  type FormRows,
  UNIT_READERS,
  formRowsOf,
  itemsJson,
  suppliedJson,
} from './assessments.ts';
import { ASSESSMENT_CONTEXT_FROM } from './assessment-context-join.ts';
import { type ScopedActor, isUuid } from './org-units.ts';
import { type MadeWithSession, type ReadWithSession, sessionWithStatement, valueMadeBy } from './session-with.ts';
import { subtreePattern } from './unit-path.ts';

/**
 * $1 the assessment; $2 true for a system administrator (reads everything); the unit readers' subtree
 * patterns ($3) and single units ($4) match the assessment's unit; the DX office's ($5, $6) match the unit
 * owning the campaign — the same condition as readableAssessmentsCondition. Read with the session
 * (`withSession`, decision 0026), the assessment is $2 and there is no condition: the caller asks the
 * policy (assessmentAbilities().read, the same rule) before anything read is used.
 */
const formSelect = (rows: boolean, withSession = false) =>
  `select a.id, a.campaign_id, a.campaign_group_id, a.unit_id, a.status, a.submitted_at, a.submitted_by,
     a.submission_channel, a.external_reference, a.days_late, a.penalty_points, a.lowest_band, a.reopened_at,
     a.reopen_reason, a.info, a.row_version, a.created_at, a.updated_at,
     c.name as c_name, c.year as c_year, c.kind as c_kind, c.status as c_status, c.rules as c_rules,
     c.owner_unit_id as c_owner_unit_id, c.parent_campaign_id as c_parent_campaign_id,
     c.progress_months as c_progress_months,
     g.name as g_name, g.framework_id as g_framework_id, g.reporting_from as g_reporting_from,
     g.reporting_to as g_reporting_to, g.deadline_self_assessment as g_deadline_self_assessment,
     g.deadline_pre_review as g_deadline_pre_review, g.deadline_appraisal as g_deadline_appraisal,
     g.deadline_publication as g_deadline_publication,
     u.code as u_code, u.name as u_name, u.path as u_path, o.path as owner_path,
     ${rows ? `${itemsJson(withSession ? '$2::uuid' : '$1::uuid')} as items, ${suppliedJson('a.campaign_id', 'a.unit_id')} as supplied,` : ''}
     p.form_rev as p_form_rev, p.computed_rev = p.rev as p_fresh, p.answered as p_answered, p.complete as p_complete,
     p.self_total as p_self_total, p.self_applicable_max as p_self_applicable_max
   ${ASSESSMENT_CONTEXT_FROM}
   left join assessment_progress p on p.assessment_id = a.id
   where ${
     withSession
       ? 'a.id = $2::uuid'
       : `a.id = $1::uuid
     and ($2::boolean or u.path like any($3::text[]) or u.id = any($4::uuid[])
          or o.path like any($5::text[]) or o.id = any($6::uuid[]))`
   }`;
const formRead = namedStatement<Record<string, unknown>>('assessment_form_read', formSelect(true));
/** The same without the items and supplied figures: when the caller holds them at the form's revision. */
const formContextRead = namedStatement<Record<string, unknown>>('assessment_form_context_read', formSelect(false));
const sessionFormRead = sessionWithStatement('session_with_form_read', formSelect(true, true));
const sessionFormContextRead = sessionWithStatement('session_with_form_context_read', formSelect(false, true));

/** The form read with the session: whoever asks — the policy must allow the read before any of it is used. */
export interface FormReadMade {
  id: string;
  form: ReadableForm<FormRows | null> | null;
}

/**
 * The form read made with the session's (session-with.ts), with its rows or without (as findReadableForm);
 * undefined for a path that names no form.
 */
export function formReadWithSession(id: string, options: { rows: boolean }): ReadWithSession<FormReadMade> | undefined {
  if (!isUuid(id)) return undefined;
  return {
    statement: options.rows ? sessionFormRead : sessionFormContextRead,
    params: [id],
    parse: (row) => ({ id, form: row === null ? null : readableFormOf(row, options.rows) }),
  };
}

/** The read a request made with its session, when it is a form read (the auth plugin keeps it untyped). */
export const formReadMade = (made: MadeWithSession | undefined) =>
  valueMadeBy<FormReadMade>(made, sessionFormRead, sessionFormContextRead);

/** Subtree patterns and single units reached by the actor's grants of these roles (unitsReachedCondition). */
function reach(actor: ScopedActor, roles: readonly Role[]): [string[], string[]] {
  const scope = scopeOf(actor, roles);
  const patterns: string[] = [];
  for (const root of scope.subtreeRoots) {
    const path = actor.grantPaths.get(root);
    if (path) patterns.push(subtreePattern(path));
  }
  return [patterns, scope.units];
}

/** A timestamp as Drizzle maps it (the driver answers text on both databases). */
const at = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string | Date));

/** A jsonb value as Drizzle maps it (parsed by both drivers; text only if a driver left it so). */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The form's stored progress (src/core's figures for exactly the items read with it). */
export interface StoredProgress {
  answered: number;
  complete: number;
  selfTotal: number;
  selfApplicableMax: number;
}

/** What findReadableForm answers: `rows` only when asked for. */
export interface ReadableForm<R extends FormRows | null> {
  ctx: AssessmentContext;
  rows: R;
  progress: StoredProgress | null;
  /** The form's revision (migration 0020): null when the form has no progress row yet (never written). */
  formRev: number | null;
}

/**
 * The assessment, its context and (with `rows`) its form rows if the actor may read it; null otherwise
 * (404). `progress` is the stored progress when it is up to date, null when stale or not computed yet (the
 * caller computes). The revision, progress and rows come from one statement, so one snapshot.
 */
export async function findReadableForm(db: Db, actor: ScopedActor, id: string): Promise<ReadableForm<FormRows> | null>;
export async function findReadableForm(
  db: Db,
  actor: ScopedActor,
  id: string,
  options: { rows: false },
): Promise<ReadableForm<null> | null>;
export async function findReadableForm(
  db: Db,
  actor: ScopedActor,
  id: string,
  options: { rows: boolean } = { rows: true },
): Promise<ReadableForm<FormRows | null> | null> {
  if (!isUuid(id)) return null;
  const all = scopeOf(actor, ['dx_office']).all;
  const [readerPatterns, readerUnits] = all ? [[], []] : reach(actor, UNIT_READERS);
  const [officePatterns, officeUnits] = all ? [[], []] : reach(actor, ['dx_office']);
  const statement = options.rows ? formRead : formContextRead;
  const [r] = await runNamed(db, statement, [id, all, readerPatterns, readerUnits, officePatterns, officeUnits]);
  return r ? readableFormOf(r, options.rows) : null;
}

function readableFormOf(r: Record<string, unknown>, rows: boolean): ReadableForm<FormRows | null> {
  const ctx: AssessmentContext = {
    assessment: {
      id: r.id as string,
      campaignId: r.campaign_id as string,
      campaignGroupId: r.campaign_group_id as string,
      unitId: r.unit_id as string,
      status: r.status as string,
      submittedAt: at(r.submitted_at),
      submittedBy: (r.submitted_by as string | null) ?? null,
      submissionChannel: (r.submission_channel as string | null) ?? null,
      externalReference: (r.external_reference as string | null) ?? null,
      daysLate: (r.days_late as number | null) ?? null,
      penaltyPoints: r.penalty_points === null || r.penalty_points === undefined ? null : Number(r.penalty_points),
      lowestBand: Boolean(r.lowest_band),
      reopenedAt: at(r.reopened_at),
      reopenReason: (r.reopen_reason as string | null) ?? null,
      info: json<AssessmentContext['assessment']['info']>(r.info),
      rowVersion: Number(r.row_version),
      createdAt: at(r.created_at)!,
      updatedAt: at(r.updated_at)!,
    },
    campaign: {
      id: r.campaign_id as string,
      name: r.c_name as string,
      year: Number(r.c_year),
      kind: r.c_kind as string,
      status: r.c_status as string,
      rules: json<AssessmentContext['campaign']['rules']>(r.c_rules),
      ownerUnitId: r.c_owner_unit_id as string,
      parentCampaignId: (r.c_parent_campaign_id as string | null) ?? null,
      progressMonths: r.c_progress_months === null ? null : Number(r.c_progress_months),
    },
    group: {
      id: r.campaign_group_id as string,
      name: r.g_name as string,
      frameworkId: r.g_framework_id as string,
      reportingFrom: r.g_reporting_from as string,
      reportingTo: r.g_reporting_to as string,
      deadlineSelfAssessment: r.g_deadline_self_assessment as string,
      deadlinePreReview: (r.g_deadline_pre_review as string | null) ?? null,
      deadlineAppraisal: (r.g_deadline_appraisal as string | null) ?? null,
      deadlinePublication: (r.g_deadline_publication as string | null) ?? null,
    },
    unit: { id: r.unit_id as string, code: r.u_code as string, name: r.u_name as string, path: r.u_path as string },
    ownerPath: r.owner_path as string,
  };
  const progress: StoredProgress | null =
    r.p_fresh === true
      ? {
          answered: Number(r.p_answered),
          complete: Number(r.p_complete),
          selfTotal: Number(r.p_self_total),
          selfApplicableMax: Number(r.p_self_applicable_max),
        }
      : null;
  return {
    ctx,
    rows: rows ? formRowsOf(r as Parameters<typeof formRowsOf>[0]) : null,
    progress,
    formRev: r.p_form_rev === null || r.p_form_rev === undefined ? null : Number(r.p_form_rev),
  };
}
