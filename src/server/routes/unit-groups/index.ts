// /unit-groups: the sets of units assessed with one index set and ranked together.
import { asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { canCreateGroup, canReadUnit } from '../../../core/policy/index.ts';
import { ancestryOf } from '../../../db/queries/unit-path.ts';
import { compareCodes, toNfc } from '../../../core/text/vietnamese.ts';
import { orgUnits, unitGroupMembers, unitGroups } from '../../../db/schema/org.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { unitGroupDetailSchema, unitGroupListSchema, unitGroupSchema as groupSchema } from '../../../contract/unit-groups.ts';
import { unitCodeSchema } from '../../../app/org-units/unit-input.ts';
import { createGroup, deleteGroup, groupAbilities, loadGroup, setGroupMembers, updateGroup, type GroupRow } from '../../../app/unit-groups/save-group.ts';
import { presentOrgUnit } from '../../../app/presenters/org-unit.ts';
import type { Db } from '../../../db/client.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

const nameSchema = z.string().transform(toNfc).pipe(z.string().min(1, 'Tên nhóm không được để trống').max(300));

async function present(db: Db, actor: ScopedActor, g: GroupRow) {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, g.id));
  const a = await groupAbilities(db, actor, g);
  return { id: g.id, code: g.code, name: g.name, description: g.description, memberCount: Number(n), abilities: { update: a.update, delete: a.delete } };
}

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
    async (request) => {
      const who = whoIs(request);
      const all = await db.select().from(unitGroups);
      const visible: GroupRow[] = [];
      for (const g of all) if ((await groupAbilities(db, who.actor, g)).read) visible.push(g);
      visible.sort((a, b) => compareCodes(a.code, b.code));
      const { page, pageSize } = request.query;
      const slice = visible.slice((page - 1) * pageSize, page * pageSize);
      const items = await Promise.all(slice.map((g) => present(db, who.actor, g)));
      return { items, total: visible.length, page, pageSize, abilities: { create: canCreateGroup(who.actor) } };
    },
  );

  app.get(
    '/unit-groups/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['unit-groups'], summary: 'Chi tiết nhóm và thành viên', params: idParams, response: { 200: unitGroupDetailSchema } } },
    async (request) => {
      const who = whoIs(request);
      const group = await loadGroup(db, who.actor, request.params.id, 'read');
      const memberIds = (await db.select({ id: unitGroupMembers.unitId }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, group.id))).map((r) => r.id);
      const members = memberIds.length ? await db.select().from(orgUnits).where(inArray(orgUnits.id, memberIds)).orderBy(asc(orgUnits.code)) : [];
      // Only the members the reader may see as units: a group readable province-wide must not reveal the
      // units outside the reader's reach (memberCount still tells how many there are).
      const visible = members.filter((m) => canReadUnit(who.actor, { id: m.id, ancestry: ancestryOf(m.path) }));
      visible.sort((a, b) => compareCodes(a.code, b.code));
      return { ...(await present(db, who.actor, group)), members: visible.map((m) => presentOrgUnit(m, who.actor)) };
    },
  );

  app.post(
    '/unit-groups',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['unit-groups'],
        summary: 'Tạo nhóm đơn vị',
        body: z.object({ code: unitCodeSchema, name: nameSchema, description: z.string().max(2000).nullish(), unitIds: z.array(z.uuid()).max(20000).optional() }),
        response: { 201: groupSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await createGroup(db, who, request.body);
      return reply.status(201).send(await present(db, who.actor, row));
    },
  );

  app.patch(
    '/unit-groups/:id',
    { config: { access: DX_OFFICE }, schema: { tags: ['unit-groups'], summary: 'Sửa nhóm đơn vị', params: idParams, body: z.object({ name: nameSchema.optional(), description: z.string().max(2000).nullish() }), response: { 200: groupSchema } } },
    async (request) => {
      const who = whoIs(request);
      return present(db, who.actor, await updateGroup(db, who, request.params.id, request.body));
    },
  );

  app.put(
    '/unit-groups/:id/members',
    { config: { access: DX_OFFICE }, schema: { tags: ['unit-groups'], summary: 'Đặt danh sách thành viên', params: idParams, body: z.object({ unitIds: z.array(z.uuid()).max(20000) }), response: { 200: groupSchema } } },
    async (request) => {
      const who = whoIs(request);
      return present(db, who.actor, await setGroupMembers(db, who, request.params.id, request.body.unitIds));
    },
  );

  app.delete('/unit-groups/:id', { config: { access: DX_OFFICE }, schema: { tags: ['unit-groups'], summary: 'Xóa nhóm đơn vị', params: idParams } }, async (request, reply) => {
    await deleteGroup(db, whoIs(request), request.params.id);
    return reply.status(204).send();
  });
}
