// Objections (kiến nghị, issue 14 §1): POST /assessments/{id}/items/{code}/objections (the unit's reporters
// and leader), GET /assessments/{id}/objections (whoever reads the assessment), POST /objections/{id}/answer
// (the body of the unit's group: chair, vice chair, assigned members), GET /campaigns/{id}/objections (the DX
// office, overseers and body members: every objection and the upheld ones awaiting a corrected publication).
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { itemParams } from '../../../contract/appraisal.ts';
import {
  assessmentObjectionsSchema,
  campaignObjectionsSchema,
  objectionAnswerBody,
  objectionBody,
  objectionIdParams,
  objectionSchema,
} from '../../../contract/objections.ts';
import { answerObjection } from '../../../app/appraisal/answer-objection.ts';
import { assessmentObjections } from '../../../app/appraisal/assessment-objections.ts';
import { campaignObjections } from '../../../app/appraisal/campaign-objections.ts';
import { fileObjection } from '../../../app/appraisal/file-objection.ts';
import { UNIT_STAFF } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export function registerObjectionRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/assessments/:id/items/:code/objections',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['appraisal'],
        summary: 'Đơn vị kiến nghị về điểm thẩm định của một chỉ số (trong thời hạn kiến nghị)',
        params: itemParams,
        body: objectionBody,
        response: { 201: objectionSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const id = await fileObjection(deps.db, {
        who,
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now,
      });
      const view = (
        await assessmentObjections(deps.db, { actor: who.actor, assessmentId: request.params.id, now })
      ).items.find((o) => o.id === id)!;
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/assessments/:id/objections',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Các kiến nghị của đơn vị, thời hạn kiến nghị và các chỉ số còn được kiến nghị',
        params: idParams,
        response: { 200: assessmentObjectionsSchema },
      },
    },
    async (request) =>
      assessmentObjections(deps.db, {
        actor: whoIs(request).actor,
        assessmentId: request.params.id,
        now: serverNow(deps),
      }),
  );
  app.post(
    '/objections/:id/answer',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Hội đồng trả lời kiến nghị: chấp nhận (điểm thẩm định mới) hoặc bác, kèm lý do',
        params: objectionIdParams,
        body: objectionAnswerBody,
        response: { 200: objectionSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const now = serverNow(deps);
      const assessmentId = await answerObjection(deps.db, {
        who,
        objectionId: request.params.id,
        input: request.body,
        now,
      });
      return (await assessmentObjections(deps.db, { actor: who.actor, assessmentId, now })).items.find(
        (o) => o.id === request.params.id,
      )!;
    },
  );
  app.get(
    '/campaigns/:id/objections',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Các kiến nghị của kỳ đánh giá và những kiến nghị được chấp nhận cần công bố đính chính',
        params: idParams,
        response: { 200: campaignObjectionsSchema },
      },
    },
    async (request) => campaignObjections(deps.db, whoIs(request).actor, request.params.id),
  );
}
