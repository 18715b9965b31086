// Requests as a machine client: `Authorization: Bearer <token>`, no cookie, no CSRF header.
import type { LightMyRequestResponse } from 'fastify';
import { multipartBody, type TestApp } from './test-app.ts';

export interface BearerClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  upload(url: string, filename: string, content: Buffer): Promise<LightMyRequestResponse>;
}

export function bearer(t: TestApp, token: string): BearerClient {
  const authorization = `Bearer ${token}`;
  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers: { authorization } }),
    post: (url, body) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { authorization },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    patch: (url, body) =>
      t.app.inject({
        method: 'PATCH',
        url,
        headers: { authorization },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    delete: (url) => t.app.inject({ method: 'DELETE', url, headers: { authorization } }),
    upload: (url, filename, content) => {
      const mp = multipartBody(filename, content);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { authorization, 'content-type': mp.contentType },
        payload: mp.payload,
      });
    },
  };
}

/** Issues a token for the account through the API as the system administrator (scope: supplying figures). */
export async function issueToken(
  t: TestApp,
  userId: string,
  name = 'Hệ thống một cửa tỉnh',
  scope = 'figures:write',
): Promise<{ id: string; token: string }> {
  const admin = await t.as('admin');
  const res = await admin.post(`/api/v1/users/${userId}/tokens`, { name, scope });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json();
}
