// `Authorization: Bearer <token>` for machine clients: the token's owner becomes the caller, with the
// same grants and policy as if they had signed in — but only on the routes the token's scope reaches
// (auth.ts), only until it expires, and only while the owner still holds a role the scope needs. No CSRF
// token is asked: a browser cannot attach this header to a cross-site request without a CORS preflight,
// which this server never grants.
import { isTokenScope, ownerHoldsScope, tokenUsable } from '../../core/policy/token-scopes.ts';
import type { Db } from '../../db/client.ts';
import { findTokenUser, touchToken } from '../../db/queries/api-tokens.ts';
import { actorFromGrants, loadGrants } from '../../db/queries/load-actor.ts';
import type { AuthContext } from './auth.ts';

const TOUCH_EVERY_MS = 5 * 60_000;

/** The token from the header: undefined when there is no bearer header, '' when it is malformed. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return /^Bearer\b/i.test(header) ? '' : undefined;
  return match[1];
}

export async function loadTokenAuth(db: Db, token: string): Promise<AuthContext | null> {
  if (token.length < 20 || token.length > 200) return null;
  const found = await findTokenUser(db, token);
  const now = new Date();
  if (!found || !isTokenScope(found.scope) || !tokenUsable({ revokedAt: null, expiresAt: found.expiresAt }, now))
    return null;
  const grants = await loadGrants(db, found.user.id);
  const actor = actorFromGrants(found.user.id, grants);
  if (!ownerHoldsScope(actor, found.scope)) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await touchToken(db, found.tokenId, now);
  return {
    sessionId: `token:${found.tokenId}`,
    csrfToken: '',
    tokenId: found.tokenId,
    tokenScope: found.scope,
    user: found.user,
    grants,
    actor,
  };
}
