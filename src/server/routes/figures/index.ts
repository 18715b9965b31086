// /campaigns/{id}/figures: figures supplied by other systems (API token) or specialised agencies (file).
import { parseFiguresTable } from '../../../exchange/figures/parse-figures-table.ts';
import { OperationError } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { figuresResultSchema, supplyFiguresBody } from '../../../contract/figures.ts';
import { readSpreadsheetUpload, tableRefused } from '../../imports/read-spreadsheet-upload.ts';
import { loadCampaignForSupply } from '../../../app/figures/figure-access.ts';
import { type FigureProblem, checkFigures } from '../../../app/figures/check-figures.ts';
import { FiguresInvalid, supplyFigures } from '../../../app/figures/supply-figures.ts';
import { serverNow } from '../server-now.ts';
import { FIGURE_SUPPLIERS } from '../../http/route-access.ts';

export function registerFigureRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/figures',
    {
      config: { access: FIGURE_SUPPLIERS, tokenScopes: ['figures:write'] },
      schema: {
        tags: ['campaigns'],
        summary:
          'Cung cấp số liệu cho các đơn vị (hệ thống khác qua mã truy cập API, hoặc cơ quan chuyên ngành) — tất cả hoặc không',
        params: idParams,
        body: supplyFiguresBody,
        response: { 200: figuresResultSchema },
      },
    },
    async (request) => {
      const { source, figures } = request.body;
      const input = figures.map((f) => ({
        unitCode: f.unitCode,
        itemCode: f.itemCode,
        inputs: f.inputs,
        source: f.source ?? source,
      }));
      return supplyFigures(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        figures: input,
        now: serverNow(deps),
      });
    },
  );

  app.post(
    '/campaigns/:id/figures/import',
    {
      config: { access: FIGURE_SUPPLIERS, tokenScopes: ['figures:write'] },
      schema: {
        tags: ['campaigns'],
        summary: 'Nhập số liệu cung cấp từ tệp .xlsx/.csv (Mã đơn vị | Mã chỉ số | Tên số liệu | Giá trị | Nguồn)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: figuresResultSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      await loadCampaignForSupply(deps.db, who, request.params.id); // refuse before reading the file
      const { result: table } = await readSpreadsheetUpload(deps, request, reply, 'table');
      if (!table.ok) throw tableRefused(table);
      const { records, problems } = parseFiguresTable(table.rows);
      const invalid = (found: FigureProblem[]) => {
        const all = [
          ...problems,
          // The unit and item in fields of their own: a client never reads them back out of the message.
          ...found.map((p) => ({
            row: p.row ?? 0,
            column: p.column,
            unitCode: p.unitCode,
            itemCode: p.itemCode,
            code: p.code,
            ...(p.params ? { params: p.params } : {}),
            message: p.message,
          })),
        ];
        return new OperationError('IMPORT_INVALID', `Tệp có ${all.length} lỗi; chưa ghi nhận số liệu nào.`, {
          problems: all.sort((a, b) => a.row - b.row),
        });
      };
      // The rows that read well are checked against the campaign too: one report lists every problem.
      if (problems.length > 0)
        throw invalid(records.length > 0 ? (await checkFigures(deps.db, request.params.id, records)).problems : []);
      try {
        return await supplyFigures(deps.db, {
          who,
          campaignId: request.params.id,
          figures: records,
          now: serverNow(deps),
        });
      } catch (err) {
        if (!(err instanceof FiguresInvalid)) throw err;
        throw invalid(err.problems);
      }
    },
  );
}
