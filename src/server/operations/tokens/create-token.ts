// Issues an API token for an account (e.g. a service account holding data_supplier on the province).
// The token is returned once; only its SHA-256 is kept.
import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import { hashToken } from '../../../db/queries/sessions.ts';
import { apiTokens } from '../../../db/schema/supply.ts';
import { type TokenWho, loadManagedAccount } from './token-access.ts';

export const TOKEN_PREFIX = 'tdo_';

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

export async function createApiToken(db: Db, who: TokenWho, userId: string, name: string): Promise<CreatedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const account = await loadManagedAccount(tx, who, userId);
    const [row] = await tx.insert(apiTokens).values({ userId: account.id, name, tokenHash: hashToken(token) }).returning();
    await writeAudit(tx, who.audit, {
      action: 'user.token.create',
      objectType: 'user',
      objectId: account.id,
      after: { tokenId: row!.id, name, username: account.username },
    });
    return { id: row!.id, name: row!.name, token, createdAt: row!.createdAt.toISOString() };
  });
}
