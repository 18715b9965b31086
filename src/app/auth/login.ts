// Checks credentials under the guessing throttle (per account and address, per address, per account:
// app/auth/attempt-guard.ts), then opens a session. Unknown user and wrong password look the same to
// the caller (same message, same timing, same counters).
import type { Db } from '../../db/client.ts';
import { accountByUsername } from '../../db/queries/auth-accounts.ts';
import { createSession } from '../../db/queries/sessions.ts';
import { throttledCheck } from './attempt-guard.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { OperationError } from '../errors.ts';

export async function login(
  db: Db,
  input: {
    username: string;
    password: string;
    ip: string;
    userAgent?: string;
    ttlHours: number;
    /** Real time, not the business clock: the throttle's windows and locks are wall-clock time. */
    realNow: Date;
  },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const user = await accountByUsername(db, username);
  const ok = await throttledCheck(db, {
    attempt: { purpose: 'login', account: username, address: input.ip },
    check: async () => {
      if (!user) return (await verifyPassword(await dummyPasswordHash(), input.password), false);
      return (await verifyPassword(user.passwordHash, input.password)) && user.active;
    },
    now: input.realNow,
  });
  if (!ok || !user) throw new OperationError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  return createSession(db, { userId: user.id, ttlHours: input.ttlHours, ip: input.ip, userAgent: input.userAgent });
}
