// /users/{id}/tokens: API tokens of an account for machine clients (Authorization: Bearer …), each with a
// scope and an expiry. Managed by whoever manages the account; no API token reaches these routes.
import { z } from 'zod';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { createApiToken } from '../../../app/tokens/create-token.ts';
import { revokeApiToken } from '../../../app/tokens/revoke-token.ts';
import { listApiTokens } from '../../../app/tokens/list-tokens.ts';
import { createTokenBody, createdTokenSchema, tokenListSchema } from '../../../contract/tokens.ts';

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
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps.db, {
        who: whoIs(request),
        userId: request.params.id,
        input: request.body,
        limits,
        realNow: new Date(), // token expiry is real time, as the bearer check reads it (decision 0016)
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
        response: { 200: tokenListSchema },
      },
    },
    async (request) =>
      listApiTokens(deps.db, {
        who: whoIs(request),
        userId: request.params.id,
        limits,
        realNow: new Date(), // token expiry is real time, as the bearer check reads it (decision 0016)
      }),
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
        realNow: new Date(), // revocation stamps sit beside real-time creation and expiry (decision 0016)
      });
      return reply.status(204).send();
    },
  );
}
