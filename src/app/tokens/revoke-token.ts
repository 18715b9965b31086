// Revokes an API token: it stops working at once (the auth plugin reads revoked_at on every request).
// The row stays, so the audit log and the token list still name it.
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens } from '../../db/schema/supply.ts';
import { notFound } from '../errors.ts';
import { type TokenWho, loadTokenAccount } from './token-access.ts';

export async function revokeApiToken(db: Db, who: TokenWho, userId: string, tokenId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { row: account } = await loadTokenAccount(tx, who, userId);
    const [token] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, account.id)))
      .for('update');
    if (!token) throw notFound('Không tìm thấy mã truy cập API.');
    if (token.revokedAt) return; // revoking twice changes nothing
    await tx.update(apiTokens).set({ revokedAt: now, revokedReason: 'manual' }).where(eq(apiTokens.id, tokenId));
    await writeAudit(tx, who.audit, {
      action: 'user.token.revoke',
      objectType: 'user',
      objectId: account.id,
      before: { tokenId, name: token.name, revokedAt: null },
      after: { tokenId, name: token.name, revokedAt: now.toISOString() },
    });
  });
}
