// Health check, the OpenAPI document, and how the server answers malformed or hostile requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const errorShape = { error: { code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) } };

describe('health and docs', () => {
  it('GET /healthz answers 200 {"status":"ok"} without a session', async () => {
    const res = await t.anonymous.get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/docs/json is an OpenAPI 3 document listing the foundation paths', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/me',
      '/api/v1/roles',
      '/api/v1/org-units',
      '/api/v1/org-units/search',
      '/api/v1/org-units/{id}',
      '/api/v1/org-units/{id}/move',
      '/api/v1/org-units/import',
      '/api/v1/org-units/export',
      '/api/v1/unit-groups',
      '/api/v1/unit-groups/{id}/members',
      '/api/v1/users',
      '/api/v1/users/{id}/roles',
      '/api/v1/users/import',
      '/api/v1/audit',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});

describe('malformed requests', () => {
  it('an unknown /api/v1 path answers 404 in the JSON error shape, with or without a session', async () => {
    for (const res of [
      await t.anonymous.get('/api/v1/no-such-thing'),
      await (await t.as('admin')).post('/api/v1/no/such/thing', {}),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('an invalid JSON body answers 400 VALIDATION_FAILED', async () => {
    const c = await t.as('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: '{"code": "A1", "name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(res.json().error.message).toMatch(/JSON/);
  });

  it('a JSON body over 2 MB answers 413 PAYLOAD_TOO_LARGE', async () => {
    const c = await t.as('admin');
    const res = await c.post('/api/v1/org-units', {
      code: 'BIG',
      name: 'x'.repeat(2 * 1024 * 1024 + 10),
      type: 'other',
      parentId: null,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });

  it('deeply nested JSON is refused cleanly and the server keeps answering', async () => {
    const c = await t.as('admin');
    for (const depth of [1_000, 100_000]) {
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/org-units',
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
        payload: `{"code":"DEEP","name":${nested},"type":"other","parentId":null}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject(errorShape);
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)},"password":"x"}`,
    });
    expect(login.statusCode).toBe(400);
    expect((await t.anonymous.get('/healthz')).statusCode).toBe(200);
  });

  it('a "__proto__" key in a body does not pollute objects', async () => {
    const c = await t.as('admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: '{"__proto__":{"polluted":true},"phone":"0912345678"}',
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a malformed id in a path answers 400 VALIDATION_FAILED, not a database error', async () => {
    const c = await t.as('admin');
    const res = await c.get("/api/v1/org-units/1'%20or%201=1");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
