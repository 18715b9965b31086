// GET /assessments/{id}/export.xlsx (the official self-assessment form) and POST /assessments/{id}/import
// (that form filled offline, applied through the item-save operation, all or nothing).
import { z } from 'zod';
import { vietnamDateOf } from '../../../core/campaign/index.ts';
import { formatDateVi } from '../../../core/text/vietnamese.ts';
import { findReadableAssessment, loadItems } from '../../../db/queries/assessments.ts';
import { loadDefinition } from '../../../db/queries/framework-definitions.ts';
import { writeAssessmentForm } from '../../../exchange/assessments/write-assessment-form.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { readSpreadsheetUpload } from '../../imports/read-spreadsheet-upload.ts';
import { assessmentNotFound } from '../../../app/assessments/assessment-access.ts';
import { assertMayImportForm, importAssessmentForm } from '../../../app/assessments/import-assessment-form.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { serverNow } from '../server-now.ts';
import { UNIT_STAFF } from '../../http/route-access.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerAssessmentExchange(app: App, deps: ServerDeps) {
  app.get(
    '/assessments/:id/export.xlsx',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['assessments'],
        summary: 'Biểu tự đánh giá, chấm điểm (.xlsx, theo mẫu; nhập lại được)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const ctx = await findReadableAssessment(deps.db, who.actor, request.params.id);
      if (!ctx) throw assessmentNotFound();
      const def = await loadDefinition(deps.db, ctx.group.frameworkId);
      if (!def) throw notFound('Không tìm thấy bộ chỉ số của bản tự đánh giá.');
      const items = new Map((await loadItems(deps.db, ctx.assessment.id)).map((i) => [i.code, i]));
      const now = serverNow(deps);
      const buf = await writeAssessmentForm(def.definition, items, {
        assessmentId: ctx.assessment.id,
        unitCode: ctx.unit.code,
        unitName: ctx.unit.name,
        campaignName: ctx.campaign.name,
        periodFrom: formatDateVi(ctx.group.reportingFrom),
        periodTo: formatDateVi(ctx.group.reportingTo),
        preparedBy: requireAuth(request).user.fullName,
        exportedOn: formatDateVi(vietnamDateOf(now)),
        exportedAt: now.toISOString(),
      });
      const fileName = `Tự đánh giá - ${ctx.unit.name} - ${ctx.campaign.year}.xlsx`;
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition('attachment', fileName))
        .send(buf);
    },
  );

  app.post(
    '/assessments/:id/import',
    {
      config: { access: UNIT_STAFF },
      schema: {
        tags: ['assessments'],
        summary: 'Nhập biểu tự đánh giá đã điền (.xlsx xuất từ hệ thống) — tất cả hoặc không',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ updated: z.number(), unchanged: z.number() }) },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      // Before the file is read: out of scope stays 404, and only the unit's own staff (403) get a file parsed.
      const ctx = await findReadableAssessment(deps.db, who.actor, request.params.id);
      if (!ctx) throw assessmentNotFound();
      assertMayImportForm(who.actor, ctx);
      const { result: form } = await readSpreadsheetUpload(deps, request, reply, 'assessmentForm');
      if (!form.ok) {
        if (form.tooLarge) throw new OperationError('FILE_TOO_LARGE', form.message);
        if (form.unsupported) throw new OperationError('UNSUPPORTED_FILE', form.message);
        throw new OperationError('IMPORT_INVALID', form.message, {
          problems: [
            {
              row: 1,
              column: '',
              code: form.code ?? 'FORM_UNREADABLE',
              ...(form.params ? { params: form.params } : {}),
              message: form.message,
            },
          ],
        });
      }
      return importAssessmentForm(deps.db, {
        who: { ...who, fullName: requireAuth(request).user.fullName },
        id: request.params.id,
        file: form,
        now: serverNow(deps),
      });
    },
  );
}
