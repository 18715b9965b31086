// API tokens for machine clients (other systems supplying figures). Only the SHA-256 of a token is
// stored, like session cookies, so a leaked table gives no usable token.
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
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

/** A new token row; the caller passes the SHA-256 of the token (hashToken), never the token. */
export async function insertApiToken(tx: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await tx.insert(apiTokens).values(values).returning();
  return row!;
}

/** One of the owner's tokens, locked for its revocation; undefined when the owner has no such token. */
export async function lockTokenOfOwner(tx: Db, tokenId: string, userId: string): Promise<ApiTokenRow | undefined> {
  const [token] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .for('update');
  return token;
}

export async function markTokenRevoked(tx: Db, tokenId: string, at: Date, reason: string): Promise<void> {
  await tx.update(apiTokens).set({ revokedAt: at, revokedReason: reason }).where(eq(apiTokens.id, tokenId));
}

/**
 * Revokes the owner's live tokens (not revoked, not expired at `now`), only those of `scopes` when given;
 * returns the revoked ones.
 */
export async function revokeLiveTokensOf(
  tx: Db,
  o: { userId: string; now: Date; reason: string; scopes?: readonly string[] },
): Promise<{ id: string; name: string; scope: string }[]> {
  return tx
    .update(apiTokens)
    .set({ revokedAt: o.now, revokedReason: o.reason })
    .where(
      and(
        eq(apiTokens.userId, o.userId),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, o.now),
        o.scopes ? inArray(apiTokens.scope, [...o.scopes]) : undefined,
      ),
    )
    .returning({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope });
}
