// POST /frameworks/import (.xlsx appendix layout, .yaml/.yml or .json; all or nothing) and
// GET /frameworks/{id}/export?format=xlsx|yaml|json (the same layouts, so an export imports back).
import { z } from 'zod';
import { canManageFrameworks } from '../../../core/policy/index.ts';
import { findReadableFramework } from '../../../db/queries/frameworks.ts';
import { writeFrameworkJson, writeFrameworkYaml } from '../../../exchange/frameworks/framework-document.ts';
import { TEMPLATE_DEFINITION } from '../../../exchange/frameworks/template-definition.ts';
import { writeFrameworkWorkbook } from '../../../exchange/frameworks/write-framework-workbook.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { readSpreadsheetUpload } from '../../imports/read-spreadsheet-upload.ts';
import { createFramework } from '../../../app/frameworks/create-framework.ts';
import { presentFramework } from '../../../app/presenters/framework.ts';
import { XLSX_MIME, contentDisposition } from '../org-units/exchange.ts';
import { fileProblemSchema, frameworkSummarySchema } from '../../../contract/frameworks.ts';
import { normalizeDefinition } from '../../../exchange/frameworks/normalize-definition.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

export function registerFrameworkExchange(app: App, deps: ServerDeps) {
  app.post(
    '/frameworks/import',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary: 'Nhập bộ chỉ số từ tệp Excel (mẫu phụ lục), YAML hoặc JSON — thành bản nháp, tất cả hoặc không',
        consumes: ['multipart/form-data'],
        response: { 201: frameworkSummarySchema.extend({ warnings: z.array(fileProblemSchema) }) },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      // Refuse before reading the upload: a non-manager's file is never parsed.
      if (!canManageFrameworks(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền nhập bộ chỉ số.');
      const { filename, result } = await readSpreadsheetUpload(deps, request, reply, 'frameworkFile');
      if (!result.ok) {
        const first = result.problems[0]?.message ?? 'Tệp không hợp lệ.';
        if (result.reason === 'unsupported')
          throw new OperationError('UNSUPPORTED_FILE', first, { problems: result.problems });
        if (result.reason === 'too_large')
          throw new OperationError('FILE_TOO_LARGE', first, { problems: result.problems });
        const errors = result.problems.filter((p) => p.severity === 'error').length;
        throw new OperationError('FRAMEWORK_INVALID', `Tệp có ${errors} lỗi; chưa có dữ liệu nào được nhập.`, {
          problems: result.problems,
        });
      }
      const row = await createFramework(deps.db, {
        who,
        definition: result.definition,
        reason: `Nhập từ tệp ${filename}`,
      });
      return reply.status(201).send({ ...presentFramework(row, who.actor), warnings: result.warnings });
    },
  );

  app.get(
    '/frameworks/import-template',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['frameworks'],
        summary:
          'Tệp mẫu để nhập bộ chỉ số (mẫu phụ lục Excel, mỗi cách tính điểm một ví dụ; nhập lại được nguyên như vậy)',
      },
    },
    async (request, reply) => {
      if (!canManageFrameworks(whoIs(request).actor))
        throw new OperationError('FORBIDDEN', 'Bạn không có quyền nhập bộ chỉ số.');
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition('mau-bo-chi-so.xlsx'))
        .send(await writeFrameworkWorkbook(TEMPLATE_DEFINITION));
    },
  );

  app.get(
    '/frameworks/:id/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['frameworks'],
        summary: 'Xuất bộ chỉ số ra Excel (mẫu phụ lục, sẵn sàng in A4 ngang), YAML hoặc JSON',
        params: idParams,
        querystring: z.object({ format: z.enum(['xlsx', 'yaml', 'json']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await findReadableFramework(deps.db, who.actor, request.params.id);
      if (!row) throw notFound('Không tìm thấy bộ chỉ số.');
      const def = normalizeDefinition(row.definition);
      const base = `${row.code}-v${row.version}`;
      switch (request.query.format) {
        case 'yaml':
          return reply
            .header('content-type', 'application/yaml; charset=utf-8')
            .header('content-disposition', contentDisposition(`${base}.yaml`))
            .send(writeFrameworkYaml(def));
        case 'json':
          return reply
            .header('content-type', 'application/json; charset=utf-8')
            .header('content-disposition', contentDisposition(`${base}.json`))
            .send(writeFrameworkJson(def));
        default:
          return reply
            .header('content-type', XLSX_MIME)
            .header('content-disposition', contentDisposition(`${base}.xlsx`))
            .send(await writeFrameworkWorkbook(def));
      }
    },
  );
}
