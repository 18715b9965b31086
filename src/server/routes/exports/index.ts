// Official outputs as jobs: POST /campaigns/{id}/exports {kind, unitId?} → 202 {jobId};
// GET /jobs/{id} → {status, progress, result:{downloadUrl,…}}; GET /exports/{jobId}/download.
// Who may export and who sees a job: app/exports/export-jobs.ts.
import { OperationError, notFound } from '../../../app/errors.ts';
import { exportJobStatus, loadOwnExportJob, readExportJob, requestExport } from '../../../app/exports/export-jobs.ts';
import { createFileStore } from '../../../infra/storage/create-file-store.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { exportBody, exportJobSchema, exportStartedSchema } from '../../../contract/exports.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { serverNow } from '../server-now.ts';

export function registerExportRoutes(app: App, deps: ServerDeps) {
  const store = () => deps.fileStore ?? createFileStore(deps.config);

  app.post(
    '/campaigns/:id/exports',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['results'],
        summary: 'Xuất văn bản kết quả (bảng xếp hạng, phiếu kết quả, phụ lục quyết định) — chạy nền',
        params: idParams,
        body: exportBody,
        response: { 202: exportStartedSchema },
      },
    },
    async (request, reply) => {
      const jobId = await requestExport(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        input: request.body,
        now: serverNow(deps),
      });
      deps.jobBell?.ring(); // the office waits on the page for its file: start now
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['results'],
        summary: 'Tiến độ một việc xuất tệp',
        params: idParams,
        response: { 200: exportJobSchema },
      },
    },
    async (request) => {
      return readExportJob(deps.db, { id: request.params.id, userId: whoIs(request).userId, now: serverNow(deps) });
    },
  );

  app.get(
    '/exports/:id/download',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: { tags: ['results'], summary: 'Tải tệp đã xuất', params: idParams },
    },
    async (request, reply) => {
      const j = await loadOwnExportJob(deps.db, request.params.id, whoIs(request).userId);
      const now = serverNow(deps);
      if (exportJobStatus(j, now) !== 'done' || !j.result?.sha256)
        throw new OperationError('INVALID_STATE', 'Tệp chưa xuất xong.', { status: exportJobStatus(j, now) });
      const body = await store().get(j.result.sha256);
      if (!body) throw notFound('Tệp đã xuất không còn trong kho lưu trữ.');
      return reply
        .type(j.result.contentType ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition('attachment', j.result.fileName ?? 'ket-qua'))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
