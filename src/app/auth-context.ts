// Who is calling, as the use cases see it: the signed-in user (by session or API token), their role grants and
// the policy Actor built from them. The server's auth plugin builds it; use cases and presenters only read it.
import type { Actor } from '../core/policy/index.ts';
import type { TokenScope } from '../core/policy/token-scopes.ts';
import type { GrantRow } from '../db/queries/load-actor.ts';

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: { id: string; username: string; fullName: string; email: string | null; phone: string | null };
  grants: GrantRow[];
  actor: Actor & { grantPaths: Map<string, string> };
  /** Set when the caller came with an API token (bearer.ts) rather than a session cookie. */
  tokenId?: string;
  tokenScope?: TokenScope;
}
