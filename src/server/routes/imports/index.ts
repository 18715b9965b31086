// POST /imports/problem-report: the workbook of a rejected import's problems, for the user to fix from.
// The page sends back the file it uploaded and the problems the import answered with; the file is read
// again by the same guarded reader (worker pool, limits) and written back with the problem cells marked
// (problem-report.ts). Nothing is stored or checked against the database: it only echoes the caller's own
// file, so any signed-in user may ask. A file that is not a table gives the list alone.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ReportProblem, writeProblemReport } from '../../../exchange/import-report/write-problem-report.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { IMPORT_MAX_BYTES } from '../../http/upload.ts';
import { parseSpreadsheet } from '../../imports/read-spreadsheet-upload.ts';
import { XLSX_MIME, contentDisposition } from '../org-units/exchange.ts';
import { registerImportTemplates } from './templates.ts';

/** A report lists at most this many problems (an import of 100,000 rows could have more; say so). */
export const MAX_REPORT_PROBLEMS = 20_000;

const problemsSchema = z
  .array(
    z.object({
      sheet: z.string().max(100).optional(),
      row: z.number().int().min(0).max(10_000_000),
      column: z.string().max(200),
      message: z.string().max(2000),
    }),
  )
  .min(1, 'Danh sách lỗi trống.')
  .max(MAX_REPORT_PROBLEMS, `Báo cáo chỉ liệt kê tối đa ${MAX_REPORT_PROBLEMS.toLocaleString('vi-VN')} lỗi.`);

async function readParts(request: FastifyRequest): Promise<{ problemsText: string | null; data: Buffer | null }> {
  if (!request.isMultipart())
    throw new OperationError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Hãy gửi dưới dạng multipart/form-data: trường "problems" (JSON) và trường "file" (tùy chọn).',
    );
  let problemsText: string | null = null;
  let data: Buffer | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 8 * 1024 * 1024 },
    })) {
      if (part.type === 'file') data = await part.toBuffer();
      else if (part.fieldname === 'problems') problemsText = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new OperationError('FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
    if ((err as { code?: string }).code === 'FST_FIELDS_LIMIT' || (err as { code?: string }).code === 'FST_PARTS_LIMIT')
      throw new OperationError('VALIDATION_FAILED', 'Chỉ gửi trường "problems" và một tệp.');
    throw err;
  }
  return { problemsText, data };
}

export function registerImportRoutes(app: App, deps: ServerDeps) {
  registerImportTemplates(app, deps);
  app.post(
    '/imports/problem-report',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['imports'],
        summary:
          'Báo cáo lỗi của một lần nhập bị từ chối, dạng .xlsx: tệp đã gửi với các ô lỗi được tô đỏ và ghi chú, kèm danh sách lỗi (mọi người dùng đã đăng nhập)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      whoIs(request); // signed in; the report only echoes the caller's own file
      const { problemsText, data } = await readParts(request);
      if (problemsText === null)
        throw new OperationError('VALIDATION_FAILED', 'Thiếu trường "problems" (danh sách lỗi, JSON).');
      let raw: unknown;
      try {
        raw = JSON.parse(problemsText);
      } catch {
        throw new OperationError('VALIDATION_FAILED', 'Trường "problems" không phải JSON hợp lệ.');
      }
      const parsed = problemsSchema.safeParse(raw);
      if (!parsed.success)
        throw new OperationError('VALIDATION_FAILED', `Danh sách lỗi không hợp lệ: ${parsed.error.issues[0]!.message}`);
      const problems: ReportProblem[] = parsed.data.map((p) => ({
        ...(p.sheet ? { sheet: p.sheet.normalize('NFC') } : {}),
        row: p.row,
        column: p.column.normalize('NFC'),
        message: p.message.normalize('NFC'),
      }));
      let sheets = null;
      if (data && data.length > 0) {
        const read = await parseSpreadsheet(deps, reply, 'sheets', data);
        if (read.ok) sheets = read.sheets;
      }
      const buf = await writeProblemReport(problems, sheets);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition('bao-cao-loi-nhap.xlsx'))
        .send(buf);
    },
  );
}
