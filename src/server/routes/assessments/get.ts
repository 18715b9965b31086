// GET /assessments/mine (the unit's home page), GET /assessments/{id} and GET /assessments/{id}/check
// ("Kiểm tra trước khi nộp").
import { myAssessments } from '../../../app/assessments/progress-lists.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { readAssessmentForm, readFormMade, readFormWithSession } from '../../../app/assessments/read-form.ts';
import type { FormItemsCache } from '../../../app/presenters/form-items-cache.ts';
import { checkSubmission } from '../../../app/assessments/check-submission.ts';
import { timingFor } from '../../../app/presenters/assessment.ts';
import { serverNow } from '../server-now.ts';
import { progressPercent } from '../../../core/campaign/index.ts';
import { assessmentSchema, mineSchema, submissionCheckSchema } from '../../../contract/assessments.ts';
import { SUBMISSION_CHECKERS } from '../../http/route-access.ts';
import { formAnswerSerializer } from './form-serializer.ts';

export function registerAssessmentReads(app: App, deps: ServerDeps, formItems: FormItemsCache) {
  app.get(
    '/assessments/mine',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['assessments'],
        summary: 'Bản tự đánh giá của các đơn vị người dùng phụ trách (kỳ đang mở trước, rồi các kỳ đã qua)',
        response: { 200: mineSchema },
      },
    },
    async (request) => {
      const now = serverNow(deps);
      const rows = await myAssessments(deps.db, whoIs(request).actor);
      return {
        items: rows.map((r) => {
          const timing = timingFor({ campaign: r.campaign, deadline: r.deadline, submittedAt: r.submittedAt, now });
          return {
            id: r.id,
            campaign: {
              id: r.campaign.id,
              name: r.campaign.name,
              year: r.campaign.year,
              kind: r.campaign.kind,
              status: r.campaign.status,
            },
            unit: r.unit,
            deadline: r.deadline,
            daysRemaining: timing.daysRemaining,
            status: r.status,
            submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
            timingNote: timing.timingNote,
            progress: {
              total: r.itemsTotal,
              answered: r.answered,
              complete: r.complete,
              percent: progressPercent(r.complete, r.itemsTotal),
              selfTotal: r.selfTotal,
              selfApplicableMax: r.selfApplicableMax,
            },
            missing: Math.max(0, r.itemsTotal - r.complete),
          };
        }),
      };
    },
  );

  app.get(
    '/assessments/:id',
    {
      config: {
        access: 'signed-in',
        // The form's first read rides with the session's (decision 0026).
        readWithSession: (request) => readFormWithSession(formItems, request.params as { id: string }),
      },
      schema: {
        tags: ['assessments'],
        summary: 'Bản tự đánh giá: bộ chỉ số, số liệu từng chỉ số, tiến độ, quyền',
        params: idParams,
        response: { 200: assessmentSchema },
      },
      // The index-set definition as JSON serialized once per version, the items pre-validated (form-serializer.ts).
      serializerCompiler: formAnswerSerializer,
    },
    async (request) =>
      readAssessmentForm(deps.db, formItems, {
        actor: whoIs(request).actor,
        id: request.params.id,
        now: serverNow(deps),
        readWithSession: readFormMade(request.readWithSession),
      }),
  );

  // Who: the unit's reporters and leaders, and the DX office running the campaign (check-submission.ts).
  app.get(
    '/assessments/:id/check',
    {
      config: { access: SUBMISSION_CHECKERS },
      schema: {
        tags: ['assessments'],
        summary: 'Kiểm tra trước khi nộp: mọi vấn đề còn chặn việc gửi bản tự đánh giá',
        params: idParams,
        response: { 200: submissionCheckSchema },
      },
    },
    async (request) => checkSubmission(deps.db, { who: whoIs(request), id: request.params.id, now: serverNow(deps) }),
  );
}
