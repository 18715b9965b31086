// POST /org-units/import (xlsx/csv, all or nothing) and GET /org-units/export (xlsx).
import { z } from 'zod';
import { globalAbilities } from '../../../core/policy/index.ts';
import { compareCodes } from '../../../core/text/vietnamese.ts';
import { listReadableUnits } from '../../../db/queries/org-units.ts';
import { parseUnitsTable } from '../../../exchange/org-units/parse-units-table.ts';
import { writeUnitsWorkbook } from '../../../exchange/org-units/write-units-workbook.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { readSpreadsheetUpload, tableRefused } from '../../imports/read-spreadsheet-upload.ts';
import { importUnits } from '../../../app/org-units/import-units.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerOrgUnitExchange(app: App, deps: ServerDeps) {
  app.post(
    '/org-units/import',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['org-units'],
        summary: 'Nhập đơn vị từ Excel/CSV (Mã đơn vị | Tên đơn vị | Loại | Mã đơn vị cấp trên), tất cả hoặc không',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ created: z.number(), updated: z.number() }) },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      // Refused before the file is read: a non-manager's upload is never parsed.
      if (!globalAbilities(who.actor).manageUnits)
        throw new OperationError('FORBIDDEN', 'Bạn không có quyền nhập danh sách đơn vị.');
      const { result: table } = await readSpreadsheetUpload(deps, request, reply, 'table');
      if (!table.ok) throw tableRefused(table);
      const { records, problems, codesInFile, headerFound } = parseUnitsTable(table.rows);
      if (!headerFound || records.length === 0) {
        throw new OperationError('IMPORT_INVALID', `Tệp có ${problems.length} lỗi; chưa có dữ liệu nào được nhập.`, {
          problems,
        });
      }
      // The rows that read well are checked against the database too: one report lists every problem.
      return importUnits(deps.db, { who, records, earlier: { problems, codesInFile }, now: serverNow(deps) });
    },
  );

  app.get(
    '/org-units/export',
    { config: { access: 'signed-in' }, schema: { tags: ['org-units'], summary: 'Xuất danh sách đơn vị ra Excel' } },
    async (request, reply) => {
      const who = whoIs(request);
      const rows = await listReadableUnits(deps.db, who.actor);
      const codeById = new Map(rows.map((r) => [r.id, r.code]));
      rows.sort((a, b) => compareCodes(a.code, b.code));
      const buf = await writeUnitsWorkbook(
        rows.map((r) => ({ ...r, parentCode: r.parentId ? (codeById.get(r.parentId) ?? null) : null })),
      );
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition('don-vi.xlsx'))
        .send(buf);
    },
  );
}
