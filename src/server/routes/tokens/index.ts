// /users/{id}/tokens: API tokens of an account for machine clients (Authorization: Bearer …), each with a
// scope and an expiry. Managed by whoever manages the account; no API token reaches these routes.
import { z } from 'zod';
import { TOKEN_SCOPES, ownerHoldsScope, tokenUsable } from '../../../core/policy/token-scopes.ts';
import { listTokensOf } from '../../../db/queries/api-tokens.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { createApiToken } from '../../../app/tokens/create-token.ts';
import { revokeApiToken } from '../../../app/tokens/revoke-token.ts';
import { loadTokenAccount } from '../../../app/tokens/token-access.ts';
import { serverNow } from '../server-now.ts';

const scopeSchema = z.enum(TOKEN_SCOPES, { message: 'Phạm vi mã truy cập không hợp lệ' });
const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** manual | password_changed | password_reset | role_lost | account_disabled */
  revokedReason: z.string().nullable(),
  active: z.boolean(),
});
const nameSchema = z
  .string()
  .trim()
  .min(1, 'Cần đặt tên cho mã truy cập')
  .max(200)
  .transform((s) => s.normalize('NFC'));

export function registerTokenRoutes(app: App, deps: ServerDeps) {
  const limits = deps.config.apiTokenDays;
  app.post(
    '/users/:id/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['users'],
        summary: 'Tạo mã truy cập API cho tài khoản (chỉ hiển thị một lần): một phạm vi, có thời hạn',
        params: idParams,
        body: z.object({
          name: nameSchema,
          scope: scopeSchema,
          expiresInDays: z
            .number({ message: 'Thời hạn phải là số ngày' })
            .int('Thời hạn phải là số ngày nguyên')
            .min(1, 'Thời hạn ít nhất 1 ngày')
            .optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            name: z.string(),
            scope: z.string(),
            token: z.string(),
            createdAt: z.string(),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps.db, {
        who: whoIs(request),
        userId: request.params.id,
        input: request.body,
        limits,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/users/:id/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['users'],
        summary:
          'Các mã truy cập API của tài khoản (không có giá trị mã), các phạm vi tài khoản được cấp và thời hạn cho phép',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(tokenSchema),
            scopes: z.array(z.object({ scope: z.string(), available: z.boolean() })),
            defaultDays: z.number(),
            maxDays: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const account = await loadTokenAccount(deps.db, { who: whoIs(request), userId: request.params.id });
      const rows = await listTokensOf(deps.db, account.row.id);
      const now = new Date(); // token expiry is real time, as the bearer check uses
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          scope: r.scope,
          createdAt: r.createdAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
          revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
          revokedReason: r.revokedReason,
          active: tokenUsable(r, now),
        })),
        scopes: TOKEN_SCOPES.map((scope) => ({
          scope,
          available: ownerHoldsScope({ userId: account.row.id, grants: account.grants }, scope),
        })),
        defaultDays: limits.defaultDays,
        maxDays: limits.maxDays,
      };
    },
  );

  app.delete(
    '/users/:id/tokens/:tokenId',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['users'],
        summary: 'Thu hồi mã truy cập API',
        params: idParams.extend({ tokenId: z.uuid({ message: 'Mã định danh không hợp lệ' }) }),
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps.db, {
        who: whoIs(request),
        userId: request.params.id,
        tokenId: request.params.tokenId,
        now: serverNow(deps),
      });
      return reply.status(204).send();
    },
  );
}
