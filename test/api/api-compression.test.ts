// The staff API's JSON goes out compressed when the browser accepts it (decision 0019): the same JSON
// once decoded, br before gzip, identity when nothing is offered; small answers, errors and the answers
// that carry secrets (sign-in with its CSRF token, API tokens) are never compressed.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CampaignIds, createOpenCampaign, fillAll } from '../support/campaign-fixture.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const now: Date = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: CampaignIds;
const form = () => `/api/v1/assessments/${ids.assessments.C1}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await createOpenCampaign(t);
  await fillAll(t, ids.assessments.C1!);
});
afterAll(async () => t.close());

describe('staff API answers compressed for the browsers that accept it', () => {
  it('the form: br when offered, the same JSON once decoded; gzip when only gzip; identity otherwise', async () => {
    const rep = await t.as('rep_c1');
    const plain = await rep.get(form());
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');

    const br = await rep.get(form(), { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    const brBytes = br.rawPayload;
    expect(Number(br.headers['content-length'])).toBe(brBytes.length);
    expect(brotliDecompressSync(brBytes).toString()).toBe(plain.body);
    expect(brBytes.length).toBeLessThan(plain.rawPayload.length / 2);

    const gz = await rep.get(form(), { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    const refused = await rep.get(form(), { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('the remembered answer is compressed once and sent again as the same bytes', async () => {
    const rep = await t.as('rep_c1');
    // The form's answer is remembered from its second load at one revision (decision 0018).
    await rep.get(form());
    await rep.get(form());
    const first = await rep.get(form(), { 'accept-encoding': 'br' });
    const second = await rep.get(form(), { 'accept-encoding': 'br' });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('a save changes the form: the next compressed answer decodes to the new JSON', async () => {
    const rep = await t.as('rep_c1');
    const before = await rep.get(form(), { 'accept-encoding': 'br' });
    const json = JSON.parse(brotliDecompressSync(before.rawPayload).toString()) as {
      items: { code: string; version: number }[];
    };
    const item = json.items.find((i) => i.code === '2.2')!;
    const saved = await rep.put(`${form()}/items/2.2`, {
      inputs: { value: 4 },
      explanation: 'Giải trình đã sửa để kiểm tra nén',
      version: item.version,
    });
    expect(saved.statusCode).toBe(200);
    const after = await rep.get(form(), { 'accept-encoding': 'br' });
    const plain = await rep.get(form());
    expect(brotliDecompressSync(after.rawPayload).toString()).toBe(plain.body);
    expect(plain.body).toContain('Giải trình đã sửa để kiểm tra nén');
  });

  it('the unit tree and the accounts list are compressed; a small answer and an error are not', async () => {
    const office = await t.as('office');
    const tree = await office.get('/api/v1/org-units', { 'accept-encoding': 'gzip' });
    expect(tree.statusCode).toBe(200);
    expect(tree.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(tree.rawPayload).toString())).toEqual((await office.get('/api/v1/org-units')).json());

    // An answer serialized per request as a string (the accounts list) takes the same way.
    const accounts = await office.get('/api/v1/users', { 'accept-encoding': 'br' });
    expect(accounts.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(accounts.rawPayload).toString()).toBe((await office.get('/api/v1/users')).body);

    const small = await office.get('/api/v1/unit-groups', { 'accept-encoding': 'br' });
    expect(small.rawPayload.length).toBeLessThan(1400);
    expect(small.headers['content-encoding']).toBeUndefined();

    const missing = await office.get('/api/v1/assessments/00000000-0000-4000-8000-000000000000', {
      'accept-encoding': 'br',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(() => missing.json()).not.toThrow();
  });

  it('never compresses an answer that carries a secret: sign-in, the session, API tokens', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-encoding': 'br, gzip' },
      payload: { username: 'office', password: PASSWORD },
    });
    expect(login.headers['content-encoding']).toBeUndefined();
    const office = await t.as('office');
    const me = await office.get('/api/v1/auth/me', { 'accept-encoding': 'br, gzip' });
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().csrfToken).toBeTruthy();
  });
});
