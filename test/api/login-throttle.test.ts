// Issue 11, finding 5 (and the password-change throttle of 13): no proxy is trusted unless configured
// (TRUSTED_PROXIES), so a forged X-Forwarded-For changes nothing; guesses are counted per account and
// address before any password is checked — race-free, so 20 parallel guesses get at most 5 checks —
// with locks that double on repeat; past a generous per-account ceiling unknown addresses are slowed, not
// locked, so a guesser elsewhere cannot lock the administrator out.
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle, sessions } from '../../src/db/schema/accounts.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (app: TestApp, username: string, password: string, from: string, forwarded?: string) =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: from,
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  });
const sessionAddress = async (app: TestApp, cookieHeader: string[] | string | undefined) => {
  const rows = await app.database.db.select({ ip: sessions.ip, createdAt: sessions.createdAt }).from(sessions);
  expect(cookieHeader).toBeDefined();
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!.ip;
};
/** Ends the current lock of every counter whose key starts with `prefix`, as if its time had passed. */
const expireLocks = (prefix: string) =>
  t.database.db
    .update(loginThrottle)
    .set({ lockedUntil: new Date(Date.now() - 1000) })
    .where(like(loginThrottle.key, `${prefix}%`));

describe('X-Forwarded-For is not trusted by default', () => {
  it('rotating it does not escape the per-address limit: the 31st guess from one socket is refused', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++)
      codes.push((await login(t, `ghost${i}`, 'wrong-password1', '10.1.0.1', `198.51.100.${i}`)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
  }, 60_000);

  it('nor the per-account limit; the session records the socket’s address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await login(t, 'viewer', `wrong${i}`, '10.1.0.2', `198.51.100.${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const ok = await login(t, 'lead_c1', PASSWORD, '10.1.0.3', '203.0.113.9');
    expect(ok.statusCode).toBe(200);
    expect(await sessionAddress(t, ok.headers['set-cookie'])).toBe('10.1.0.3');
  });
});

describe('only wrong guesses weigh', () => {
  it('40 people signing in from one office address within minutes are all let in', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 40; i++)
      codes.push((await login(t, ['office', 'd1office', 'rep_c1', 'chair'][i % 4]!, PASSWORD, '10.5.0.1')).statusCode);
    expect(codes.every((c) => c === 200)).toBe(true);
  }, 60_000);
});

describe('guesses are counted before the password is checked', () => {
  it('20 parallel wrong passwords: at most 5 are checked (401), the rest refused unchecked (429)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(t, 'member', `parallel${i}`, '10.2.0.1')),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 401).length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((c) => c !== 401).every((c) => c === 429)).toBe(true);
    expect((await login(t, 'member', PASSWORD, '10.2.0.1')).statusCode).toBe(429);
  }, 60_000);

  it('locks double on repeat: 15, then 30, then 60 minutes', async () => {
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++)
        expect((await login(t, 'rep_c3', `wrong${round}${i}`, '10.2.0.2')).statusCode).toBe(401);
      const locked = await login(t, 'rep_c3', 'wrong-again1', '10.2.0.2');
      expect(locked.statusCode).toBe(429);
      waits.push(Math.round(locked.json().error.details.retryAfterSeconds / 60));
      await expireLocks('login:pair:rep_c3|10.2.0.2');
    }
    expect(waits).toEqual([15, 30, 60]);
    // A right password after the lock clears the pair: the next lock starts again at 15 minutes.
    expect((await login(t, 'rep_c3', PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await login(t, 'rep_c3', `wrong-after${i}`, '10.2.0.2');
    expect(Math.round((await login(t, 'rep_c3', 'x', '10.2.0.2')).json().error.details.retryAfterSeconds / 60)).toBe(
      15,
    );
  }, 90_000);
});

describe('a guesser elsewhere cannot lock the administrator out', () => {
  it('past 30 guesses on the account from 7 addresses, new addresses are slowed to one guess per 10 s; the owner’s known address is not slowed', async () => {
    expect((await login(t, 'admin', PASSWORD, '10.3.0.1')).statusCode).toBe(200); // the administrator's usual address
    for (let a = 0; a < 7; a++) for (let i = 0; i < 5; i++) await login(t, 'admin', `guess${a}${i}`, `10.3.1.${a}`);
    const busy = await login(t, 'admin', 'guess-new0', '10.3.2.0'); // the guessers' 31st guess took the slot
    expect(busy.statusCode).toBe(429);
    expect(busy.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(busy.json().error.message).toMatch(/giây/);
    await expireLocks('login:account:admin');
    expect((await login(t, 'admin', 'guess-new1', '10.3.2.1')).statusCode).toBe(401); // slowed, not refused: the free slot
    expect((await login(t, 'admin', 'guess-new2', '10.3.2.2')).statusCode).toBe(429);
    expect((await login(t, 'admin', PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    // From a new address the administrator is slowed, never locked: once the slot is free they get in.
    await expireLocks('login:account:admin');
    expect((await login(t, 'admin', PASSWORD, '10.3.3.3')).statusCode).toBe(200);
  }, 120_000);
});

describe('guessing the current password on the password change is throttled like login', () => {
  it('5 wrong current passwords, then 429 even for the right one; another session’s address is not affected', async () => {
    const support = await t.as('support');
    const change = (currentPassword: string, from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: from,
        headers: { cookie: support.cookie, 'x-csrf-token': support.csrf },
        payload: { currentPassword, newPassword: 'Matkhaumoi2026' },
      });
    for (let i = 0; i < 5; i++)
      expect((await change(`wrong${i}`, '10.4.0.1')).json().error.code).toBe('WRONG_PASSWORD');
    const refused = await change(PASSWORD, '10.4.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/mật khẩu hiện tại/);
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => change(`par${i}`, '10.4.0.2')));
    expect(parallel.filter((r) => r.statusCode === 400).length).toBeLessThanOrEqual(5);
    expect((await change(PASSWORD, '10.4.0.3')).statusCode).toBe(204);
  }, 60_000);
});

describe('TRUSTED_PROXIES set: the forwarded address is the client', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1, 10.8.0.0/16' } });
  });
  afterAll(() => proxied.close());

  it('counts per forwarded address, records it on the session, and ignores the header from anyone else', async () => {
    for (let i = 0; i < 5; i++) await login(proxied, 'viewer', `wrong${i}`, '10.8.0.1', '203.0.113.5');
    expect((await login(proxied, 'viewer', PASSWORD, '10.8.0.1', '203.0.113.5')).statusCode).toBe(429);
    const other = await login(proxied, 'viewer', PASSWORD, '10.8.0.1', '203.0.113.6');
    expect(other.statusCode).toBe(200);
    expect(await sessionAddress(proxied, other.headers['set-cookie'])).toBe('203.0.113.6');
    const untrusted = await login(proxied, 'viewer', PASSWORD, '192.0.2.44', '203.0.113.7');
    expect(untrusted.statusCode).toBe(200);
    expect(await sessionAddress(proxied, untrusted.headers['set-cookie'])).toBe('192.0.2.44');
    const keys = (
      await proxied.database.db
        .select({ key: loginThrottle.key })
        .from(loginThrottle)
        .where(sql`key like 'login:pair:viewer|%'`)
    )
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual([
      'login:pair:viewer|192.0.2.44',
      'login:pair:viewer|203.0.113.5',
      'login:pair:viewer|203.0.113.6',
    ]);
  });
});
