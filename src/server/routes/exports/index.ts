// Official outputs as jobs: POST /campaigns/{id}/exports {kind, unitId?} → 202 {jobId};
// GET /jobs/{id} → {status, progress, result:{downloadUrl,…}}; GET /exports/{jobId}/download.
// Who may export: the DX office, the campaign's council (members, chair, support team) and viewers,
// reaching the campaign owner — the same people who see results before publication. A job is visible
// only to the account that asked for it (anyone else → 404).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { campaignAbilities, holdsRoleOver } from '../../../core/policy/index.ts';
import type { Db } from '../../../db/client.ts';
import { loadGroupsOf, myMemberships } from '../../../db/queries/appraisal-bodies.ts';
import { rowsOf } from '../../../db/queries/assessments.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { assessments } from '../../../db/schema/campaigns.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { EXPORT_JOB, EXPORT_KINDS, type ExportPayload, type ExportResult } from '../../../app/jobs/export-job.ts';
import { enqueueJob } from '../../../app/jobs/queue.ts';
import { loadAppraisalCampaign, ownerRefOf } from '../../../app/appraisal/campaign-appraisal-access.ts';
import { campaignRefOf } from '../../../app/campaigns/campaign-access.ts';
import { createFileStore } from '../../../infra/storage/create-file-store.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';

async function authorizeExport(db: Db, actor: ScopedActor, campaignId: string) {
  const c = await loadAppraisalCampaign(db, actor, campaignId);
  if (c.viaMembership || campaignAbilities(actor, campaignRefOf(c)).viewProgress || holdsRoleOver(actor, ['viewer', 'dx_office'], ownerRefOf(c))) return c;
  if ((await myMemberships(db, actor.userId, (await loadGroupsOf(db, campaignId)).map((g) => g.id))).size > 0) return c;
  throw new OperationError('FORBIDDEN', 'Chỉ cơ quan chuyên trách, Hội đồng thẩm định và người theo dõi của cơ quan chủ trì được xuất kết quả.');
}

type JobRow = { id: string; kind: string; payload: ExportPayload; attempts: number; done_at: string | Date | null; locked_until: string | Date | null; last_error: string | null; result: (Partial<ExportResult> & { progress?: number }) | null };

async function loadOwnJob(db: Db, id: string, userId: string): Promise<JobRow> {
  const [job] = rowsOf<JobRow>(await db.execute(sql`select id, kind, payload, attempts, done_at, locked_until, last_error, result from jobs where id = ${id}::uuid and kind = ${EXPORT_JOB}`));
  if (!job || job.payload?.requestedBy !== userId) throw notFound('Không tìm thấy việc xuất tệp.');
  return job;
}

function statusOf(j: JobRow): 'queued' | 'running' | 'done' | 'failed' {
  if (j.done_at) return j.result?.sha256 ? 'done' : 'failed';
  return j.attempts > 0 && j.locked_until && new Date(j.locked_until) > new Date() ? 'running' : 'queued';
}

const exportBody = z.object({ kind: z.enum(EXPORT_KINDS), unitId: z.uuid().optional() });
const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  result: z.object({ downloadUrl: z.string(), fileName: z.string(), size: z.number(), contentType: z.string() }).nullable(),
  error: z.string().nullable(),
});

export function registerExportRoutes(app: App, deps: ServerDeps) {
  const store = () => deps.fileStore ?? createFileStore(deps.config);

  app.post(
    '/campaigns/:id/exports',
    { config: { access: 'signed-in', tokenScopes: ['results:read'] }, schema: { tags: ['results'], summary: 'Xuất văn bản kết quả (bảng xếp hạng, phiếu kết quả, phụ lục quyết định) — chạy nền', params: idParams, body: exportBody, response: { 202: z.object({ jobId: z.string() }) } } },
    async (request, reply) => {
      const who = whoIs(request);
      const c = await authorizeExport(deps.db, who.actor, request.params.id);
      const { kind, unitId } = request.body;
      if (kind.startsWith('scorecard')) {
        if (!unitId) throw new OperationError('VALIDATION_FAILED', 'Phiếu kết quả cần chọn đơn vị.', { issues: [{ path: '/unitId', message: 'Bắt buộc với phiếu kết quả' }] });
        const [a] = await deps.db.select({ id: assessments.id }).from(assessments).where(and(eq(assessments.campaignId, c.campaign.id), eq(assessments.unitId, unitId))).limit(1);
        if (!a) throw notFound('Đơn vị không tham gia kỳ đánh giá này.');
      }
      const payload: ExportPayload = { campaignId: c.campaign.id, kind, ...(unitId && kind.startsWith('scorecard') ? { unitId } : {}), requestedBy: who.userId };
      const jobId = await enqueueJob(deps.db, { kind: EXPORT_JOB, payload });
      return reply.status(202).send({ jobId: jobId! });
    },
  );

  app.get('/jobs/:id', { config: { access: 'signed-in', tokenScopes: ['results:read'] }, schema: { tags: ['results'], summary: 'Tiến độ một việc xuất tệp', params: idParams, response: { 200: jobSchema } } }, async (request) => {
    const j = await loadOwnJob(deps.db, request.params.id, whoIs(request).userId);
    const status = statusOf(j);
    const r = j.result;
    return {
      id: j.id,
      kind: j.payload.kind,
      status,
      progress: status === 'done' ? 1 : (r?.progress ?? 0),
      result: status === 'done' && r?.downloadUrl ? { downloadUrl: r.downloadUrl, fileName: r.fileName!, size: r.size!, contentType: r.contentType! } : null,
      error: status === 'failed' || (status === 'queued' && j.last_error) ? j.last_error : null,
    };
  });

  app.get('/exports/:id/download', { config: { access: 'signed-in', tokenScopes: ['results:read'] }, schema: { tags: ['results'], summary: 'Tải tệp đã xuất', params: idParams } }, async (request, reply) => {
    const j = await loadOwnJob(deps.db, request.params.id, whoIs(request).userId);
    if (statusOf(j) !== 'done' || !j.result?.sha256) throw new OperationError('INVALID_STATE', 'Tệp chưa xuất xong.', { status: statusOf(j) });
    const body = await store().get(j.result.sha256);
    if (!body) throw notFound('Tệp đã xuất không còn trong kho lưu trữ.');
    return reply
      .type(j.result.contentType ?? 'application/octet-stream')
      .header('content-disposition', contentDisposition('attachment', j.result.fileName ?? 'ket-qua'))
      .header('cache-control', 'private, no-store')
      .send(body);
  });
}
