// Requests as a machine client: `Authorization: Bearer <token>`, no cookie, no CSRF header.
import type { LightMyRequestResponse } from 'fastify';
import { multipartBody, type TestApp } from './test-app.ts';

export interface BearerClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  upload(url: string, filename: string, content: Buffer): Promise<LightMyRequestResponse>;
}

export function bearer(t: TestApp, token: string): BearerClient {
  const authorization = `Bearer ${token}`;
  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers: { authorization } }),
    post: (url, body) => t.app.inject({ method: 'POST', url, headers: { authorization }, ...(body === undefined ? {} : { payload: body as object }) }),
    upload: (url, filename, content) => {
      const mp = multipartBody(filename, content);
      return t.app.inject({ method: 'POST', url, headers: { authorization, 'content-type': mp.contentType }, payload: mp.payload });
    },
  };
}

/** Issues a token for the account through the API as the system administrator. */
export async function issueToken(t: TestApp, userId: string, name = 'Hệ thống một cửa tỉnh'): Promise<{ id: string; token: string }> {
  const admin = await t.as('admin');
  const res = await admin.post(`/api/v1/users/${userId}/tokens`, { name });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json();
}
