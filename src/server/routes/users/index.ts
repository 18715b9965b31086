// /users: list, read, create (with its roles, in one operation), edit, role assignment, import. No API
// token reaches these routes (no `tokenScopes`): a token never manages accounts.
import { z } from 'zod';
import { canManageUsers } from '../../../core/policy/index.ts';
import type { Db } from '../../../db/client.ts';
import {
  findVisibleUser,
  listVisibleUsers,
  loadGrantsOf,
  loadUserRefs,
  type UserRow,
} from '../../../db/queries/users.ts';
import { parseUsersTable } from '../../../exchange/users/parse-users-table.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { roleAssignmentSchema } from '../../../contract/auth.ts';
import {
  createUserBody,
  roleInputSchema,
  updateUserBody,
  userListSchema,
  userSchema,
} from '../../../contract/users.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams, paginationQuery } from '../../../contract/common.ts';
import { readSpreadsheetUpload, tableRefused } from '../../imports/read-spreadsheet-upload.ts';
import { assignRole, removeRole } from '../../../app/users/assign-role.ts';
import { createUser } from '../../../app/users/create-user.ts';
import { importUsers } from '../../../app/users/import-users.ts';
import { updateUser } from '../../../app/users/update-user.ts';
import { presentUser } from '../../../app/presenters/user.ts';
import { DX_OFFICE } from '../../http/route-access.ts';
import { serverNow } from '../server-now.ts';

async function presentOne(db: Db, row: UserRow, actor: Parameters<typeof presentUser>[2]) {
  return presentUser(row, (await loadUserRefs(db, [row])).get(row.id)!, actor);
}

export function registerUserRoutes(app: App, deps: ServerDeps) {
  const db = deps.db;

  app.get(
    '/users',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['users'],
        summary: 'Danh sách tài khoản trong phạm vi quản lý',
        querystring: paginationQuery.extend({ q: z.string().max(200).default('') }),
        response: { 200: userListSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const { q, page, pageSize } = request.query;
      const { rows, total } = await listVisibleUsers(db, who.actor, q, page, pageSize);
      const loaded = await loadUserRefs(db, rows);
      return {
        items: rows.map((r) => presentUser(r, loaded.get(r.id)!, who.actor)),
        total,
        page,
        pageSize,
        abilities: { create: canManageUsers(who.actor) },
      };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['users'], summary: 'Chi tiết tài khoản', params: idParams, response: { 200: userSchema } },
    },
    async (request) => {
      const who = whoIs(request);
      const row = await findVisibleUser(db, who.actor, request.params.id);
      if (!row) throw notFound('Không tìm thấy tài khoản.');
      return presentOne(db, row, who.actor);
    },
  );

  app.post(
    '/users',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['users'],
        summary:
          'Tạo tài khoản cùng các vai trò của nó (một thao tác; không vai trò: chỉ người tạo và quản trị hệ thống quản lý được)',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const row = await createUser(db, who, request.body);
      return reply.status(201).send(await presentOne(db, row, who.actor));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['users'],
        summary: 'Sửa tài khoản (đặt lại mật khẩu hoặc khóa tài khoản: đăng xuất mọi phiên và thu hồi mã truy cập API)',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const row = await updateUser(db, {
        who,
        id: request.params.id,
        input: request.body,
        now: serverNow(deps),
        realNow: new Date(), // tokens expire on real time, as the bearer check reads them (decision 0016)
      });
      return presentOne(db, row, who.actor);
    },
  );

  app.post(
    '/users/:id/roles',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['users'],
        summary: 'Giao vai trò trên một đơn vị',
        params: idParams,
        body: roleInputSchema,
        response: { 201: roleAssignmentSchema },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      const id = await assignRole(db, { who, userId: request.params.id, input: request.body });
      const grant = ((await loadGrantsOf(db, [request.params.id])).get(request.params.id) ?? []).find(
        (g) => g.id === id,
      )!;
      return reply.status(201).send({
        id: grant.id,
        role: grant.role,
        unitId: grant.unitId,
        unitCode: grant.unitCode,
        unitName: grant.unitName,
        subtree: grant.subtree,
      });
    },
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    {
      config: { access: DX_OFFICE },
      schema: { tags: ['users'], summary: 'Gỡ vai trò', params: idParams.extend({ assignmentId: z.uuid() }) },
    },
    async (request, reply) => {
      await removeRole(db, {
        who: whoIs(request),
        userId: request.params.id,
        assignmentId: request.params.assignmentId,
        realNow: new Date(), // tokens expire on real time, as the bearer check reads them (decision 0016)
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/users/import',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['users'],
        summary:
          'Nhập tài khoản từ Excel (Tên đăng nhập | Họ và tên | Email | Điện thoại | Mật khẩu | Vai trò | Mã đơn vị)',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ created: z.number() }) },
      },
    },
    async (request, reply) => {
      const who = whoIs(request);
      if (!canManageUsers(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo tài khoản.'); // before the file is read
      const { result: table } = await readSpreadsheetUpload(deps, request, reply, 'table');
      if (!table.ok) throw tableRefused(table);
      const { records, problems } = parseUsersTable(table.rows);
      if (records.length === 0 && problems.length > 0)
        throw new OperationError('IMPORT_INVALID', `Tệp có ${problems.length} lỗi; chưa có tài khoản nào được tạo.`, {
          problems,
        });
      // The rows that read well are checked against the database too: one report lists every problem.
      return importUsers(db, { who, records, earlier: problems, now: serverNow(deps) });
    },
  );
}
