// `Authorization: Bearer <token>` for machine clients: the token's owner becomes the caller, with the
// same grants and policy as if they had signed in. No CSRF token is asked: a browser cannot attach this
// header to a cross-site request without a CORS preflight, which this server never grants.
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
  if (!found) return null;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchToken(db, found.tokenId, now);
  const grants = await loadGrants(db, found.user.id);
  return {
    sessionId: `token:${found.tokenId}`,
    csrfToken: '',
    tokenId: found.tokenId,
    user: found.user,
    grants,
    actor: actorFromGrants(found.user.id, grants),
  };
}
