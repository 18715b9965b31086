// /data-sources: sources a DX office pulls figures from (issue 15 §3) — the ready profiles, the list, create
// and change (the token is write-only), "run now" (a job), the runs with their provenance, and the review
// of unknown identifiers. Only the DX office (and system administrators) reach these routes; inside, a
// source is visible to the office whose grant reaches its owner unit (else 404).
import type { z } from 'zod';
import { PROFILES } from '../../../core/data-sources/index.ts';
import {
  profileListSchema,
  runBody,
  runListSchema,
  runParams,
  runValuesSchema,
  runSchema,
  sourceBody,
  sourceListSchema,
  sourceSchema,
  sourceUpdateBody,
  unitMappingBody,
  unknownIdentifiersSchema,
} from '../../../contract/data-sources.ts';
import { idParams } from '../../../contract/common.ts';
import {
  getSource,
  listRunValues,
  listRuns,
  listSources,
  listUnknownIdentifiers,
} from '../../../app/data-sources/list-sources.ts';
import { requestRun } from '../../../app/data-sources/request-run.ts';
import { type SourceInput, createSource, mapSourceUnits, updateSource } from '../../../app/data-sources/save-source.ts';
import { keySecrets } from '../../../app/publication/key-secret.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

type Body = z.output<typeof sourceBody>;
function inputOf(b: Omit<Body, 'ownerUnitId'>): SourceInput {
  return {
    name: b.name,
    owningSystem: b.owningSystem,
    profile: b.profile,
    method: b.method,
    urlTemplate: b.urlTemplate,
    bodyTemplate: b.bodyTemplate ?? null,
    authHeader: b.authHeader || null,
    authToken: b.authToken,
    schedule: b.schedule,
    periodKind: b.periodKind,
    format: b.format,
    recordsPath: b.recordsPath,
    unitIdField: b.unitIdField,
    unitNameField: b.unitNameField || null,
    matchByCode: b.matchByCode,
    unitMapping: b.unitMapping,
    fieldMapping: b.fieldMapping,
    campaignId: b.campaignId ?? null,
    active: b.active,
  };
}

export function registerDataSourceRoutes(app: App, deps: ServerDeps) {
  const saveOptions = () => ({
    secrets: keySecrets(deps.config),
    allowLoopbackHttp: deps.config.dataSources.allowLoopbackHttp,
    now: serverNow(deps),
  });

  app.get(
    '/data-source-profiles',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Các mẫu nguồn dữ liệu có sẵn: chỉ số 766 (6 nhóm, 100 điểm) và nguồn JSON/CSV chung',
        response: { 200: profileListSchema },
      },
    },
    async () => ({ items: Object.values(PROFILES).map((p) => ({ ...p, fields: [...p.fields] })) }),
  );

  app.get(
    '/data-sources',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Nguồn dữ liệu của cơ quan chuyên trách, mỗi nguồn kèm lần lấy gần nhất',
        response: { 200: sourceListSchema },
      },
    },
    async (request) => listSources(deps.db, whoIs(request)),
  );

  app.post(
    '/data-sources',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Tạo nguồn dữ liệu (địa chỉ HTTPS, xác thực, lịch, định dạng, ghép đơn vị và trường số liệu)',
        body: sourceBody,
        response: { 201: sourceSchema },
      },
    },
    async (request, reply) => {
      const { ownerUnitId, ...rest } = request.body;
      const created = await createSource(deps.db, {
        ...saveOptions(),
        who: whoIs(request),
        ownerUnitId,
        input: inputOf(rest),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/data-sources/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Một nguồn dữ liệu',
        params: idParams,
        response: { 200: sourceSchema },
      },
    },
    async (request) => getSource(deps.db, whoIs(request), request.params.id),
  );

  app.put(
    '/data-sources/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Sửa nguồn dữ liệu (mã xác thực: bỏ trống để giữ, null để xóa)',
        params: idParams,
        body: sourceUpdateBody,
        response: { 200: sourceSchema },
      },
    },
    async (request) => {
      const { version, ...rest } = request.body;
      return updateSource(deps.db, {
        ...saveOptions(),
        who: whoIs(request),
        id: request.params.id,
        input: { ...inputOf(rest), version },
      });
    },
  );

  app.post(
    '/data-sources/:id/unit-mapping',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Ghép mã đơn vị của nguồn với đơn vị (hoặc đánh dấu không đánh giá)',
        params: idParams,
        body: unitMappingBody,
        response: { 200: sourceSchema },
      },
    },
    async (request) =>
      mapSourceUnits(deps.db, {
        who: whoIs(request),
        id: request.params.id,
        entries: request.body.entries,
        now: serverNow(deps),
      }),
  );

  app.post(
    '/data-sources/:id/runs',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Lấy số liệu ngay cho một kỳ (chạy nền); tất cả hoặc không',
        params: idParams,
        body: runBody,
        response: { 202: runSchema },
      },
    },
    async (request, reply) => {
      const run = await requestRun(deps.db, {
        who: whoIs(request),
        sourceId: request.params.id,
        input: request.body,
        now: serverNow(deps),
      });
      deps.jobBell?.ring(); // committed: the pull starts now, not at the worker's next poll
      return reply.code(202).send(run);
    },
  );

  app.get(
    '/data-sources/:id/runs',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Các lần lấy số liệu, mới nhất trước: địa chỉ, thời điểm, mã băm, kết quả và lý do',
        params: idParams,
        response: { 200: runListSchema },
      },
    },
    async (request) => listRuns(deps.db, whoIs(request), request.params.id),
  );

  app.get(
    '/data-sources/:id/runs/:runId/values',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Dữ liệu gốc một lần lấy nhận được, theo từng đơn vị (nguồn gốc của số liệu)',
        params: runParams,
        response: { 200: runValuesSchema },
      },
    },
    async (request) =>
      listRunValues(deps.db, { who: whoIs(request), id: request.params.id, runId: request.params.runId }),
  );

  app.get(
    '/data-sources/:id/unknown-units',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['data-sources'],
        summary: 'Mã đơn vị của nguồn chưa được ghép (theo lần lấy gần nhất)',
        params: idParams,
        response: { 200: unknownIdentifiersSchema },
      },
    },
    async (request) => listUnknownIdentifiers(deps.db, whoIs(request), request.params.id),
  );
}
