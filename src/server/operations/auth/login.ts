// Checks credentials with throttling per account and per address, then opens a session.
// Unknown user and wrong password look the same to the caller (same message, same timing).
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { LIMITS, clearFailures, lockedFor, recordFailure } from '../../../db/queries/login-throttle.ts';
import { createSession } from '../../../db/queries/sessions.ts';
import { users } from '../../../db/schema/accounts.ts';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords.ts';
import { OperationError } from '../../http/errors.ts';

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent?: string; ttlHours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const keys = [`user:${username}`, `ip:${input.ip}`];
  const wait = await lockedFor(db, keys);
  if (wait > 0) {
    throw new OperationError(
      'TOO_MANY_ATTEMPTS',
      `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60)} phút.`,
      { retryAfterSeconds: wait },
    );
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!ok || !user || !user.active) {
    await recordFailure(db, keys[0]!, LIMITS.user);
    await recordFailure(db, keys[1]!, LIMITS.ip);
    throw new OperationError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  await clearFailures(db, keys[0]!);
  return createSession(db, { userId: user.id, ttlHours: input.ttlHours, ip: input.ip, userAgent: input.userAgent });
}
