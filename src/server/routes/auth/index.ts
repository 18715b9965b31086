// /auth: login, logout, me, password change, own profile.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toNfc } from '../../../core/text/vietnamese.ts';
import { deleteSession } from '../../../db/queries/sessions.ts';
import { meSchema } from '../../../contract/auth.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { changeOwnPassword } from '../../../app/auth/change-password.ts';
import { serverNow } from '../server-now.ts';
import { login } from '../../../app/auth/login.ts';
import { updateOwnProfile } from '../../../app/auth/update-own-profile.ts';
import { CSRF_COOKIE, SESSION_COOKIE, loadAuth, requireAuth } from '../../plugins/auth.ts';
import { presentMe } from '../../../app/presenters/me.ts';
import { TOKEN_SCOPES } from '../../../core/policy/token-scopes.ts';

function cookieOptions(request: FastifyRequest, httpOnly: boolean, expires?: Date) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: request.protocol === 'https', expires };
}

function clearCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, false));
}

export function registerAuthRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        security: [],
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const session = await login(deps.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        ttlHours: deps.config.sessionTtlHours,
        realNow: new Date(), // the guessing throttle runs on real time, as its locks are read (decision 0016)
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(request, true, session.expiresAt));
      reply.setCookie(CSRF_COOKIE, session.csrfToken, cookieOptions(request, false, session.expiresAt));
      const auth = await loadAuth(deps.db, session.token, deps.config.sessionIdleMinutes * 60_000);
      return presentMe(auth!);
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Đăng xuất' } },
    async (request, reply) => {
      await deleteSession(deps.db, requireAuth(request).sessionId);
      clearCookies(request, reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed-in', tokenScopes: TOKEN_SCOPES },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: meSchema } },
    },
    async (request) => presentMe(requireAuth(request)),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu (các phiên khác bị đăng xuất)',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await changeOwnPassword(deps.db, {
        who: { ...whoIs(request), sessionId: auth.sessionId, ip: request.ip },
        input: request.body,
        realNow: new Date(), // throttle, password stamp and token revocation run on real time (decision 0016)
      });
      return reply.status(204).send();
    },
  );

  app.patch(
    '/auth/profile',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Sửa hồ sơ cá nhân',
        body: z.object({
          fullName: z.string().transform(toNfc).pipe(z.string().min(1).max(200)).optional(),
          email: z.email({ message: 'Email không hợp lệ' }).max(200).nullish(),
          phone: z
            .string()
            .trim()
            .regex(/^[0-9+().\s-]{6,20}$/, 'Số điện thoại không hợp lệ')
            .nullish(),
        }),
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const who = whoIs(request);
      const auth = requireAuth(request);
      await updateOwnProfile(deps.db, { who, change: request.body, now: serverNow(deps) });
      return presentMe(
        (await loadAuth(deps.db, request.cookies[SESSION_COOKIE]!, deps.config.sessionIdleMinutes * 60_000)) ?? auth,
      );
    },
  );
}
