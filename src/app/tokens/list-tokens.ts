// An account's API tokens as its manager sees them (never their values), with the scopes the account may hold
// and the lifetimes allowed.
import { TOKEN_SCOPES, ownerHoldsScope, tokenUsable } from '../../core/policy/token-scopes.ts';
import type { Db } from '../../db/client.ts';
import { listTokensOf } from '../../db/queries/api-tokens.ts';
import type { TokenList } from '../../contract/tokens.ts';
import { type TokenWho, loadTokenAccount } from './token-access.ts';

export async function listApiTokens(
  db: Db,
  options: {
    who: TokenWho;
    userId: string;
    limits: { defaultDays: number; maxDays: number };
    /** Real time, as the bearer check reads expiry: whether each token still works. */
    realNow: Date;
  },
): Promise<TokenList> {
  const account = await loadTokenAccount(db, { who: options.who, userId: options.userId });
  const rows = await listTokensOf(db, account.row.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope as TokenList['items'][number]['scope'],
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
      revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
      revokedReason: r.revokedReason,
      active: tokenUsable(r, options.realNow),
    })),
    scopes: TOKEN_SCOPES.map((scope) => ({
      scope,
      available: ownerHoldsScope({ userId: account.row.id, grants: account.grants }, scope),
    })),
    defaultDays: options.limits.defaultDays,
    maxDays: options.limits.maxDays,
  };
}
