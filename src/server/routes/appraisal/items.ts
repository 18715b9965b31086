// GET /appraisal/queue, POST /appraisal/bulk-accept, PUT /assessments/{id}/items/{code}/review and
// …/appraisal, GET /assessments/{id}/review, PUT/DELETE /campaigns/{id}/groups/{groupId}/not-applicable/{code}.
import { holdsRoleOver } from '../../../core/policy/index.ts';
import { findAppraisalRow } from '../../../db/queries/appraisal-context.ts';
import { loadDefinition } from '../../../db/queries/framework-definitions.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { appraisalContextOf, assessmentNotFound } from '../../../app/appraisal/appraisal-access.ts';
import { appraiseItem } from '../../../app/appraisal/appraise-item.ts';
import { bulkAccept } from '../../../app/appraisal/bulk-accept.ts';
import { clearGroupNotApplicable, setGroupNotApplicable } from '../../../app/appraisal/group-not-applicable.ts';
import { loadQueue } from '../../../app/appraisal/load-queue.ts';
import { proposeScore } from '../../../app/appraisal/propose-score.ts';
import { effectivePosition } from '../../../core/policy/index.ts';
import { buildReviewView } from '../../../app/presenters/assessment-review.ts';
import { serverNow } from '../server-now.ts';
import {
  appraisalBody,
  bulkBody,
  bulkQuery,
  groupCodeParams,
  groupNaBody,
  itemParams,
  queueQuery,
  queueSchema,
  reviewBody,
  reviewSchema,
} from '../../../contract/appraisal.ts';
import { reviewViewSchema } from '../../../contract/appraisal-review.ts';

const OVERSEERS = ['dx_office', 'support_team', 'council_member', 'council_chair', 'viewer'] as const;

export function registerAppraisalItemRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/appraisal/queue',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Việc thẩm định của người dùng (theo đơn vị hoặc theo chỉ số)',
        querystring: queueQuery,
        response: { 200: queueSchema },
      },
    },
    async (request) => loadQueue(deps.db, whoIs(request).actor, request.query),
  );
  app.post(
    '/appraisal/bulk-accept',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Công nhận hàng loạt điểm tự chấm (hoặc điểm đề xuất)',
        querystring: bulkQuery,
        body: bulkBody,
      },
    },
    async (request) =>
      bulkAccept(deps.db, {
        who: whoIs(request),
        items: request.body.items,
        use: request.query.use,
        now: serverNow(deps),
      }),
  );
  app.put(
    '/assessments/:id/items/:code/review',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Tổ giúp việc đề xuất điểm',
        params: itemParams,
        body: reviewBody,
        response: { 200: reviewSchema },
      },
    },
    async (request) =>
      proposeScore(deps.db, {
        who: whoIs(request),
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now: serverNow(deps),
      }),
  );
  app.put(
    '/assessments/:id/items/:code/appraisal',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Hội đồng chấm điểm thẩm định (công nhận, điều chỉnh có lý do, không áp dụng)',
        params: itemParams,
        body: appraisalBody,
        response: { 200: reviewSchema },
      },
    },
    async (request) =>
      appraiseItem(deps.db, {
        who: whoIs(request),
        assessmentId: request.params.id,
        code: request.params.code,
        input: request.body,
        now: serverNow(deps),
      }),
  );
  app.get(
    '/assessments/:id/review',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Hồ sơ thẩm định của một đơn vị: điểm, lý do, cảnh báo, trao đổi, tài liệu, lịch sử',
        params: idParams,
        response: { 200: reviewViewSchema },
      },
    },
    async (request) => {
      const { actor } = whoIs(request);
      const row = await findAppraisalRow(deps.db, actor, request.params.id);
      if (!row) throw assessmentNotFound();
      const unit = { id: row.unit.id, ancestry: ancestryOf(row.unit.path) };
      const appraiser =
        effectivePosition(actor, appraisalContextOf(row)) !== null ||
        holdsRoleOver(actor, OVERSEERS, unit) ||
        holdsRoleOver(actor, ['dx_office'], { id: row.campaign.ownerUnitId, ancestry: ancestryOf(row.ownerPath) });
      // The unit sees how it was appraised once the results are public (its requests: GET …/requests).
      const published = row.campaign.status === 'published' || row.campaign.status === 'archived';
      if (!appraiser && !published)
        throw new OperationError('FORBIDDEN', 'Hồ sơ thẩm định chỉ công khai với đơn vị sau khi công bố kết quả.');
      const def = await loadDefinition(deps.db, row.group.frameworkId);
      if (!def) throw notFound('Không tìm thấy bộ chỉ số.');
      return buildReviewView(deps.db, { actor, row, def, now: serverNow(deps) });
    },
  );
  app.put(
    '/campaigns/:id/groups/:groupId/not-applicable/:code',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Không áp dụng chỉ số cho cả nhóm (Chủ tịch, Phó Chủ tịch)',
        params: groupCodeParams,
        body: groupNaBody,
      },
    },
    async (request) =>
      setGroupNotApplicable(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        groupId: request.params.groupId,
        code: request.params.code,
        input: request.body,
        now: serverNow(deps),
      }),
  );
  app.delete(
    '/campaigns/:id/groups/:groupId/not-applicable/:code',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['appraisal'], summary: 'Bỏ quyết định không áp dụng cho cả nhóm', params: groupCodeParams },
    },
    async (request, reply) => {
      await clearGroupNotApplicable(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        groupId: request.params.groupId,
        code: request.params.code,
      });
      return reply.status(204).send();
    },
  );
}
