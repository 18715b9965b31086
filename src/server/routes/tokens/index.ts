// /users/{id}/tokens: API tokens of an account for machine clients (Authorization: Bearer …).
import { z } from 'zod';
import { listTokensOf } from '../../../db/queries/api-tokens.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../http/schemas.ts';
import { createApiToken } from '../../operations/tokens/create-token.ts';
import { revokeApiToken } from '../../operations/tokens/revoke-token.ts';
import { loadManagedAccount } from '../../operations/tokens/token-access.ts';
import { serverNow } from '../server-now.ts';

const tokenSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), active: z.boolean() });
const nameSchema = z.string().trim().min(1, 'Cần đặt tên cho mã truy cập').max(200).transform((s) => s.normalize('NFC'));

export function registerTokenRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/users/:id/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo mã truy cập API cho tài khoản (chỉ hiển thị một lần)',
        params: idParams,
        body: z.object({ name: nameSchema }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps.db, whoIs(request), request.params.id, request.body.name);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/users/:id/tokens',
    { schema: { tags: ['users'], summary: 'Các mã truy cập API của tài khoản (không có giá trị mã)', params: idParams, response: { 200: z.object({ items: z.array(tokenSchema) }) } } },
    async (request) => {
      const account = await loadManagedAccount(deps.db, whoIs(request), request.params.id);
      const rows = await listTokensOf(deps.db, account.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.createdAt.toISOString(),
          lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
          revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
          active: r.revokedAt === null,
        })),
      };
    },
  );

  app.delete(
    '/users/:id/tokens/:tokenId',
    { schema: { tags: ['users'], summary: 'Thu hồi mã truy cập API', params: idParams.extend({ tokenId: z.uuid({ message: 'Mã định danh không hợp lệ' }) }) } },
    async (request, reply) => {
      await revokeApiToken(deps.db, whoIs(request), request.params.id, request.params.tokenId, serverNow(deps));
      return reply.status(204).send();
    },
  );
}
