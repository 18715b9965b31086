// Automatic revocation: an account's live API tokens stop working when its password changes or is reset,
// when it is disabled, or when it no longer holds a role a token's scope needs. Runs inside the
// transaction of the change that causes it, with one audit entry naming the tokens and the reason.
import type { TokenScope } from '../../core/policy/token-scopes.ts';
import { type AuditActor, writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { revokeLiveTokensOf } from '../../db/queries/api-tokens.ts';

export type RevokeReason = 'password_changed' | 'password_reset' | 'role_lost' | 'account_disabled';

/**
 * Revokes the owner's live tokens (only those of `scopes` when given); returns how many. `realNow` is real
 * time, not the business clock: token expiry is, as the bearer check reads it (docs/decisions/0016).
 */
export async function revokeOwnerTokens(
  tx: Db,
  o: { audit: AuditActor; userId: string; reason: RevokeReason; realNow: Date; scopes?: readonly TokenScope[] },
): Promise<number> {
  const { audit, userId, reason, realNow, scopes } = o;
  if (scopes && scopes.length === 0) return 0;
  const revoked = await revokeLiveTokensOf(tx, { userId, now: realNow, reason, scopes });
  if (revoked.length === 0) return 0;
  await writeAudit(tx, audit, {
    action: 'user.token.revoke_automatic',
    objectType: 'user',
    objectId: userId,
    after: { reason, tokens: revoked.map((t) => ({ tokenId: t.id, name: t.name, scope: t.scope })) },
  });
  return revoked.length;
}
