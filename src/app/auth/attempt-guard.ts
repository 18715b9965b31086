// Runs a password check under the guessing throttle (rules: core/auth/attempt-throttle.ts): count the
// attempt on every counter first, refuse without checking when a limit is passed, check, then record the
// outcome — a right password gives its attempt back, a wrong one may lock. Used by login and by the
// password change (current-password guesses).
import {
  THROTTLE,
  attemptVerdict,
  lockDurationMs,
  locksAfterFailure,
  waitText,
} from '../../core/auth/attempt-throttle.ts';
import type { Db } from '../../db/client.ts';
import { countAttempt, lockKey, recordSuccess, takeAccountSlot } from '../../db/queries/attempt-counters.ts';
import { OperationError } from '../errors.ts';

export type AttemptPurpose = 'login' | 'password';

export interface Attempt {
  purpose: AttemptPurpose;
  /** The account as typed (login: the lower-cased username) or its id (password change). */
  account: string;
  /** The client address as the server trusts it (request.ip: TRUSTED_PROXIES decides). */
  address: string;
}

const MESSAGES: Record<AttemptPurpose, string> = {
  login: 'Đăng nhập sai quá nhiều lần',
  password: 'Nhập sai mật khẩu hiện tại quá nhiều lần',
};

function tooMany(purpose: AttemptPurpose, seconds: number): OperationError {
  return new OperationError('TOO_MANY_ATTEMPTS', `${MESSAGES[purpose]}. Vui lòng thử lại sau ${waitText(seconds)}.`, {
    retryAfterSeconds: seconds,
  });
}

/** Checks the password with `check` unless the throttle refuses (429 TOO_MANY_ATTEMPTS); returns its answer. */
export async function throttledCheck(
  db: Db,
  { attempt, check, now }: { attempt: Attempt; check: () => Promise<boolean>; now: Date },
): Promise<boolean> {
  const keys = {
    pair: `${attempt.purpose}:pair:${attempt.account}|${attempt.address}`,
    address: `${attempt.purpose}:address:${attempt.address}`,
    account: `${attempt.purpose}:account:${attempt.account}`,
  };
  const pair = await countAttempt(db, keys.pair, now, THROTTLE.windowMs, true);
  // Spraying many accounts from one address matters at login only; a password change is for one account.
  const address =
    attempt.purpose === 'login' ? await countAttempt(db, keys.address, now, THROTTLE.windowMs, true) : undefined;
  const account = await countAttempt(db, keys.account, now, THROTTLE.windowMs, false);
  const verdict = attemptVerdict({ pair, address, account }, now);
  if (verdict.kind === 'refuse') throw tooMany(attempt.purpose, verdict.retryAfterSeconds);
  if (verdict.kind === 'slow') {
    const slot = await takeAccountSlot(db, keys.account, now, THROTTLE.slowIntervalMs);
    if (!slot.taken)
      throw tooMany(attempt.purpose, Math.max(1, Math.ceil((slot.until.getTime() - now.getTime()) / 1000)));
  }
  const ok = await check();
  if (ok) {
    await recordSuccess(db, { pair: keys.pair, others: address ? [keys.address, keys.account] : [keys.account] }, now);
    return true;
  }
  for (const which of locksAfterFailure({ pair, address })) {
    const counter = which === 'pair' ? pair : address!;
    await lockKey(db, keys[which], now, lockDurationMs(counter.strikes + 1));
  }
  return false;
}
