// Revokes an API token: it stops working at once (the auth plugin reads revoked_at on every request).
// The row stays, so the audit log and the token list still name it.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { lockTokenOfOwner, markTokenRevoked } from '../../db/queries/api-tokens.ts';
import { notFound } from '../errors.ts';
import { type TokenWho, loadTokenAccount } from './token-access.ts';

export async function revokeApiToken(
  db: Db,
  o: {
    who: TokenWho;
    userId: string;
    tokenId: string;
    /** Real time, not the business clock: the stamp sits beside the token's real-time creation and expiry. */
    realNow: Date;
  },
): Promise<void> {
  const { who, userId, tokenId, realNow } = o;
  await db.transaction(async (tx) => {
    const { row: account } = await loadTokenAccount(tx, { who, userId });
    const token = await lockTokenOfOwner(tx, tokenId, account.id);
    if (!token) throw notFound('Không tìm thấy mã truy cập API.');
    if (token.revokedAt) return; // revoking twice changes nothing
    await markTokenRevoked(tx, tokenId, realNow, 'manual');
    await writeAudit(tx, who.audit, {
      action: 'user.token.revoke',
      objectType: 'user',
      objectId: account.id,
      before: { tokenId, name: token.name, revokedAt: null },
      after: { tokenId, name: token.name, revokedAt: realNow.toISOString() },
    });
  });
}
