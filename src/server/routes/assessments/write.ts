// PUT /assessments/{id}/items/{code}, PUT /assessments/{id}/info, POST …/submit, …/reopen,
// …/record-submission. Reopen and record-submission answer the whole assessment, re-read with fresh
// abilities; submit — the deadline day's hot path — answers only the new state (submissionStateOf).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import type { AssessmentContext } from '../../../db/queries/assessments.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { recordSubmission } from '../../../app/assessments/record-submission.ts';
import { reopenAssessment } from '../../../app/assessments/reopen-assessment.ts';
import { saveInfo } from '../../../app/assessments/save-info.ts';
import { saveItem, saveItemReadMade, saveItemReadWithSession } from '../../../app/assessments/save-item.ts';
import { submitAssessment, submitReadMade, submitReadWithSession } from '../../../app/assessments/submit-assessment.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { buildAssessmentView, submissionStateOf } from '../../../app/presenters/assessment.ts';
import { serverNow } from '../server-now.ts';
import {
  assessmentSchema,
  infoBody,
  itemParams,
  itemSchema,
  recordSubmissionBody,
  reopenBody,
  saveItemBody,
  submissionStateSchema,
} from '../../../contract/assessments.ts';
import { DX_OFFICE, UNIT_STAFF } from '../../http/route-access.ts';
import type { FormItemsCache } from '../../../app/presenters/form-items-cache.ts';
import { presentedAnswerSerializer } from '../../http/presented-answer-serializer.ts';

const view = (db: Db, actor: ScopedActor, ctx: AssessmentContext, now: Date) =>
  buildAssessmentView(db, { actor, ctx, now });
const fullNameOf = (request: FastifyRequest) => requireAuth(request).user.fullName;

export function registerAssessmentWrites(app: App, deps: ServerDeps, formItems: FormItemsCache) {
  // A form changed here is dropped from this process's cache: its next load reads state and rows at once.
  const changed = <T>(id: string, result: T): T => {
    formItems.forget(id);
    return result;
  };
  app.put(
    '/assessments/:id/items/:code',
    {
      config: {
        access: UNIT_STAFF,
        // The save's context read rides with the session's (decision 0026).
        readWithSession: (request) =>
          saveItemReadWithSession(formItems, request.params as { id: string; code: unknown }, request.body),
      },
      schema: {
        tags: ['assessments'],
        summary: 'Lưu số liệu, điểm tự chấm, giải trình, tài liệu kiểm chứng của một chỉ số',
        params: itemParams,
        body: saveItemBody,
        response: { 200: itemSchema },
      },
      // The presenter's answer as it is (presented-answer-serializer.ts): the hot path of a deadline day.
      serializerCompiler: presentedAnswerSerializer,
    },
    // The save carries this process's presented items of the form over to its new revision, or drops them.
    async (request) =>
      await saveItem(deps.db, {
        who: { ...whoIs(request), fullName: fullNameOf(request) },
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now: serverNow(deps),
        readWithSession: saveItemReadMade(request.readWithSession),
        formItems,
      }),
  );

  app.put(
    '/assessments/:id/info',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['assessments'],
        summary: 'Lưu thông tin chung',
        params: idParams,
        body: infoBody,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      return view(
        deps.db,
        who.actor,
        changed(request.params.id, await saveInfo(deps.db, { who, id: request.params.id, input: request.body, now })),
        now,
      );
    },
  );

  app.post(
    '/assessments/:id/submit',
    {
      config: {
        access: UNIT_STAFF,
        // The submission's first read rides with the session's (decision 0026).
        readWithSession: (request) => submitReadWithSession(request.params as { id: string }),
      },
      schema: {
        tags: ['assessments'],
        summary: 'Gửi bản tự đánh giá (giờ máy chủ); trả lời trạng thái mới, không kèm bộ chỉ số và các chỉ số',
        params: idParams,
        response: { 200: submissionStateSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      return submissionStateOf(
        who.actor,
        changed(
          request.params.id,
          await submitAssessment(deps.db, {
            who,
            id: request.params.id,
            now,
            readWithSession: submitReadMade(request.readWithSession),
          }),
        ),
        now,
      );
    },
  );

  app.post(
    '/assessments/:id/reopen',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['assessments'],
        summary: 'Mở lại bản tự đánh giá (toàn bộ hoặc từng chỉ số)',
        params: idParams,
        body: reopenBody,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      return view(
        deps.db,
        who.actor,
        changed(
          request.params.id,
          await reopenAssessment(deps.db, { who, id: request.params.id, input: request.body, now }),
        ),
        now,
      );
    },
  );

  app.post(
    '/assessments/:id/record-submission',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['assessments'],
        summary: 'Ghi nhận bản tự đánh giá gửi qua văn bản, bưu điện',
        params: idParams,
        body: recordSubmissionBody,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      return view(
        deps.db,
        who.actor,
        changed(
          request.params.id,
          await recordSubmission(deps.db, { who, id: request.params.id, input: request.body, now }),
        ),
        now,
      );
    },
  );
}
