// GET /campaigns/{id}/progress (the DX office's progress page: per unit status, % done, evidence,
// submission timing; summary counts) and GET /campaigns/{id}/assessments (summaries the caller may read).
import { z } from 'zod';
import { type CampaignRules, classificationOf, formStageOf } from '../../../core/campaign/index.ts';
import { campaignAbilities } from '../../../core/policy/index.ts';
import { readableAssessmentsCondition } from '../../../db/queries/assessments.ts';
import { type ProgressRow, campaignProgress } from '../../../app/assessments/progress-lists.ts';
import { findReadableCampaign } from '../../../db/queries/campaigns.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { type PROGRESS_STATUSES, progressItem, progressQuery, progressSchema } from '../../../contract/campaigns.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { campaignNotFound, campaignRefOf } from '../../../app/campaigns/campaign-access.ts';
import { timingFor } from '../../../app/presenters/assessment.ts';
import { serverNow } from '../server-now.ts';
import { PROGRESS_FOLLOWERS } from '../../http/route-access.ts';

function present(r: ProgressRow, campaign: { kind: string; rules: CampaignRules }, now: Date) {
  const t = timingFor({ campaign, deadline: r.deadline, submittedAt: r.submittedAt, now });
  return {
    assessmentId: r.assessmentId,
    unit: r.unit,
    groupId: r.groupId,
    status: r.status,
    // One word for the row and the summary counts (formStageOf): a row never reads "Đang nhập" while the
    // summary counts it as not started.
    stage: formStageOf({ status: r.status, answered: r.itemsAnswered }),
    itemsAnswered: r.itemsAnswered,
    itemsDone: r.itemsDone,
    itemsTotal: r.itemsTotal,
    percentDone: r.itemsTotal === 0 ? 0 : Math.round((r.itemsDone / r.itemsTotal) * 1000) / 10,
    evidenceCount: r.evidenceCount,
    selfTotal: r.selfTotal,
    selfApplicableMax: r.selfApplicableMax,
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    daysLate: r.daysLate,
    // A progress round never takes points off (ranking-applies.ts), whatever an older row stored.
    penaltyPoints: classificationOf(campaign.kind).latePenalised
      ? r.penaltyPoints
      : r.penaltyPoints === null
        ? null
        : 0,
    timing: t.timing,
    timingNote: t.timingNote,
  };
}

type Item = ReturnType<typeof present>;
const matches: Record<(typeof PROGRESS_STATUSES)[number], (i: Item) => boolean> = {
  not_started: (i) => i.stage === 'not_started',
  in_progress: (i) => i.stage === 'in_progress',
  submitted: (i) => i.stage === 'submitted',
  late: (i) => (i.daysLate ?? 0) > 0,
  not_submitted: (i) => i.status !== 'submitted',
};

export function registerCampaignProgress(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns/:id/progress',
    {
      config: { access: PROGRESS_FOLLOWERS },
      schema: {
        tags: ['campaigns'],
        summary: 'Tiến độ tự đánh giá của các đơn vị',
        params: idParams,
        querystring: progressQuery,
        response: { 200: progressSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const c = await findReadableCampaign(deps.db, who.actor, request.params.id);
      if (!c) throw campaignNotFound();
      if (!campaignAbilities(who.actor, campaignRefOf(c)).viewProgress)
        throw new OperationError('FORBIDDEN', 'Bạn không được xem tiến độ của kỳ đánh giá này.');
      const now = serverNow(deps);
      const { groupId, q, status } = request.query;
      const rows = await campaignProgress(deps.db, c.campaign.id, {
        ...(groupId ? { groupId } : {}),
        ...(q ? { q } : {}),
      });
      const all = rows.map((r) => present(r, c.campaign, now));
      const count = (k: keyof typeof matches) => all.filter(matches[k]).length;
      return {
        items: status ? all.filter(matches[status]) : all,
        summary: {
          total: all.length,
          submitted: count('submitted'),
          late: count('late'),
          notStarted: count('not_started'),
          inProgress: count('in_progress'),
        },
      };
    },
  );

  app.get(
    '/campaigns/:id/assessments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['campaigns'],
        summary: 'Các bản tự đánh giá của kỳ đánh giá mà người dùng được xem',
        params: idParams,
        querystring: paginationQuery.extend({ groupId: z.uuid().optional(), q: z.string().max(200).optional() }),
        response: {
          200: z.object({ items: z.array(progressItem), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const c = await findReadableCampaign(deps.db, who.actor, request.params.id);
      if (!c) throw campaignNotFound();
      const { groupId, q, page, pageSize } = request.query;
      const readable = readableAssessmentsCondition(who.actor);
      const rows = await campaignProgress(deps.db, c.campaign.id, {
        ...(groupId ? { groupId } : {}),
        ...(q ? { q } : {}),
        ...(readable ? { readable } : {}),
      });
      const now = serverNow(deps);
      return {
        items: rows.slice((page - 1) * pageSize, page * pageSize).map((r) => present(r, c.campaign, now)),
        total: rows.length,
        page,
        pageSize,
      };
    },
  );
}
