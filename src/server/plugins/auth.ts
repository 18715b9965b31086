// Authentication and CSRF for /api/v1. Every request with a session cookie gets `request.auth` (user,
// grants, policy Actor). Every route declares who may call it (`access`, http/route-access.ts): 'public'
// needs no session; any other declaration needs one (401), and a role list is checked here, before the body
// is validated (403 for a caller holding none of the roles). State-changing
// requests with a session must echo the session's CSRF token in `x-csrf-token` (double submit: the
// token is also in the readable `thuocdo_csrf` cookie); sessionless state changes (login) must be JSON,
// which a cross-site HTML form cannot send. A session unused for SESSION_IDLE_MINUTES ends; its last use
// is written at most once a minute, so most requests read and never write. API tokens reach only the
// routes whose config lists their scope (`tokenScopes`), whatever their owner's roles. A hot route may
// name a read to make in the session's round trip (`readWithSession`, db/queries/session-with.ts, decision
// 0026): its result waits on `request.readWithSession` for the handler, which uses it only once the caller
// is known and allowed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isRole } from '../../core/policy/index.ts';
import type { TokenScope } from '../../core/policy/token-scopes.ts';
import type { AuthContext } from '../../app/auth-context.ts';
import type { Db } from '../../db/client.ts';
import { actorFromGrants } from '../../db/queries/load-actor.ts';
import { type MadeWithSession, type ReadWithSession, findSessionWith } from '../../db/queries/session-with.ts';
import { type SessionWithGrants, findSessionWithGrants, touchSession } from '../../db/queries/sessions.ts';
import { OperationError } from '../../app/errors.ts';
import { passesRouteGate, type RouteAccess } from '../http/route-access.ts';
import { bearerTokenOf, loadTokenAuth } from './bearer.ts';

export type { AuthContext };

export const SESSION_COOKIE = 'thuocdo_sid';
export const CSRF_COOKIE = 'thuocdo_csrf';
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** What the route's `readWithSession` read with the session; undefined when it was not made. */
    readWithSession: MadeWithSession | undefined;
  }
  interface FastifyContextConfig {
    /** Who may call the route: required on every /api route and /healthz (plugins/route-access.ts). */
    access?: RouteAccess;
    /** The API-token scopes that may call this route; absent → no token may (core/policy/token-scopes.ts). */
    tokenScopes?: readonly TokenScope[];
    /**
     * A read the route makes first, made with the session's in one round trip — for a path and body it can
     * use (params and body are not validated yet); undefined: the session alone.
     */
    readWithSession?: (request: FastifyRequest) => ReadWithSession<unknown> | undefined;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function loadAuth(db: Db, token: string, idleMs: number): Promise<AuthContext | null> {
  return authOf(db, await findSessionWithGrants(db, token, idleMs));
}

async function authOf(db: Db, session: SessionWithGrants | null): Promise<AuthContext | null> {
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, session.sessionId);
  const grants = session.grants.flatMap((g) => (isRole(g.role) ? [{ ...g, role: g.role }] : []));
  return {
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    user: session.user,
    grants,
    actor: actorFromGrants(session.user.id, grants),
  };
}

/** The session, and with it the route's first read when the route names one it can make for this request. */
async function loadRequestAuth(db: Db, request: FastifyRequest, token: string, idleMs: number) {
  const read = request.routeOptions.config?.readWithSession?.(request);
  if (!read) return loadAuth(db, token, idleMs);
  const found = await findSessionWith(db, token, idleMs, read);
  if (found) request.readWithSession = { read, value: found.read };
  return authOf(db, found?.session ?? null);
}

/** The caller's auth context; routes that reach here without one were public by mistake. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new OperationError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return request.auth;
}

/** The route's declared roles: a caller holding none of them is refused before anything else is read. */
function checkRouteGate(access: RouteAccess, auth: AuthContext | null): void {
  if (passesRouteGate(access, auth?.actor ?? null) || access === 'public' || access === 'signed-in') return;
  throw new OperationError('FORBIDDEN', 'Tài khoản của bạn không có vai trò được dùng chức năng này.', {
    requiredRoles: [...access.roles],
  });
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; sessionIdleMinutes: number }) => {
  const idleMs = opts.sessionIdleMinutes * 60_000;
  app.decorateRequest('auth', null);
  app.decorateRequest('readWithSession', undefined);
  // preValidation, not preHandler: who is asking (401) and whether the CSRF token matches (403) are decided
  // before the body is validated, so a request without a session or token never learns validation details.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (request.is404) return; // unknown path: the JSON 404 (routes are listed in the public OpenAPI document anyway)
    // Undeclared routes cannot be registered (plugins/route-access.ts); 'signed-in' is the safe reading anyway.
    const access = request.routeOptions.config?.access ?? 'signed-in';
    const bearer = bearerTokenOf(request.headers.authorization);
    if (bearer !== undefined) {
      request.auth = bearer ? await loadTokenAuth(opts.db, bearer) : null;
      if (!request.auth)
        throw new OperationError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
      const scopes = request.routeOptions.config?.tokenScopes ?? [];
      // Public routes answer anyone; every other route must list the token's scope.
      if (access !== 'public' && !scopes.includes(request.auth.tokenScope!)) {
        throw new OperationError('FORBIDDEN', 'Mã truy cập API không được dùng cho chức năng này.', {
          tokenScope: request.auth.tokenScope,
        });
      }
      checkRouteGate(access, request.auth);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await loadRequestAuth(opts.db, request, token, idleMs) : null;
    if (access !== 'public' && !request.auth)
      throw new OperationError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
    checkRouteGate(access, request.auth);
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.auth) {
      if (request.headers['x-csrf-token'] !== request.auth.csrfToken) {
        throw new OperationError(
          'CSRF_TOKEN_INVALID',
          'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang và thử lại.',
        );
      }
    } else if (
      request.body !== undefined &&
      !String(request.headers['content-type'] ?? '').startsWith('application/json')
    ) {
      throw new OperationError('UNSUPPORTED_MEDIA_TYPE', 'Yêu cầu phải gửi dữ liệu dạng JSON.');
    }
  });
});
