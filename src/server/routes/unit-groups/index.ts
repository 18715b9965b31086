// /unit-groups: the sets of units assessed with one index set and ranked together.
import { z } from 'zod';
import { toNfc } from '../../../core/text/vietnamese.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import {
  unitGroupDetailSchema,
  unitGroupListSchema,
  unitGroupSchema as groupSchema,
} from '../../../contract/unit-groups.ts';
import { unitCodeSchema } from '../../../contract/unit-fields.ts';
import { createGroup, deleteGroup, setGroupMembers, updateGroup } from '../../../app/unit-groups/save-group.ts';
import { listGroups, presentGroup, readGroup } from '../../../app/unit-groups/read-groups.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

const nameSchema = z.string().transform(toNfc).pipe(z.string().min(1, 'Tên nhóm không được để trống').max(300));

export function registerUnitGroupRoutes(app: App, deps: ServerDeps) {
  const db = deps.db;
  app.get(
    '/unit-groups',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['unit-groups'],
        summary: 'Danh sách nhóm đơn vị',
        querystring: paginationQuery,
        response: { 200: unitGroupListSchema },
      },
    },
    async (request) => listGroups(db, whoIs(request).actor, request.query),
  );

  app.get(
    '/unit-groups/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['unit-groups'],
        summary: 'Chi tiết nhóm và thành viên',
        params: idParams,
        response: { 200: unitGroupDetailSchema },
      },
    },
    async (request) => readGroup(db, { actor: whoIs(request).actor, id: request.params.id, now: serverNow(deps) }),
  );

  app.post(
    '/unit-groups',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['unit-groups'],
        summary: 'Tạo nhóm đơn vị',
        body: z.object({
          code: unitCodeSchema,
          name: nameSchema,
          description: z.string().max(2000).nullish(),
          unitIds: z.array(z.uuid()).max(20000).optional(),
        }),
        response: { 201: groupSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await createGroup(db, who, request.body);
      return reply.status(201).send(await presentGroup(db, who.actor, row));
    },
  );

  app.patch(
    '/unit-groups/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['unit-groups'],
        summary: 'Sửa nhóm đơn vị',
        params: idParams,
        body: z.object({ name: nameSchema.optional(), description: z.string().max(2000).nullish() }),
        response: { 200: groupSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      return presentGroup(
        db,
        who.actor,
        await updateGroup(db, { who, id: request.params.id, input: request.body, now: serverNow(deps) }),
      );
    },
  );

  app.put(
    '/unit-groups/:id/members',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['unit-groups'],
        summary: 'Đặt danh sách thành viên',
        params: idParams,
        body: z.object({ unitIds: z.array(z.uuid()).max(20000) }),
        response: { 200: groupSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      return presentGroup(
        db,
        who.actor,
        await setGroupMembers(db, { who, id: request.params.id, unitIds: request.body.unitIds }),
      );
    },
  );

  app.delete(
    '/unit-groups/:id',
    { config: { access: DX_OFFICE }, schema: { tags: ['unit-groups'], summary: 'Xóa nhóm đơn vị', params: idParams } },
    async (request, reply) => {
      await deleteGroup(db, whoIs(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
