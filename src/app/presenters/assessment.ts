// What the API shows of an assessment (Assessment in the contract): its campaign, group and unit, the
// submission and its timing under the campaign's rules, the pinned index-set definition, every leaf as
// an item (saved or empty), the informational fields, progress, "progress since" for a progress round,
// and the caller's abilities from the policy.
import {
  CAMPAIGN_STATUS_LABELS,
  type CampaignRules,
  type CampaignStatus,
  type ItemEntry,
  daysRemaining,
  assessmentProgressOf,
  judgeSubmissionOf,
  pendingNote,
  progressPercent,
  timingNoteOf,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import {
  type AssessmentContext,
  type FormRows,
  type ItemWithExtras,
  loadFormRows,
  loadItems,
} from '../../db/queries/assessments.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { StoredProgress } from '../../db/queries/assessment-form-read.ts';
import { findProgressSource } from '../../db/queries/progress-source.ts';
import { notFound } from '../errors.ts';
import { abilitiesOf } from '../assessments/assessment-access.ts';
import { type ItemView, presentItem } from './assessment-item.ts';
import { unitAppraisalOf } from './unit-appraisal.ts';

export function entriesOf(
  items: readonly Pick<ItemWithExtras, 'code' | 'inputs' | 'selfScore' | 'explanation' | 'evidenceIds'>[],
): Map<string, ItemEntry> {
  return new Map(
    items.map((i) => [
      i.code,
      {
        code: i.code,
        inputs: i.inputs,
        selfScore: i.selfScore,
        explanation: i.explanation,
        evidenceCount: i.evidenceIds.length,
      },
    ]),
  );
}

export interface TimingForOptions {
  campaign: { kind: string; rules: CampaignRules };
  deadline: string;
  submittedAt: Date | null;
  now: Date;
}

/** Timing of a submission (or of its absence) as the unit and the progress page see it: the verdict's kind
 * and its note (a code with numbers, worded by the web in the reader's language). */
export function timingFor({ campaign, deadline, submittedAt, now }: TimingForOptions) {
  const remaining = daysRemaining(now, deadline);
  if (!submittedAt && remaining >= 0) {
    return {
      timing: 'pending' as const,
      timingNote: pendingNote(remaining),
      daysRemaining: remaining,
    };
  }
  // A progress round: lateness shown, never a penalty or the lowest band (ranking-applies.ts).
  const verdict = judgeSubmissionOf(campaign, deadline, submittedAt);
  return { timing: verdict.kind, timingNote: timingNoteOf(verdict), daysRemaining: remaining };
}

export function timingOf(ctx: Pick<AssessmentContext, 'assessment' | 'campaign' | 'group'>, now: Date) {
  const at = ctx.assessment.submittedAt;
  return timingFor({
    campaign: ctx.campaign,
    deadline: ctx.group.deadlineSelfAssessment,
    submittedAt: at ? new Date(at) : null,
    now,
  });
}

/**
 * The form's progress as the contract shows it (the list rows carry the same figures, stored): `total` is
 * the set's items (leaves); the rest from src/core, computed or stored (StoredProgress, decision 0014).
 */
function progressView(total: number, p: StoredProgress) {
  return {
    total,
    answered: p.answered,
    complete: p.complete,
    percent: progressPercent(p.complete, total),
    selfTotal: p.selfTotal,
    selfApplicableMax: p.selfApplicableMax,
  };
}

/** The assessment's index-set version is missing (404): the form load and the view say it alike. */
export const frameworkNotFound = () => notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');

/** The form's items as the view shows them, with the figures computed from exactly those items. */
export interface FormItemsView<I> {
  items: I;
  progress: StoredProgress;
  selfScores: ReadonlyMap<string, number | null>;
}

/**
 * Every leaf of the set as an item (saved or empty), in the set's order, with the items' progress (the
 * stored one when up to date, else computed from them) and their self-scores.
 */
export function presentFormItems(
  def: IndexedDefinition,
  ctx: Pick<AssessmentContext, 'assessment' | 'campaign'>,
  { items, supplied }: FormRows,
  stored: StoredProgress | null,
): FormItemsView<ItemView[]> {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const campaignOpen = ctx.campaign.status === 'open';
  const submitted = ctx.assessment.status === 'submitted';
  return {
    items: [...def.leaves.keys()].map((code) => {
      const row = byCode.get(code) ?? null;
      return presentItem({
        code,
        row,
        evidenceIds: row?.evidenceIds ?? [],
        supplied: supplied.get(code) ?? null,
        assessmentLocked: submitted,
        campaignOpen,
      });
    }),
    progress: stored ?? assessmentProgressOf(def.definition, entriesOf(items)),
    selfScores: new Map(items.map((i) => [i.code, i.selfScore])),
  };
}

export interface BuildAssessmentViewOptions<I> {
  actor: ScopedActor;
  ctx: AssessmentContext;
  now: Date;
  /** The index-set version when the caller loaded it (else loaded here). */
  def?: IndexedDefinition;
  /** The items already presented (read-form.ts: possibly as JSON bytes); else read and presented here. */
  presented?: FormItemsView<I>;
}

export async function buildAssessmentView<I = ItemView[]>(
  db: Db,
  { actor, ctx, now, def: loaded, presented }: BuildAssessmentViewOptions<I>,
) {
  const def = loaded ?? (await loadDefinition(db, ctx.group.frameworkId));
  if (!def) throw frameworkNotFound();
  const view: FormItemsView<I> =
    presented ??
    (presentFormItems(
      def,
      ctx,
      await loadFormRows(db, { assessmentId: ctx.assessment.id, campaignId: ctx.campaign.id, unitId: ctx.unit.id }),
      null,
    ) as FormItemsView<unknown> as FormItemsView<I>);
  const a = ctx.assessment;
  return {
    id: a.id,
    campaign: {
      id: ctx.campaign.id,
      name: ctx.campaign.name,
      year: ctx.campaign.year,
      kind: ctx.campaign.kind,
      status: ctx.campaign.status,
      statusLabel: CAMPAIGN_STATUS_LABELS[ctx.campaign.status as CampaignStatus] ?? ctx.campaign.status,
    },
    group: {
      id: ctx.group.id,
      name: ctx.group.name,
      deadlines: {
        selfAssessment: ctx.group.deadlineSelfAssessment,
        preReview: ctx.group.deadlinePreReview,
        appraisal: ctx.group.deadlineAppraisal,
        publication: ctx.group.deadlinePublication,
      },
      reportingPeriod: { from: ctx.group.reportingFrom, to: ctx.group.reportingTo },
    },
    unit: { id: ctx.unit.id, code: ctx.unit.code, name: ctx.unit.name },
    ...submissionStateFields(ctx, now),
    framework: def.definition,
    items: view.items,
    info: a.info ?? {},
    progress: progressView(def.leaves.size, view.progress),
    progressSince: await progressSince(db, ctx, def.definition),
    appraisal: await unitAppraisalOf(db, ctx, view.selfScores),
    rowVersion: a.rowVersion,
    abilities: abilitiesOf(actor, ctx),
  };
}

/** The submission and its timing as of now: shared by the whole view and the submit answer. */
function submissionStateFields(ctx: AssessmentContext, now: Date) {
  const a = ctx.assessment;
  return {
    status: a.status,
    submittedAt: a.submittedAt ? new Date(a.submittedAt).toISOString() : null,
    submittedBy: a.submittedBy,
    submissionChannel: a.submissionChannel,
    externalReference: a.externalReference,
    daysLate: a.daysLate,
    penaltyPoints: a.penaltyPoints,
    lowestBand: a.lowestBand,
    reopenedAt: a.reopenedAt ? new Date(a.reopenedAt).toISOString() : null,
    reopenReason: a.reopenReason,
    ...timingOf(ctx, now),
    today: vietnamDateOf(now),
  };
}

/**
 * What POST …/submit answers (SubmissionState in the contract): the new state of the assessment — status,
 * submission, timing, row version, the caller's abilities — without the index set and the items, which
 * the client already holds (after a submission every item is locked and none reopened). No query: the
 * submit use case returns the updated row.
 */
export function submissionStateOf(actor: ScopedActor, ctx: AssessmentContext, now: Date) {
  return {
    id: ctx.assessment.id,
    ...submissionStateFields(ctx, now),
    rowVersion: ctx.assessment.rowVersion,
    abilities: abilitiesOf(actor, ctx),
  };
}

/** For a progress round: the previous round's (or the annual campaign's) total and per-item scores. */
async function progressSince(db: Db, ctx: AssessmentContext, definition: Parameters<typeof assessmentProgressOf>[0]) {
  if (ctx.campaign.kind !== 'progress' || !ctx.campaign.parentCampaignId) return null;
  const source = await findProgressSource(
    db,
    ctx.unit.id,
    ctx.campaign.parentCampaignId,
    ctx.campaign.progressMonths ?? 12,
  );
  if (!source) return null;
  const items = await loadItems(db, source.assessmentId);
  return {
    source: { campaignId: source.campaignId, campaignName: source.campaignName, assessmentId: source.assessmentId },
    selfTotal: assessmentProgressOf(definition, entriesOf(items)).selfTotal,
    scores: Object.fromEntries(items.map((i) => [i.code, i.selfScore])) as Record<string, number | null>,
  };
}

export type AssessmentView = Awaited<ReturnType<typeof buildAssessmentView>>;
