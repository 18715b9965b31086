// Sessions, login throttling, CSRF and password change, against the real app and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('opens a session with an httpOnly SameSite cookie and returns the user, roles and abilities', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'office', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'thuocdo_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(res.json().roles[0]).toMatchObject({ role: 'dx_office', unitCode: 'P', subtree: true });
    expect(res.json().abilities.manageUnits).toBe(true);
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown user alike', async () => {
    for (const username of ['viewer', 'nobody-here']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password1' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
    }
  });

  it('locks an address out of an account after 5 wrong passwords (429 with a clear message, even for the right password); another address still signs in', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'chair', password: `wrong${i}` },
        remoteAddress: '10.0.0.9',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    const sameAddress = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'chair', password: PASSWORD },
      remoteAddress: '10.0.0.9',
    });
    expect(sameAddress.statusCode).toBe(429);
    expect(sameAddress.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(sameAddress.json().error.message).toMatch(/thử lại sau 15 phút/);
    expect(sameAddress.json().error.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'chair', password: PASSWORD },
      remoteAddress: '10.0.0.8',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `ghost${i}`, password: 'x' },
        remoteAddress: '10.0.0.77',
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('refuses a login posted as a cross-site HTML form (not JSON)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin&password=x',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('session', () => {
  it('GET /auth/me without a session is 401 UNAUTHENTICATED', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a forged or foreign session cookie is not accepted', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'thuocdo_sid=not-a-real-token' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('a session cookie of another user shows that user, never mixes identities', async () => {
    const a = await t.as('rep_c1');
    const b = await t.as('rep_c3');
    expect((await a.get('/api/v1/auth/me')).json().user.username).toBe('rep_c1');
    expect((await b.get('/api/v1/auth/me')).json().user.username).toBe('rep_c3');
  });

  it('state-changing requests without the CSRF token are refused with 403 CSRF_TOKEN_INVALID', async () => {
    const c = await t.as('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: c.cookie },
      payload: { code: 'NOCSRF', name: 'x', type: 'commune', parentId: t.unit('P') },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: c.cookie, 'x-csrf-token': 'guess' },
      payload: { code: 'NOCSRF', name: 'x', type: 'commune', parentId: t.unit('P') },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('logout ends the session', async () => {
    const c = await t.as('viewer', PASSWORD + '');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: c.cookie } })).statusCode,
    ).toBe(401);
  });

  it('changing the password ends the other sessions but keeps this one', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'member', password: PASSWORD },
    });
    const otherCookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const c = await t.as('member');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const wrong = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Moimatkhau2025' });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Moimatkhau2025' });
    expect(ok.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: otherCookie } })).statusCode,
    ).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'member', password: 'Moimatkhau2025' },
    });
    expect(relogin.statusCode).toBe(200);
  });

  it('sets security headers', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('sets the same security headers on every kind of answer (success, error, unknown path)', async () => {
    const answers = [
      await t.anonymous.get('/api/v1/auth/me'),
      await t.anonymous.get('/api/v1/khong-co'),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([401, 404, 200]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
