// API tokens for machine clients (other systems supplying figures). Only the SHA-256 of a token is
// stored, like session cookies, so a leaked table gives no usable token.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { apiTokens } from '../schema/supply.ts';
import { hashToken } from './sessions.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface TokenUser {
  tokenId: string;
  scope: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  user: { id: string; username: string; fullName: string; email: string | null; phone: string | null };
}

/** The token's owner, or null when unknown, revoked or the account is inactive (expiry: the caller checks). */
export async function findTokenUser(db: Db, token: string): Promise<TokenUser | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !row.active) return null;
  return {
    tokenId: row.tokenId,
    scope: row.scope,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    user: { id: row.id, username: row.username, fullName: row.fullName, email: row.email, phone: row.phone },
  };
}

export async function touchToken(db: Db, tokenId: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
}

export async function listTokensOf(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}
