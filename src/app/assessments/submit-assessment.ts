// POST /assessments/{id}/submit: the leader (or a reporter when the campaign allows it) sends the
// self-assessment, at server time. Every failing item is listed at once (422 SUBMISSION_INCOMPLETE).
// The timing is judged against the group's self-assessment deadline: late within the tolerance →
// penalty; beyond it → lowest band, or refused (409 SUBMISSION_REFUSED) when the rules say so.
// Idempotent: a submitted assessment is returned unchanged. After the DX office reopened single
// items, submitting again re-locks them and keeps the first submission's timing; after a whole
// reopen the first timing stands too — a unit is not made late by a correction the office asked for.
// First without a transaction (decision 0024; db/queries/assessment-submit.ts tells the statements): the
// read, made with the session's (decision 0026), and the write — two round trips; the locked transaction
// when that write's guard does not hold.
import { judgeSubmissionOf, submissionProblems } from '../../core/campaign/index.ts';
import { assessmentAbilities, holdsRoleOver } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import {
  type SubmitGuard,
  type SubmitItem,
  readSubmitState,
  writeSubmission,
} from '../../db/queries/assessment-submit.ts';
import {
  type SubmitContextRead,
  type SubmitHint,
  readSubmitContext,
  submitContextMade,
  submitContextWithSession,
} from '../../db/queries/assessment-submit-context.ts';
import type { SubmissionTiming } from '../../db/queries/assessment-writes.ts';
import type { AssessmentContext, AssessmentRow } from '../../db/queries/assessments.ts';
import { loadDefinition } from '../../db/queries/framework-definitions.ts';
import { OperationError, notFound } from '../errors.ts';
import {
  type AssessmentWho,
  assessmentRefOf,
  campaignNotOpen,
  forbidden,
  assessmentNotFound,
} from './assessment-access.ts';

/** What the check runs on: the reopened items, the items unless the stored progress answers, the write's guard. */
interface CheckState {
  reopened: string[];
  items: SubmitItem[] | null;
  guard: SubmitGuard;
}

/** The locking read's hints, when they can be used as they are (else the state is read again under the locks). */
function stateOfHint(hint: SubmitHint, itemCount: number): CheckState | null {
  if (!hint.current) return null;
  const guard: SubmitGuard = { kind: 'revision', revision: hint.revision };
  if (hint.freshComplete !== null)
    return hint.freshComplete === itemCount ? { reopened: hint.reopened, items: null, guard } : null; // problems to list: the items are read under the locks
  return { reopened: hint.reopened, items: hint.items, guard };
}

/** The route's read to make with the session (decision 0026): the first attempt's, from the path as it came. */
export const submitReadWithSession = (params: { id: string }) => submitContextWithSession(params.id);
/** That read, when the request made it. */
export const submitReadMade = submitContextMade;

export async function submitAssessment(
  db: Db,
  args: { who: AssessmentWho; id: string; now: Date; readWithSession?: SubmitContextRead },
): Promise<AssessmentContext> {
  return (await submitAlone(db, args)) ?? db.transaction((tx) => submitLocked(tx, args));
}

/** Who may send the form: its leader, or its reporters when the campaign allows it. */
function checkMaySubmit(who: AssessmentWho, ctx: AssessmentContext): void {
  const ref = assessmentRefOf(ctx);
  if (!assessmentAbilities(who.actor, ref).read) throw assessmentNotFound();
  const leader = holdsRoleOver(who.actor, ['unit_leader'], ref.unit);
  const staff = holdsRoleOver(who.actor, ['unit_reporter', 'unit_leader'], ref.unit);
  if (!leader && !(ref.reportersMaySubmit && staff)) {
    throw forbidden(
      ref.reportersMaySubmit
        ? 'Chỉ lãnh đạo hoặc cán bộ nhập liệu của đơn vị được gửi bản tự đánh giá.'
        : 'Chỉ lãnh đạo đơn vị được gửi bản tự đánh giá.',
    );
  }
}

/**
 * The form's index-set definition, cached per published version (no round trip), and its item count, which
 * tells whether a fresh stored progress (every item complete) already answers the check (-1: a draft set,
 * whose count may still change — the stored progress is not trusted).
 */
async function definitionOf(db: Db, ctx: AssessmentContext) {
  const def = await loadDefinition(db, ctx.group.frameworkId);
  return { def, itemCount: def && def.status !== 'draft' ? def.leaves.size : -1 };
}

/**
 * The first attempt, WITHOUT a transaction (decision 0024): the read unlocked, the decision in Node, then one
 * write statement that takes the locks itself and writes only if the form's row version and revision are
 * still those read — two round trips instead of four. Null when that guard did not hold, or when the hints
 * cannot be used (the form was never written, or its items show problems, perhaps fixed by a save committing
 * meanwhile): the locked transaction then decides, as the form stands under its locks.
 */
async function submitAlone(
  db: Db,
  { who, id, now, readWithSession }: { who: AssessmentWho; id: string; now: Date; readWithSession?: SubmitContextRead },
): Promise<AssessmentContext | null> {
  const read = readWithSession?.id === id ? readWithSession.context : await readSubmitContext(db, id, false);
  if (!read) throw assessmentNotFound();
  const { ctx, hint } = read;
  checkMaySubmit(who, ctx);
  if (ctx.assessment.status === 'submitted' && hint.reopened.length === 0) return ctx;
  const { def, itemCount } = await definitionOf(db, ctx);
  const hinted = stateOfHint(hint, itemCount);
  if (!hinted || hint.revision === null) return null;
  const guard: SubmitGuard = {
    kind: 'alone',
    revision: hint.revision,
    rowVersion: ctx.assessment.rowVersion,
    unitId: ctx.unit.id,
  };
  return submitWith(db, { who, ctx, def, state: { ...hinted, guard }, now });
}

/** The transaction of before: the read takes the locks, so what it reads again under them is final. */
async function submitLocked(
  tx: Db,
  { who, id, now }: { who: AssessmentWho; id: string; now: Date },
): Promise<AssessmentContext> {
  const locked = await readSubmitContext(tx, id, true);
  if (!locked) throw assessmentNotFound();
  const { ctx, hint } = locked;
  checkMaySubmit(who, ctx);
  const { def, itemCount } = await definitionOf(tx, ctx);
  // With the hints first; when the write finds them outdated (or they show problems, perhaps fixed by a
  // save that committed while the read waited), with the state read again under the locks, which nothing
  // can change before COMMIT (no guard).
  const hinted = stateOfHint(hint, itemCount);
  const done = hinted ? await submitWith(tx, { who, ctx, def, state: hinted, now }) : null;
  if (done) return done;
  const read = await readSubmitState(tx, id, ctx.unit.id, itemCount);
  const state: CheckState = { reopened: read.reopened, items: read.items, guard: { kind: 'none' } };
  const after = await submitWith(tx, { who, ctx, def, state, now });
  if (!after) throw new Error('submit: the unguarded write wrote nothing');
  return after;
}

/**
 * The check, the timing and the guarded write over one state; null when the guard no longer held (or the
 * hinted items show problems: they are read again before the 422 is answered). The
 * assessment row is locked FOR UPDATE since the first statement, or by the write itself, which writes only
 * over the row version read: what the update leaves is known here.
 */
async function submitWith(
  tx: Db,
  {
    who,
    ctx,
    def,
    state,
    now,
  }: {
    who: AssessmentWho;
    ctx: AssessmentContext;
    def: Awaited<ReturnType<typeof loadDefinition>>;
    state: CheckState;
    now: Date;
  },
): Promise<AssessmentContext | null> {
  const { id } = ctx.assessment;
  const reopened = state.reopened;
  if (ctx.assessment.status === 'submitted' && reopened.length === 0) return ctx;
  if (ctx.campaign.status !== 'open') throw campaignNotOpen(ctx.campaign.status);

  if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
  if (state.items !== null) {
    const problems = submissionProblems(def.definition, new Map(state.items.map((i) => [i.code, i])));
    if (problems.length > 0) {
      if (state.guard.kind !== 'none') return null;
      throw new OperationError(
        'SUBMISSION_INCOMPLETE',
        `Chưa gửi được: còn ${problems.length} chỉ số chưa đạt yêu cầu.`,
        { problems },
      );
    }
  }

  const firstSubmission = ctx.assessment.submittedAt === null;
  let timing: SubmissionTiming | null = null;
  if (firstSubmission) {
    const verdict = judgeSubmissionOf(ctx.campaign, ctx.group.deadlineSelfAssessment, now);
    if (verdict.kind === 'late_beyond_tolerance' && verdict.refused) {
      throw new OperationError(
        'SUBMISSION_REFUSED',
        `Nộp muộn ${verdict.daysLate} ngày, quá thời hạn cho phép (${ctx.campaign.rules.lateSubmission.toleranceDays} ngày): không được tiếp nhận.`,
        {
          daysLate: verdict.daysLate,
          toleranceDays: ctx.campaign.rules.lateSubmission.toleranceDays,
          deadline: ctx.group.deadlineSelfAssessment,
        },
      );
    }
    timing = {
      submittedAt: now,
      submittedBy: who.userId,
      submissionChannel: 'system',
      externalReference: null,
      daysLate: verdict.daysLate ?? 0,
      penaltyPoints: verdict.penaltyPoints,
      lowestBand: verdict.lowestBand,
    };
  }
  const after: AssessmentRow = { ...ctx.assessment, status: 'submitted', ...(timing ?? {}), updatedAt: now };
  const rowVersion = await writeSubmission(
    tx,
    { id, timing, now, relock: reopened.length > 0, guard: state.guard },
    who.audit,
    {
      action: firstSubmission ? 'assessment.submit' : 'assessment.resubmit',
      objectType: 'assessment',
      objectId: id,
      unitId: ctx.unit.id,
      before: { status: ctx.assessment.status, submittedAt: ctx.assessment.submittedAt, reopenedItems: reopened },
      after: {
        status: 'submitted',
        submittedAt: after.submittedAt,
        daysLate: after.daysLate,
        penaltyPoints: after.penaltyPoints,
        lowestBand: after.lowestBand,
      },
    },
  );
  if (rowVersion === null) return null;
  after.rowVersion = rowVersion;
  return { ...ctx, assessment: after };
}
