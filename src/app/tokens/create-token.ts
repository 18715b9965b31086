// Issues an API token for an account (e.g. a service account holding data_supplier on the province):
// one scope (core/policy/token-scopes.ts) the account holds a role for, and an expiry (API_TOKEN_DAYS by
// default, never beyond API_TOKEN_MAX_DAYS). The token is returned once; only its SHA-256 is kept.
import { randomBytes } from 'node:crypto';
import { type TokenScope, ownerHoldsScope, tokenExpiry } from '../../core/policy/token-scopes.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertApiToken } from '../../db/queries/api-tokens.ts';
import { hashToken } from '../../db/queries/sessions.ts';
import { OperationError } from '../errors.ts';
import { type TokenWho, loadTokenAccount } from './token-access.ts';

export const TOKEN_PREFIX = 'tdo_';

export interface CreatedToken {
  id: string;
  name: string;
  scope: TokenScope;
  token: string;
  createdAt: string;
  expiresAt: string;
}

export interface TokenRequest {
  name: string;
  scope: TokenScope;
  /** Lifetime in days; absent → the configured default. */
  expiresInDays?: number;
}

export async function createApiToken(
  db: Db,
  o: {
    who: TokenWho;
    userId: string;
    input: TokenRequest;
    limits: { defaultDays: number; maxDays: number };
    /** Real time, not the business clock: the expiry is read against it by the bearer check. */
    realNow: Date;
  },
): Promise<CreatedToken> {
  const { who, userId, input, limits, realNow } = o;
  const expiresAt = tokenExpiry(realNow, input.expiresInDays, limits);
  if (expiresAt === 'too_long') {
    throw new OperationError('VALIDATION_FAILED', `Thời hạn mã truy cập tối đa ${limits.maxDays} ngày.`, {
      issues: [{ path: '/expiresInDays', message: `Tối đa ${limits.maxDays} ngày` }],
    });
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const account = await loadTokenAccount(tx, { who, userId, lock: true });
    if (!ownerHoldsScope({ userId, grants: account.grants }, input.scope)) {
      throw new OperationError(
        'TOKEN_SCOPE_NOT_HELD',
        'Tài khoản không có vai trò cần cho phạm vi của mã truy cập này.',
        { scope: input.scope },
      );
    }
    const row = await insertApiToken(tx, {
      userId,
      name: input.name,
      scope: input.scope,
      expiresAt,
      tokenHash: hashToken(token),
    });
    await writeAudit(tx, who.audit, {
      action: 'user.token.create',
      objectType: 'user',
      objectId: userId,
      after: {
        tokenId: row.id,
        name: input.name,
        scope: input.scope,
        expiresAt: expiresAt.toISOString(),
        username: account.row.username,
      },
    });
    return {
      id: row.id,
      name: row.name,
      scope: input.scope,
      token,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    };
  });
}
